import { config } from '../../config/env';
import { S3DeliverableFiles } from '../s3-deliverable-files';
import { port } from './port';

/** The deliverables bucket: presigned uploads and jury downloads by version. */
export const files = /* @__PURE__ */ port(() => new S3DeliverableFiles(config.deliverablesBucketName()));
