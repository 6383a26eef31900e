import { z } from 'zod';
import { deps } from '../../shared/adapters/dependencies';
import { stepHandler } from '../../shared/http/step-handler';
import { closeExamDay } from '../../shared/use-cases/exam-day/exam-workflow';

/** `CloseExamDay`: every candidate is deliberated or absent; the PV's counts are completed (PV-5). */
export const handler = stepHandler(z.object({ sessionId: z.string() }), async ({ sessionId }) => {
  await closeExamDay(deps, sessionId);
  return { sessionId };
});
