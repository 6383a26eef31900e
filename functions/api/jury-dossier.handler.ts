import { wire } from '../../shared/adapters/ports/port';
import { jurors, sessions } from '../../shared/adapters/ports/dynamodb';
import { apiHandler } from '../../shared/http/api-handler';
import { juryDossier } from '../../shared/use-cases/exam-day/dossier';
import { JuryDossier } from '../../shared/wiring/routes';

/** This function's ports. */
const deps = wire({ jurors, sessions });

/** `GET /sessions/{sessionId}/dossier`: a juror's dossier for their candidates (JURY-8), its delivery recorded (JURY-7). */
export const handler = apiHandler(JuryDossier, async ({ caller, path }) => ({ body: { dossier: await juryDossier(deps, caller, path.sessionId) } }));
