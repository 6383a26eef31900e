import { wire } from '../../shared/adapters/ports/port';
import { jurors, sessions } from '../../shared/adapters/ports/dynamodb';
import { workflow } from '../../shared/adapters/ports/workflow';
import { idempotentApiHandler } from '../../shared/http/idempotent-api-handler';
import { checkIdentity } from '../../shared/use-cases/exam-day/candidate-steps';
import { CheckIdentity } from '../../shared/wiring/routes';

/** This function's ports. */
const deps = wire({ jurors, sessions, workflow });

/** `POST …/candidates/{registrationId}/identity-check`: a remote candidate's identity, verified before the oral (EXAM-5). */
export const handler = idempotentApiHandler(CheckIdentity, async ({ caller, path, body }) => ({ body: await checkIdentity(deps, caller, path.sessionId, path.registrationId, body) }));
