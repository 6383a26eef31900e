import { config } from '../../config/env';
import { S3RecordsArchive } from '../s3-records-archive';
import { port } from './port';

/** The records bucket, write-once under Object Lock (PV-7). */
export const records = /* @__PURE__ */ port(() => new S3RecordsArchive(config.recordsBucketName()));
