import { config } from '../../config/env';
import { S3DeliverableFiles } from '../s3-deliverable-files';
import { S3ExportFiles } from '../s3-export-files';
import { S3RecordsArchive } from '../s3-records-archive';
import { port } from './port';

/** The deliverables bucket: presigned uploads and jury downloads by version. */
export const files = port(() => new S3DeliverableFiles(config.deliverablesBucketName()));
/** The records bucket, write-once under Object Lock (PV-7). */
export const records = port(() => new S3RecordsArchive(config.recordsBucketName()));
/** Short-lived export archives, beside the deliverables. */
export const exportFiles = port(() => new S3ExportFiles(config.deliverablesBucketName()));
