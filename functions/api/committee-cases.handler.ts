import { wire } from '../../shared/adapters/ports/port';
import { recordsIndex } from '../../shared/adapters/ports/dynamodb';
import { apiHandler } from '../../shared/http/api-handler';
import { committeeQueue } from '../../shared/use-cases/records/committee';
import { CommitteeCases } from '../../shared/wiring/routes';

/** This function's ports. */
const deps = wire({ recordsIndex });

/** `GET /committee/cases`: the quality committee's queue (QUAL-2). */
export const handler = apiHandler(CommitteeCases, async ({ caller, query, language }) => ({ body: await committeeQueue(deps, caller, query, language) }));
