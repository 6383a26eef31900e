import { wire } from '../../shared/adapters/ports/port';
import { sessions } from '../../shared/adapters/ports/dynamodb';
import { apiHandler } from '../../shared/http/api-handler';
import { setTrainers } from '../../shared/use-cases/candidates/set-trainers';
import { SetTrainers } from '../../shared/wiring/routes';

/** This function's ports. */
const deps = wire({ sessions });

/** `PUT /sessions/{sessionId}/trainers`: the cohort's trainers (JURY-3). */
export const handler = apiHandler(SetTrainers, async ({ caller, path, body }) => ({
  body: { trainers: await setTrainers(deps, caller, path.sessionId, body.trainers) },
}));
