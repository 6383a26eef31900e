import { z } from 'zod';
import { deps } from '../../shared/adapters/dependencies';
import { stepHandler } from '../../shared/http/step-handler';
import { releaseResults } from '../../shared/use-cases/records/results';

/** `ReleaseResults`: diplomas and booklets issued with their verification codes; the appeal window opens (RETAKE-1, QUAL-1). */
export const handler = stepHandler(z.object({ sessionId: z.string() }), async ({ sessionId }) => ({ sessionId, ...(await releaseResults(deps, sessionId)) }));
