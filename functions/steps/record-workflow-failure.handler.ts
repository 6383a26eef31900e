import { wire } from '../../shared/adapters/ports/port';
import { jurors, sessions } from '../../shared/adapters/ports/dynamodb';
import * as z from 'zod';
import { stepHandler } from '../../shared/http/step-handler';
import { recordWorkflowFailure } from '../../shared/use-cases/sessions/workflow-steps';

/** This function's ports. */
const deps = wire({ jurors, sessions });

const payload = z.object({
  sessionId: z.string(),
  failure: z.object({ Error: z.string().default('Unknown'), Cause: z.string().default('') }).default({ Error: 'Unknown', Cause: '' }),
});

/** `RecordWorkflowFailure`: stores on the session why its workflow stopped. */
export const handler = stepHandler(payload, async ({ sessionId, failure }) => {
  await recordWorkflowFailure(deps, sessionId, { error: failure.Error, cause: failure.Cause.slice(0, 1000) });
  return { sessionId };
});
