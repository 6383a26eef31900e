import { wire } from '../../shared/adapters/ports/port';
import { jurors, sessions } from '../../shared/adapters/ports/dynamodb';
import { workflow } from '../../shared/adapters/ports/workflow';
import { apiHandler } from '../../shared/http/api-handler';
import { closePlanning } from '../../shared/use-cases/sessions/close-planning';
import { publicSession } from '../../shared/use-cases/sessions/records';
import { ROUTE } from '../../shared/wiring/routes';

/** This function's ports. */
const deps = wire({ jurors, sessions, workflow });

/** `POST /sessions/{sessionId}/close-planning`: closes planning or says, by rule, what blocks it. */
export const handler = apiHandler(ROUTE.ClosePlanning, async ({ caller, path }) => ({
  body: { session: publicSession(await closePlanning(deps, caller, path.sessionId)) },
}));
