import { wire } from '../../shared/adapters/ports/port';
import { jurors, sessions } from '../../shared/adapters/ports/dynamodb';
import { workflow } from '../../shared/adapters/ports/workflow';
import * as z from 'zod';
import { stepHandler } from '../../shared/http/step-handler';
import { awaitHumanStep } from '../../shared/use-cases/sessions/workflow-steps';

/** This function's ports. */
const deps = wire({ jurors, sessions, workflow });

/** Every human step (`WaitForPlanning`, `WaitForConflictDeclarations`, `WaitForCandidate`, `WaitForPvSeal`): stores the task token the step will answer. */
export const handler = stepHandler(
  z.object({
    sessionId: z.string(),
    step: z.enum(['planning', 'declarations', 'candidate', 'pv-seal']),
    registrationId: z.string().optional(),
    taskToken: z.string().min(1),
  }),
  async ({ sessionId, step, taskToken, registrationId }) => {
    await awaitHumanStep(deps, sessionId, step, taskToken, registrationId);
    return { sessionId, step };
  },
);
