import { fork } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { S3Event } from 'aws-lambda';
import { ownChild, tail } from '../child-processes';

/** A running local S3 (s3rver). */
export interface S3Local {
  url: string;
  stop(): Promise<void>;
}

type ChildMessage = { type: 'ready'; port: number } | { type: 'event'; event: S3Event } | { type: 'error'; message: string };

/**
 * Starts s3rver in a child process with its objects under `directory`, versioned like the
 * deployed buckets: every version is kept in the sibling folder `<directory>-versions`, and the
 * versions of `lockedBuckets` can never be deleted. Every
 * object-created event, with its `versionId`, is passed to `onEvent` in the shape S3 gives Lambda.
 */
export function startS3Local(options: {
  host: string;
  port: number;
  directory: string;
  /** Buckets with Object Lock in compliance mode: their versions can never be deleted. */
  lockedBuckets?: readonly string[];
  onEvent: (event: S3Event) => void;
}): Promise<S3Local> {
  mkdirSync(options.directory, { recursive: true });
  const child = fork(
    fileURLToPath(new URL('./s3rver-child.ts', import.meta.url)),
    [JSON.stringify({ host: options.host, port: options.port, directory: options.directory, lockedBuckets: options.lockedBuckets ?? [] })],
    { execArgv: ['--openssl-legacy-provider', '--import', 'tsx'], stdio: ['ignore', 'ignore', 'pipe', 'ipc'] },
  );
  const errors = tail(child.stderr);
  const stop = ownChild(child);
  return new Promise((resolve, reject) => {
    child.on('message', (message: ChildMessage) => {
      if (message.type === 'ready') resolve({ url: `http://${options.host}:${message.port}`, stop });
      else if (message.type === 'event') options.onEvent(message.event);
      else reject(new Error(`s3rver failed to start: ${message.message}`));
    });
    child.once('exit', (code) => reject(new Error(`s3rver exited with code ${code}: ${errors()}`)));
  });
}
