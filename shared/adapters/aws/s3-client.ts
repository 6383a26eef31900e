import { S3Client } from '@aws-sdk/client-s3';

let s3Client: S3Client | undefined;

/** The S3 client, created once per cold start; path-style addressing when a local endpoint is configured. */
export function s3(): S3Client {
  s3Client ??= new S3Client({ forcePathStyle: Boolean(process.env.AWS_ENDPOINT_URL_S3) });
  return s3Client;
}
