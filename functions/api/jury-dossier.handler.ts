import { deps } from '../../shared/adapters/dependencies';
import { apiHandler } from '../../shared/http/api-handler';
import { juryDossier } from '../../shared/use-cases/exam-day/dossier';
import { ROUTE } from '../../shared/wiring/routes';

/** `GET /sessions/{sessionId}/dossier`: a juror's dossier for their candidates (JURY-8), its delivery recorded (JURY-7). */
export const handler = apiHandler(ROUTE.JuryDossier, async ({ caller, path }) => ({ body: { dossier: await juryDossier(deps, caller, path.sessionId) } }));
