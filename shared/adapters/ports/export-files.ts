import { config } from '../../config/env';
import { S3ExportFiles } from '../s3-export-files';
import { port } from './port';

/** Short-lived export archives, beside the deliverables. */
export const exportFiles = /* @__PURE__ */ port(() => new S3ExportFiles(config.deliverablesBucketName()));
