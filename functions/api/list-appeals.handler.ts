import { wire } from '../../shared/adapters/ports/port';
import { sessions } from '../../shared/adapters/ports/dynamodb';
import { apiHandler } from '../../shared/http/api-handler';
import { listOwnAppeals } from '../../shared/use-cases/records/appeals';
import { ListAppeals } from '../../shared/wiring/routes';

/** This function's ports. */
const deps = wire({ sessions });

/** `GET …/candidates/{registrationId}/appeals`: a candidate's own appeals (QUAL-1). */
export const handler = apiHandler(ListAppeals, async ({ caller, path }) => ({ body: { appeals: await listOwnAppeals(deps, caller, path.sessionId, path.registrationId) } }));
