import { z } from 'zod';
import { deps } from '../../shared/adapters/dependencies';
import { stepHandler } from '../../shared/http/step-handler';
import { recordWorkflowStarted } from '../../shared/use-cases/sessions/workflow-steps';

/** `OpenPlanning`: records on the session that its lifecycle execution runs. */
export const handler = stepHandler(z.object({ sessionId: z.string(), executionArn: z.string() }), async ({ sessionId, executionArn }) => {
  await recordWorkflowStarted(deps, sessionId, executionArn);
  return { sessionId };
});
