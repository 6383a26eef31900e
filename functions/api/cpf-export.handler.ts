import { wire } from '../../shared/adapters/ports/port';
import { cpfFlux } from '../../shared/adapters/ports/cpf-flux';
import { audit, recordsIndex, sessions, settings } from '../../shared/adapters/ports/dynamodb';
import { apiHandler } from '../../shared/http/api-handler';
import { cpfExport } from '../../shared/use-cases/records/cpf-export';
import { CpfExport } from '../../shared/wiring/routes';

/** This function's ports. */
const deps = wire({ audit, cpfFlux, recordsIndex, sessions, settings });

/** `GET /cpf-export`: the holders' flux for the CPF information system. */
export const handler = apiHandler(CpfExport, async ({ caller, query }) => ({ body: await cpfExport(deps, caller, query) }));
