import { wire } from '../../shared/adapters/ports/port';
import { jurors, sessions } from '../../shared/adapters/ports/dynamodb';
import { workflow } from '../../shared/adapters/ports/workflow';
import { idempotentApiHandler } from '../../shared/http/idempotent-api-handler';
import { runOral } from '../../shared/use-cases/exam-day/candidate-steps';
import { RunOral } from '../../shared/wiring/routes';

/** This function's ports. */
const deps = wire({ jurors, sessions, workflow });

/** `POST …/candidates/{registrationId}/oral`: the oral's clock, stamped by the server (EXAM-1, EXAM-2). */
export const handler = idempotentApiHandler(RunOral, async ({ caller, path, body }) => ({ body: await runOral(deps, caller, path.sessionId, path.registrationId, body.action) }));
