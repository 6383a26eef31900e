import { deps } from '../../shared/adapters/dependencies';
import { apiHandler } from '../../shared/http/api-handler';
import { setTrainers } from '../../shared/use-cases/candidates/set-trainers';
import { ROUTE } from '../../shared/wiring/routes';

/** `PUT /sessions/{sessionId}/trainers`: the cohort's trainers (JURY-3). */
export const handler = apiHandler(ROUTE.SetTrainers, async ({ caller, path, body }) => ({
  body: { trainers: await setTrainers(deps, caller, path.sessionId, body.trainers) },
}));
