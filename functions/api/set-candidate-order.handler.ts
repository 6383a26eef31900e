import { wire } from '../../shared/adapters/ports/port';
import { sessions } from '../../shared/adapters/ports/dynamodb';
import { apiHandler } from '../../shared/http/api-handler';
import { setCandidateOrder } from '../../shared/use-cases/exam-day/schedule';
import { SetCandidateOrder } from '../../shared/wiring/routes';

/** This function's ports. */
const deps = wire({ sessions });

/** `PUT /sessions/{sessionId}/schedule`: the order the candidates sit in, until the day opens (EXAM-1). */
export const handler = apiHandler(SetCandidateOrder, async ({ caller, path, body }) => ({
  body: { order: await setCandidateOrder(deps, caller, path.sessionId, body.order) },
}));
