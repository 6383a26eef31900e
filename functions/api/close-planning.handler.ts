import { wire } from '../../shared/adapters/ports/port';
import { jurors, sessions } from '../../shared/adapters/ports/dynamodb';
import { workflow } from '../../shared/adapters/ports/workflow';
import { idempotentApiHandler } from '../../shared/http/idempotent-api-handler';
import { closePlanning } from '../../shared/use-cases/sessions/close-planning';
import { publicSession } from '../../shared/use-cases/sessions/records';
import { ClosePlanning } from '../../shared/wiring/routes';

/** This function's ports. */
const deps = wire({ jurors, sessions, workflow });

/** `POST /sessions/{sessionId}/close-planning`: closes planning or says, by rule, what blocks it. */
export const handler = idempotentApiHandler(ClosePlanning, async ({ caller, path, language }) => ({
  body: { session: publicSession(await closePlanning(deps, caller, path.sessionId), language) },
}));
