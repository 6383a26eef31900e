import { z } from 'zod';
import { deps } from '../../shared/adapters/dependencies';
import { stepHandler } from '../../shared/http/step-handler';
import { markReadyForExamDay } from '../../shared/use-cases/exam-day/exam-workflow';

/** `MarkReadyForExamDay`: every juror declared and every candidate has 2 eligible jurors (JURY-4); returns when the exam day starts. */
export const handler = stepHandler(z.object({ sessionId: z.string() }), ({ sessionId }) => markReadyForExamDay(deps, sessionId));
