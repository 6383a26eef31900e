import { wire } from '../../shared/adapters/ports/port';
import { jurors, sessions } from '../../shared/adapters/ports/dynamodb';
import { apiHandler } from '../../shared/http/api-handler';
import { juryReceipts } from '../../shared/use-cases/deliverables/jury-receipts';
import { JuryReceipts } from '../../shared/wiring/routes';

/** This function's ports. */
const deps = wire({ jurors, sessions });

/** `GET /sessions/{sessionId}/jury-receipts`: what each juror received and when (JURY-7). */
export const handler = apiHandler(JuryReceipts, async ({ caller, path }) => ({ body: await juryReceipts(deps, caller, path.sessionId) }));
