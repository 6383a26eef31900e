import { wire } from '../../shared/adapters/ports/port';
import { jurors, sessions } from '../../shared/adapters/ports/dynamodb';
import { files } from '../../shared/adapters/ports/s3';
import { apiHandler } from '../../shared/http/api-handler';
import { juryDownload } from '../../shared/use-cases/deliverables/jury-access';
import { ROUTE } from '../../shared/wiring/routes';

/** This function's ports. */
const deps = wire({ files, jurors, sessions });

/** `GET …/deliverables/{deliverableType}/download`: a juror's short-lived URL to the jury's version. */
export const handler = apiHandler(ROUTE.JuryDownload, async ({ caller, path }) => ({
  body: { download: await juryDownload(deps, caller, path.sessionId, path.registrationId, path.deliverableType) },
}));
