import { z } from 'zod';
import { deps } from '../../shared/adapters/dependencies';
import { stepHandler } from '../../shared/http/step-handler';
import { recordPendingStep } from '../../shared/use-cases/sessions/workflow-steps';

/** `WaitForPlanning`: stores the task token that closing planning will answer. */
export const handler = stepHandler(
  z.object({ sessionId: z.string(), step: z.string(), taskToken: z.string().min(1) }),
  async ({ sessionId, step, taskToken }) => {
    await recordPendingStep(deps, sessionId, step, taskToken);
    return { sessionId, step };
  },
);
