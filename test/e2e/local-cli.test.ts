import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CertiflowClient } from '../../client/certiflow-client';
import { candidate, jurorBody, newSession } from './support/fixtures';
import { runScript, type RunningScript } from './support/cli';
import { atWait, eventually } from './support/test-runtime';

const RANDOM_PORTS = { CERTIFLOW_API_PORT: '0', CERTIFLOW_DYNAMODB_PORT: '0', CERTIFLOW_S3_PORT: '0', CERTIFLOW_SFN_PORT: '0' };

/** `npm start -- --empty` in a data folder, on random ports; resolves once it printed its services. */
async function start(dataDir: string): Promise<{ script: RunningScript; api: string; dynamodb: string }> {
  const script = runScript('local/start.ts', ['--empty'], { ...RANDOM_PORTS, CERTIFLOW_DATA_DIR: dataDir });
  await script.waitFor(/Ctrl-C stops everything/);
  const api = script.output().match(/HTTP API\s+(http:\/\/127\.0\.0\.1:\d+)/)![1]!;
  const dynamodb = script.output().match(/DynamoDB Local\s+(http:\/\/127\.0\.0\.1:\d+)/)![1]!;
  return { script, api, dynamodb };
}

async function stop(script: RunningScript): Promise<number | null> {
  script.child.kill('SIGINT');
  return script.exited;
}

/** `npm run token` against the same data folder. */
async function token(dataDir: string, ...args: string[]): Promise<string> {
  const script = runScript('local/token-cli.ts', args, { CERTIFLOW_DATA_DIR: dataDir });
  expect(await script.exited).toBe(0);
  return script.output().trim().split('\n').at(-1)!;
}

