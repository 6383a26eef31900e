import { wire } from '../../shared/adapters/ports/port';
import { jurors, sessions } from '../../shared/adapters/ports/dynamodb';
import * as z from 'zod';
import { stepHandler } from '../../shared/http/step-handler';
import { nextCandidate } from '../../shared/use-cases/exam-day/exam-workflow';

/** This function's ports. */
const deps = wire({ jurors, sessions });

/** `NextCandidate`: calls the next candidate in the day's order, or answers that every candidate is done. */
export const handler = stepHandler(z.object({ sessionId: z.string() }), ({ sessionId }) => nextCandidate(deps, sessionId));
