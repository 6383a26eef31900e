import { wire } from '../../shared/adapters/ports/port';
import { jurors, sessions } from '../../shared/adapters/ports/dynamodb';
import { files } from '../../shared/adapters/ports/deliverable-files';
import { apiHandler } from '../../shared/http/api-handler';
import { juryDownload } from '../../shared/use-cases/deliverables/jury-access';
import { JuryDownload } from '../../shared/wiring/routes';

/** This function's ports. */
const deps = wire({ files, jurors, sessions });

/** `GET …/deliverables/{deliverableType}/download`: a juror's short-lived URL to the jury's version. */
export const handler = apiHandler(JuryDownload, async ({ caller, path }) => ({
  body: { download: await juryDownload(deps, caller, path.sessionId, path.registrationId, path.deliverableType) },
}));
