import { wire } from '../../shared/adapters/ports/port';
import { documents } from '../../shared/adapters/ports/documents';
import { sessions, settings } from '../../shared/adapters/ports/dynamodb';
import { records } from '../../shared/adapters/ports/records-archive';
import * as z from 'zod';
import { stepHandler } from '../../shared/http/step-handler';
import { releaseResults } from '../../shared/use-cases/records/results';

/** This function's ports. */
const deps = wire({ documents, records, sessions, settings });

/** `ReleaseResults`: diplomas and booklets issued with their verification codes; the appeal window opens (RETAKE-1, QUAL-1). */
export const handler = stepHandler(z.object({ sessionId: z.string() }), async ({ sessionId }) => ({ sessionId, ...(await releaseResults(deps, sessionId)) }));
