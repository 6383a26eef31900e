import { wire } from '../../shared/adapters/ports/port';
import { jurors, sessions } from '../../shared/adapters/ports/dynamodb';
import * as z from 'zod';
import { stepHandler } from '../../shared/http/step-handler';
import { openIntake } from '../../shared/use-cases/sessions/workflow-steps';

/** This function's ports. */
const deps = wire({ jurors, sessions });

/** `OpenIntake`: the session moves to deliverable intake; returns when intake closes (DELIV-4). */
export const handler = stepHandler(z.object({ sessionId: z.string() }), ({ sessionId }) => openIntake(deps, sessionId));