describe('npm start and npm run token, as a person runs them', () => {
  let dataDir: string;

  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'certiflow-cli-'));
  });
  afterAll(() => {
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('prints one line per service, serves /health, takes a printed token, keeps its data across a restart, and stops on Ctrl-C', async () => {
    const first = await start(dataDir);
    for (const service of ['HTTP API', 'DynamoDB Local', 'S3 (s3rver)', 'Step Functions', 'Clock']) expect(first.script.output()).toMatch(new RegExp(`^  ${service.replace(/[()]/g, '\\$&')}\\s+http://127\\.0\\.0\\.1:\\d+`, 'm'));
    const health = await new CertiflowClient(first.api).health();
    expect(health.data?.status).toBe('up');

    const printed = await token(dataDir, '--role', 'manager', '--sub', 'm-cli', '--centre', 'centre-cli');
    const manager = new CertiflowClient(first.api, printed);
    const certifier = new CertiflowClient(first.api, await token(dataDir, '--role', 'certifier', '--sub', 'c-cli'));
    const now = new Date((await (await fetch(`${first.api}/_local/clock`)).json() as { now: string }).now);
    const sessionId = await newSession(manager, now, 60);
    for (const body of [jurorBody(now), jurorBody(now, { profession: 'data engineer' })]) {
      const juror = await certifier.createJuror(body);
      expect((await manager.assignJuror(sessionId, juror.data!.juror.id)).status).toBe(201);
    }
    expect((await manager.registerCandidate(sessionId, { attempt: 'first', candidate: candidate('Eva') })).status).toBe(201);
    await eventually(() => manager.getSession(sessionId), (r) => r.data?.session.pendingStep?.step === 'planning');

    expect(await stop(first.script)).toBe(0);
    expect(first.script.output()).toContain('stopped.');
    await expect(fetch(`${first.dynamodb}/`)).rejects.toThrow();

    const second = await start(dataDir);
    // The signing key is in the data folder: a token printed before the restart still works.
    const restarted = new CertiflowClient(second.api, printed);
    const resumed = await eventually(() => restarted.getSession(sessionId), (r) => r.data?.session.pendingStep?.step === 'planning' && r.data.session.workflow?.currentStep === 'WaitForPlanning');
    expect(resumed.data!.session.candidates).toBe(1);
    expect((await restarted.closePlanning(sessionId)).status).toBe(200);
    const intake = await eventually(() => restarted.getSession(sessionId), atWait('WaitForIntakeDeadline'));
    expect(intake.data!.session.status).toBe('intake');
    expect(await stop(second.script)).toBe(0);
  });

  it('on an empty data folder, seeds the demo and prints its sessions and a token command for each of its people; started again, seeds nothing more', async () => {
    const demoDir = mkdtempSync(join(tmpdir(), 'certiflow-demo-'));
    try {
      const first = runScript('local/start.ts', [], { ...RANDOM_PORTS, CERTIFLOW_DATA_DIR: demoDir });
      await first.waitFor(/candidates --sub demo-candidate-emma/, 120_000);
      const output = first.output();
      expect(output).toMatch(/Demo seeded: a session on its exam day \(http:\/\/127\.0\.0\.1:\d+\/sessions\/[0-9a-f-]{36}\) and one in intake/);
      expect(output).toContain('npm run --silent token -- --role managers --sub demo-manager --centre centre-demo-lyon');
      expect(await stop(first)).toBe(0);
      const second = runScript('local/start.ts', [], { ...RANDOM_PORTS, CERTIFLOW_DATA_DIR: demoDir });
      await second.waitFor(/Ctrl-C stops everything/);
      expect(await stop(second)).toBe(0);
      expect(second.output()).not.toContain('Seeding the demo');
      expect(second.output()).not.toContain('did not finish');
    } finally {
      rmSync(demoDir, { recursive: true, force: true });
    }
  });

  it('a demo seed stopped half-way (Ctrl-C, a failure) is said at the next start, with what to do', async () => {
    const demoDir = mkdtempSync(join(tmpdir(), 'certiflow-demo-'));
    try {
      const first = runScript('local/start.ts', [], { ...RANDOM_PORTS, CERTIFLOW_DATA_DIR: demoDir });
      await first.waitFor(/Seeding the demo/, 120_000);
      await stop(first);
      expect(first.output()).not.toContain('Demo seeded');
      const second = runScript('local/start.ts', [], { ...RANDOM_PORTS, CERTIFLOW_DATA_DIR: demoDir });
      await second.waitFor(/Ctrl-C stops everything/);
      await second.waitFor(/did not finish/);
      expect(second.output()).toMatch(/The demo seed started at \d{4}-\d{2}-\d{2}T[\d:.]+Z did not finish/);
      expect(second.output()).toContain(`did not finish: ${demoDir} holds part of a demo`);
      expect(second.output()).toContain('Stop, delete that folder and start again to seed the demo whole.');
      expect(await stop(second)).toBe(0);
    } finally {
      rmSync(demoDir, { recursive: true, force: true });
    }
  });

  it('refuses an unknown option, naming the one it takes', async () => {
    const script = runScript('local/start.ts', ['--bare'], { ...RANDOM_PORTS, CERTIFLOW_DATA_DIR: dataDir });
    expect(await script.exited).toBe(1);
    expect(script.output()).toContain('Cannot start Certiflow: unknown option --bare; usage: npm start [-- --empty]');
  });

  it('fails fast, naming the port and the variable, when a port is taken', async () => {
    const blocker: Server = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      const script = runScript('local/start.ts', [], { ...RANDOM_PORTS, CERTIFLOW_API_PORT: String(port), CERTIFLOW_DATA_DIR: dataDir });
      expect(await script.exited).toBe(1);
      expect(script.output()).toContain(`Cannot start Certiflow: port ${port} (HTTP API) is taken by another program: stop it, or choose another port with CERTIFLOW_API_PORT=<port>.`);
    } finally {
      blocker.close();
    }
  });

  it('fails fast, naming the package to install, when Java is missing', async () => {
    const script = runScript('local/start.ts', [], { ...RANDOM_PORTS, CERTIFLOW_DATA_DIR: dataDir, PATH: '/nonexistent' });
    expect(await script.exited).toBe(1);
    expect(script.output()).toContain('Java was not found: DynamoDB Local needs Java 17 or later; install it with `apt-get install openjdk-17-jre-headless`');
  });

  it('the token command refuses an unknown role, naming the allowed ones', async () => {
    const script = runScript('local/token-cli.ts', ['--role', 'admin'], { CERTIFLOW_DATA_DIR: dataDir });
    expect(await script.exited).toBe(2);
    expect(script.output()).toContain('unknown role admin: use one of managers, jurors, candidates, quality, certifiers');
  });
});
