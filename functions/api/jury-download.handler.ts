import { deps } from '../../shared/adapters/dependencies';
import { apiHandler } from '../../shared/http/api-handler';
import { juryDownload } from '../../shared/use-cases/deliverables/jury-access';
import { ROUTE } from '../../shared/wiring/routes';

/** `GET …/deliverables/{deliverableType}/download`: a juror's short-lived URL to the jury's version. */
export const handler = apiHandler(ROUTE.JuryDownload, async ({ caller, path }) => ({
  body: { download: await juryDownload(deps, caller, path.sessionId, path.registrationId, path.deliverableType) },
}));
