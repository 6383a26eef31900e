import { wire } from '../../shared/adapters/ports/port';
import { jurors, sessions } from '../../shared/adapters/ports/dynamodb';
import * as z from 'zod';
import { stepHandler } from '../../shared/http/step-handler';
import { closeExamDay } from '../../shared/use-cases/exam-day/exam-workflow';

/** This function's ports. */
const deps = wire({ jurors, sessions });

/** `CloseExamDay`: every candidate is deliberated or absent; the PV's counts are completed (PV-5). */
export const handler = stepHandler(z.object({ sessionId: z.string() }), async ({ sessionId }) => {
  await closeExamDay(deps, sessionId);
  return { sessionId };
});
