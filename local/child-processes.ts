import type { ChildProcess } from 'node:child_process';

/**
 * Ties a service's child process to this one: it is killed if this process exits without
 * stopping it. Returns the stop function: SIGTERM, then SIGKILL after 5 seconds.
 */
export function ownChild(child: ChildProcess): () => Promise<void> {
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  return () =>
    new Promise<void>((resolve) => {
      process.off('exit', killOnExit);
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 5000).unref();
    });
}

/** Keeps the last 4000 characters a child wrote on a stream, for error messages. */
export function tail(stream: NodeJS.ReadableStream | null | undefined): () => string {
  let text = '';
  stream?.on('data', (chunk: Buffer) => {
    text = (text + chunk.toString()).slice(-4000);
  });
  return () => text;
}
