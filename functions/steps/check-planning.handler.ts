import { wire } from '../../shared/adapters/ports/port';
import { jurors, sessions } from '../../shared/adapters/ports/dynamodb';
import * as z from 'zod';
import { stepHandler } from '../../shared/http/step-handler';
import { checkPlanning } from '../../shared/use-cases/sessions/workflow-steps';

/** This function's ports. */
const deps = wire({ jurors, sessions });

/** `CheckJuryAndRegistrations`: checks again the jury and registrations once planning is closed. */
export const handler = stepHandler(z.object({ sessionId: z.string() }), ({ sessionId }) => checkPlanning(deps, sessionId));
