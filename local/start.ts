import { existsSync, readdirSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { seedDemo, type Demo } from './demo/seed-demo';
import { markedSeed, unfinishedSeedWarning } from './demo/unfinished-seed';
import { peopleFile, rememberPeople } from './dev-sign-in';
import { buildWebApp } from './web-app';
import { localDataDir } from './paths';
import { PreflightError } from './preflight';
import { DEFAULT_PORTS, PORT_VARIABLES, startLocalRuntime, type LocalPorts, type LocalRuntime } from './runtime';

function portsFromEnvironment(): LocalPorts {
  const ports = { ...DEFAULT_PORTS };
  for (const service of Object.keys(ports) as Array<keyof LocalPorts>) {
    const value = process.env[PORT_VARIABLES[service]];
    if (value === undefined) continue;
    const port = Number(value);
    if (!Number.isInteger(port) || port < 0 || port > 65535) {
      throw new PreflightError(`${PORT_VARIABLES[service]}=${value} is not a port number (0 to 65535)`);
    }
    ports[service] = port;
  }
  return ports;
}

function log(message: string, extra?: Record<string, unknown>): void {
  if (process.env.CERTIFLOW_VERBOSE) console.error(JSON.stringify({ level: 'INFO', message, ...extra }));
}

const USAGE = 'usage: npm start [-- --empty]   (--empty: an empty data folder starts bare, without the demo)';

/** The lines that tell a newcomer what the demo holds and how to act as each of its people. */
function demoLines(demo: Demo, api: string): string[] {
  return [
    `Demo seeded: a session on its exam day (${api}/sessions/${demo.examDaySessionId}) and one in intake (${api}/sessions/${demo.intakeSessionId}).`,
    'Act as one of its people with a token:',
    ...demo.people.map((p) => `  ${p.name.padEnd(44)} npm run --silent token -- --role ${p.role} --sub ${p.sub}${p.centreId ? ` --centre ${p.centreId}` : ''}`),
  ];
}

/**
 * Ctrl-C (or SIGTERM) stops everything, including a runtime still starting. Registered before the
 * start's slow steps (the web app's build), so that a signal never finds the process without its
 * handlers and kills it with the runtime's child processes left behind.
 */
function stopOnSignals(starting: Promise<LocalRuntime>): void {
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping Certiflow local runtime…`);
    starting
      .then((runtime) => runtime.stop())
      .then(() => {
        console.log('stopped.');
        process.exit(0);
      })
      .catch((error: Error) => {
        console.error(`stopping failed: ${error.message}`);
        process.exit(1);
      });
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args.some((arg) => arg !== '--empty')) throw new PreflightError(`unknown option ${args.find((arg) => arg !== '--empty')}; ${USAGE}`);
  const started = performance.now();
  const dataDir = localDataDir();
  const fresh = !existsSync(dataDir) || readdirSync(dataDir).length === 0;
  const starting = buildWebApp().then(() =>
    startLocalRuntime({
      dataDir,
      ports: portsFromEnvironment(),
      logLevel: process.env.POWERTOOLS_LOG_LEVEL ?? 'WARN',
      log,
      onMail: (mail) => console.log(`e-mail to ${mail.to ?? '?'}: ${mail.subject ?? '(no subject)'}\n  ${mail.path}`),
    }),
  );
  stopOnSignals(starting);
  const runtime = await starting;
  const lines = [
    `Certiflow local runtime ready in ${Math.round(performance.now() - started)} ms (data: ${dataDir})`,
    `  Web app         ${runtime.urls.api}/   open it in a browser (development sign-in, local only)`,
    `  HTTP API        ${runtime.urls.api}   (try ${runtime.urls.api}/health)`,
    `  DynamoDB Local  ${runtime.urls.dynamodb}   tables ${runtime.resources.tableName}, ${runtime.resources.auditTableName}`,
    `  S3 (s3rver)     ${runtime.urls.s3}   buckets ${runtime.resources.deliverablesBucketName}, ${runtime.resources.recordsBucketName}`,
    `  Step Functions  ${runtime.urls.stepFunctions}   ${runtime.sessionStateMachineArn}`,
    `  Clock           ${runtime.urls.api}/_local/clock   now ${runtime.clock.now().toISOString()}`,
    `  Outbox          ${runtime.urls.api}/_local/outbox   e-mails are written to ${runtime.outbox.folder}, not sent`,
    `A token for a role: npm run token -- --role managers --sub m-1 --centre centre-1`,
    `Ctrl-C stops everything; data stays in ${dataDir}.`,
  ];
  console.log(lines.join('\n'));
  const unfinished = unfinishedSeedWarning(dataDir);
  if (unfinished) console.warn(unfinished);
  if (fresh && !args.includes('--empty')) {
    console.log('Seeding the demo (an empty data folder; `npm start -- --empty` starts bare)…');
    const demo = await markedSeed(dataDir, async () => {
      const seeded = await seedDemo(runtime);
      rememberPeople(peopleFile(dataDir), seeded.people);
      return seeded;
    });
    console.log(demoLines(demo, runtime.urls.api).join('\n'));
    console.log(`Open ${runtime.urls.api}/ and sign in as one of them.`);
  }
}

main().catch((error: Error) => {
  console.error(error instanceof PreflightError ? `Cannot start Certiflow: ${error.message}` : `Certiflow failed to start: ${error.message}`);
  process.exit(1);
});
