import { z } from 'zod';
import { deps } from '../../shared/adapters/dependencies';
import { stepHandler } from '../../shared/http/step-handler';
import { checkPlanning } from '../../shared/use-cases/sessions/workflow-steps';

/** `CheckJuryAndRegistrations`: checks again the jury and registrations once planning is closed. */
export const handler = stepHandler(z.object({ sessionId: z.string() }), ({ sessionId }) => checkPlanning(deps, sessionId));
