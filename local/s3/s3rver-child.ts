import type { S3Event } from 'aws-lambda';
import S3rver from 's3rver';
import { enableVersioning, withVersionId } from './s3rver-versioning';
import { VersionStore, versionsDirectoryFor } from './version-store';

/**
 * Runs s3rver in its own Node process, started with `--openssl-legacy-provider` (its
 * ListObjectsV2 continuation tokens use DES), with object versioning whose versions are kept in
 * `<directory>-versions`. Reports readiness and every S3 event to the parent over IPC.
 */
interface ChildOptions {
  host: string;
  port: number;
  directory: string;
  lockedBuckets: string[];
}

const options = JSON.parse(process.argv[2] ?? '{}') as ChildOptions;
const server = new S3rver({
  address: options.host,
  port: options.port,
  directory: options.directory,
  silent: true,
  vhostBuckets: false,
  allowMismatchedSignatures: true,
});
enableVersioning(server, new VersionStore(versionsDirectoryFor(options.directory)), { lockedBuckets: options.lockedBuckets });

server.on('event', (event: S3Event) => process.send?.({ type: 'event', event: withVersionId(event) }));

server
  .run()
  .then((address: { port: number }) => process.send?.({ type: 'ready', port: address.port }))
  .catch((error: Error) => {
    process.send?.({ type: 'error', message: error.message });
    process.exit(1);
  });

process.on('disconnect', () => {
  void server.close().finally(() => process.exit(0));
});
process.on('SIGTERM', () => {
  void server.close().finally(() => process.exit(0));
});
