import { wire } from '../../shared/adapters/ports/port';
import { sessions } from '../../shared/adapters/ports/dynamodb';
import * as z from 'zod';
import { stepHandler } from '../../shared/http/step-handler';
import { freezeDeliverables } from '../../shared/use-cases/deliverables/freeze';

/** This function's ports. */
const deps = wire({ sessions });

/** `FreezeDeliverables`: at the intake deadline, fixes each candidate's jury set (DELIV-7). */
export const handler = stepHandler(z.object({ sessionId: z.string() }), ({ sessionId }) => freezeDeliverables(deps, sessionId));
