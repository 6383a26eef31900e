import { wire } from '../../shared/adapters/ports/port';
import { deliverables, sessions } from '../../shared/adapters/ports/dynamodb';
import { files } from '../../shared/adapters/ports/deliverable-files';
import { idempotentApiHandler } from '../../shared/http/idempotent-api-handler';
import { requestUpload } from '../../shared/use-cases/deliverables/request-upload';
import { RequestUpload } from '../../shared/wiring/routes';

/** This function's ports. */
const deps = wire({ deliverables, files, sessions });

/** `POST …/deliverables/{deliverableType}/uploads`: a presigned POST for one owed deliverable. */
export const handler = idempotentApiHandler(RequestUpload, async ({ caller, path, newId }) => {
  const intent = await requestUpload(deps, caller, path.sessionId, path.registrationId, path.deliverableType, newId());
  return {
    body: {
      upload: {
        uploadId: intent.id,
        deliverableType: intent.deliverableType,
        url: intent.upload.url,
        fields: intent.upload.fields,
        maxBytes: intent.maxBytes,
        expiresAt: intent.urlExpiresAt,
      },
    },
  };
});
