import { z } from 'zod';
import { deps } from '../../shared/adapters/dependencies';
import { stepHandler } from '../../shared/http/step-handler';
import { freezeDeliverables } from '../../shared/use-cases/deliverables/freeze';

/** `FreezeDeliverables`: at the intake deadline, fixes each candidate's jury set (DELIV-7). */
export const handler = stepHandler(z.object({ sessionId: z.string() }), ({ sessionId }) => freezeDeliverables(deps, sessionId));
