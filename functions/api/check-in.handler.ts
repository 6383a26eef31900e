import { wire } from '../../shared/adapters/ports/port';
import { jurors, sessions } from '../../shared/adapters/ports/dynamodb';
import { workflow } from '../../shared/adapters/ports/workflow';
import { idempotentApiHandler } from '../../shared/http/idempotent-api-handler';
import { checkIn } from '../../shared/use-cases/exam-day/candidate-steps';
import { CheckIn } from '../../shared/wiring/routes';

/** This function's ports. */
const deps = wire({ jurors, sessions, workflow });

/** `POST …/candidates/{registrationId}/check-in`: present, absent, or late with the manager's decision (EXAM-3, EXAM-4). */
export const handler = idempotentApiHandler(CheckIn, async ({ caller, path, body }) => ({ body: await checkIn(deps, caller, path.sessionId, path.registrationId, body) }));
