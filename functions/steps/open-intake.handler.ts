import { z } from 'zod';
import { deps } from '../../shared/adapters/dependencies';
import { stepHandler } from '../../shared/http/step-handler';
import { openIntake } from '../../shared/use-cases/sessions/workflow-steps';

/** `OpenIntake`: the session moves to deliverable intake; returns when intake closes (DELIV-4). */
export const handler = stepHandler(z.object({ sessionId: z.string() }), ({ sessionId }) => openIntake(deps, sessionId));
