import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { ownChild, tail } from './child-processes';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from './local-aws';

/** A running DynamoDB Local. */
export interface DynamoDbLocal {
  url: string;
  stop(): Promise<void>;
}

/** The folder of the DynamoDB Local jar shipped inside `amplify-dynamodb-simulator`. */
function emulatorFolder(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('amplify-dynamodb-simulator/package.json')), 'emulator');
}

async function waitUntilServing(url: string, child: ChildProcess, output: () => string, timeoutMs: number): Promise<void> {
  const client = new DynamoDBClient({ endpoint: url, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS });
  const deadline = Date.now() + timeoutMs;
  try {
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`DynamoDB Local exited with code ${child.exitCode}: ${output()}`);
      try {
        await client.send(new ListTablesCommand({ Limit: 1 }));
        return;
      } catch {
        await new Promise((resolve) => setTimeout(resolve, 150));
      }
    }
    throw new Error(`DynamoDB Local did not answer within ${timeoutMs} ms: ${output()}`);
  } finally {
    client.destroy();
  }
}

/**
 * Starts AWS's DynamoDB Local (the real DynamoDB API, transactions included) by launching
 * its jar directly, with its data in `dataDir` so that a restart shows the same data.
 */
export async function startDynamoDbLocal(options: { java: string; host: string; port: number; dataDir: string }): Promise<DynamoDbLocal> {
  mkdirSync(options.dataDir, { recursive: true });
  const folder = emulatorFolder();
  const child = spawn(
    options.java,
    [
      '-Xmx512m',
      `-Djava.library.path=${join(folder, 'DynamoDBLocal_lib')}`,
      '-jar',
      join(folder, 'DynamoDBLocal.jar'),
      '-port',
      String(options.port),
      '-dbPath',
      options.dataDir,
      '-disableTelemetry',
    ],
    { cwd: folder, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const stdout = tail(child.stdout);
  const stderr = tail(child.stderr);
  const output = () => `${stdout()}${stderr()}`;
  const url = `http://${options.host}:${options.port}`;
  const stop = ownChild(child);
  try {
    await waitUntilServing(url, child, output, 60_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, stop };
}
