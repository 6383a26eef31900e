import { wire } from '../../shared/adapters/ports/port';
import { jurors, sessions } from '../../shared/adapters/ports/dynamodb';
import * as z from 'zod';
import { stepHandler } from '../../shared/http/step-handler';
import { recordStepOverdue } from '../../shared/use-cases/sessions/workflow-steps';

/** This function's ports. */
const deps = wire({ jurors, sessions });

/** `…Overdue` states: a human step timed out; the session is blocked with the ways out, never failed. */
export const handler = stepHandler(z.object({ sessionId: z.string(), step: z.enum(['planning', 'declarations', 'candidate', 'pv-seal']) }), async ({ sessionId, step }) => {
  await recordStepOverdue(deps, sessionId, step);
  return { sessionId, step };
});
