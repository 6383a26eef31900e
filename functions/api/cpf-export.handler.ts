import { deps } from '../../shared/adapters/dependencies';
import { apiHandler } from '../../shared/http/api-handler';
import { cpfExport } from '../../shared/use-cases/records/cpf-export';
import { ROUTE } from '../../shared/wiring/routes';

/** `GET /cpf-export`: the holders' flux for the CPF information system. */
export const handler = apiHandler(ROUTE.CpfExport, async ({ caller, query }) => ({ body: await cpfExport(deps, caller, query) }));
