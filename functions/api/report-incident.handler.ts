import { deps } from '../../shared/adapters/dependencies';
import { apiHandler } from '../../shared/http/api-handler';
import { reportIncident } from '../../shared/use-cases/exam-day/incidents';
import { ROUTE } from '../../shared/wiring/routes';

/** `POST /sessions/{sessionId}/incidents`: a juror's absence, a breach, a late-found conflict (JURY-5, JURY-6, EXAM-6). */
export const handler = apiHandler(ROUTE.ReportIncident, async ({ caller, path, body, newId }) => ({ body: await reportIncident(deps, caller, path.sessionId, body, newId()) }));
