import { wire } from '../../shared/adapters/ports/port';
import { jurors, sessions } from '../../shared/adapters/ports/dynamodb';
import * as z from 'zod';
import { stepHandler } from '../../shared/http/step-handler';
import { recordWorkflowStarted } from '../../shared/use-cases/sessions/workflow-steps';

/** This function's ports. */
const deps = wire({ jurors, sessions });

/** `OpenPlanning`: records on the session that its lifecycle execution runs. */
export const handler = stepHandler(z.object({ sessionId: z.string(), executionArn: z.string() }), async ({ sessionId, executionArn }) => {
  await recordWorkflowStarted(deps, sessionId, executionArn);
  return { sessionId };
});
