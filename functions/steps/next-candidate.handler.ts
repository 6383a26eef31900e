import { z } from 'zod';
import { deps } from '../../shared/adapters/dependencies';
import { stepHandler } from '../../shared/http/step-handler';
import { nextCandidate } from '../../shared/use-cases/exam-day/exam-workflow';

/** `NextCandidate`: calls the next candidate in the day's order, or answers that every candidate is done. */
export const handler = stepHandler(z.object({ sessionId: z.string() }), ({ sessionId }) => nextCandidate(deps, sessionId));
