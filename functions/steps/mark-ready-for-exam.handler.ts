import { wire } from '../../shared/adapters/ports/port';
import { jurors, sessions } from '../../shared/adapters/ports/dynamodb';
import * as z from 'zod';
import { stepHandler } from '../../shared/http/step-handler';
import { markReadyForExamDay } from '../../shared/use-cases/exam-day/exam-workflow';

/** This function's ports. */
const deps = wire({ jurors, sessions });

/** `MarkReadyForExamDay`: every juror declared and every candidate has 2 eligible jurors (JURY-4); returns when the exam day starts. */
export const handler = stepHandler(z.object({ sessionId: z.string() }), ({ sessionId }) => markReadyForExamDay(deps, sessionId));
