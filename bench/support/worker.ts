import { fork } from 'node:child_process';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { PROJECT_ROOT } from '../../infra/project-root';

const SELF = fileURLToPath(import.meta.url);

type WorkerMessage<T> = { ok: true; value: T } | { ok: false; error: string };

/**
 * Calls `exportName(...args)` of a module in a fresh Node process (tsx loader, project root as
 * working directory) and resolves with what it returned (structured-cloned). The worker's own
 * output is dropped, except the end of its stderr when it fails.
 */
export function inWorker<T>(moduleUrl: string, exportName: string, args: unknown[] = []): Promise<T> {
  return new Promise((resolveValue, reject) => {
    const child = fork(SELF, [fileURLToPath(moduleUrl), exportName, JSON.stringify(args)], {
      cwd: PROJECT_ROOT,
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      env: { ...process.env, POWERTOOLS_LOG_LEVEL: 'CRITICAL' },
    });
    let stderr = '';
    let message: WorkerMessage<T> | undefined;
    child.stderr!.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-4000);
    });
    child.on('message', (received) => {
      message = received as WorkerMessage<T>;
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      if (message?.ok) resolveValue(message.value);
      else reject(new Error(`${exportName} failed in its worker: ${message && !message.ok ? message.error : `exit code ${code}`}\n${stderr}`));
    });
  });
}

async function workerMain(): Promise<void> {
  const [file, exportName, args] = process.argv.slice(2) as [string, string, string];
  try {
    const module = (await import(pathToFileURL(file).href)) as Record<string, (...args: unknown[]) => Promise<unknown>>;
    const value = await module[exportName]!(...(JSON.parse(args) as unknown[]));
    process.send!({ ok: true, value } satisfies WorkerMessage<unknown>, undefined, {}, () => process.exit(0));
  } catch (error) {
    const cause = error instanceof Error && error.cause ? `\ncaused by: ${String((error.cause as Error).stack ?? error.cause)}` : '';
    process.send!({ ok: false, error: `${error instanceof Error ? (error.stack ?? error.message) : String(error)}${cause}` } satisfies WorkerMessage<unknown>, undefined, {}, () => process.exit(1));
  }
}

if (process.argv[1] && resolve(process.argv[1]) === SELF && process.send) void workerMain();
