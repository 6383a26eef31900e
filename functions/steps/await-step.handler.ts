import { z } from 'zod';
import { deps } from '../../shared/adapters/dependencies';
import { stepHandler } from '../../shared/http/step-handler';
import { awaitHumanStep } from '../../shared/use-cases/sessions/workflow-steps';

/** `WaitForPlanning`, `WaitForConflictDeclarations`: stores the task token the human step will answer. */
export const handler = stepHandler(
  z.object({ sessionId: z.string(), step: z.enum(['planning', 'declarations']), taskToken: z.string().min(1) }),
  async ({ sessionId, step, taskToken }) => {
    await awaitHumanStep(deps, sessionId, step, taskToken);
    return { sessionId, step };
  },
);
