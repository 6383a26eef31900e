import { wire } from '../../shared/adapters/ports/port';
import { recordsIndex, sessions } from '../../shared/adapters/ports/dynamodb';
import { apiHandler } from '../../shared/http/api-handler';
import { verifyCertificate } from '../../shared/use-cases/records/results';
import { Verify } from '../../shared/wiring/routes';

/** This function's ports. */
const deps = wire({ recordsIndex, sessions });

/** `GET /verify/{code}`: the public verification of a diploma or booklet (RETAKE-1, QUAL-2). */
export const handler = apiHandler(Verify, async ({ path }) => ({ body: await verifyCertificate(deps, path.code), headers: { 'cache-control': 'no-store' } }));
