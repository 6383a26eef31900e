import { z } from 'zod';
import { deps } from '../../shared/adapters/dependencies';
import { stepHandler } from '../../shared/http/step-handler';
import { markReadyForExamDay } from '../../shared/use-cases/sessions/workflow-steps';

/** `MarkReadyForExamDay`: every juror declared and every candidate has 2 eligible jurors (JURY-4). */
export const handler = stepHandler(z.object({ sessionId: z.string() }), async ({ sessionId }) => {
  await markReadyForExamDay(deps, sessionId);
  return { sessionId };
});
