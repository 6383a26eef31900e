import { wire } from '../../shared/adapters/ports/port';
import { jurors, sessions } from '../../shared/adapters/ports/dynamodb';
import { idempotentApiHandler } from '../../shared/http/idempotent-api-handler';
import { reportIncident } from '../../shared/use-cases/exam-day/incidents';
import { ReportIncident } from '../../shared/wiring/routes';

/** This function's ports. */
const deps = wire({ jurors, sessions });

/** `POST /sessions/{sessionId}/incidents`: a juror's absence, a breach, a late-found conflict (JURY-5, JURY-6, EXAM-6). */
export const handler = idempotentApiHandler(ReportIncident, async ({ caller, path, body, newId }) => ({ body: await reportIncident(deps, caller, path.sessionId, body, newId()) }));
