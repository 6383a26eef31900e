import { wire } from '../../shared/adapters/ports/port';
import { jurors, sessions } from '../../shared/adapters/ports/dynamodb';
import * as z from 'zod';
import { stepHandler } from '../../shared/http/step-handler';
import { openExamDay } from '../../shared/use-cases/exam-day/exam-workflow';

/** This function's ports. */
const deps = wire({ jurors, sessions });

/** `OpenExamDay`: at the session's start the day opens; the order is fixed, no extra time can be added (EXAM-1, EXAM-2). */
export const handler = stepHandler(z.object({ sessionId: z.string() }), async ({ sessionId }) => {
  await openExamDay(deps, sessionId);
  return { sessionId };
});
