import { wire } from '../../shared/adapters/ports/port';
import { documents } from '../../shared/adapters/ports/documents';
import { jurors, sessions } from '../../shared/adapters/ports/dynamodb';
import { apiHandler } from '../../shared/http/api-handler';
import { readPv } from '../../shared/use-cases/exam-day/dossier';
import { GetPv } from '../../shared/wiring/routes';

/** This function's ports. */
const deps = wire({ documents, jurors, sessions });

/** `GET /sessions/{sessionId}/pv`: the PV as it stands (PV-5). */
export const handler = apiHandler(GetPv, async ({ caller, path }) => ({ body: await readPv(deps, caller, path.sessionId) }));
