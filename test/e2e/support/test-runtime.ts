import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CertiflowClient } from '../../../client/certiflow-client';
import { startLocalRuntime, type LocalPorts, type LocalRuntime } from '../../../local/runtime';
import type { Role } from '../../../shared/wiring/roles';

/** A local runtime on random free ports with a throwaway data folder, and helpers to drive it. */
export interface TestRuntime {
  runtime: LocalRuntime;
  dataDir: string;
  /** A client acting as a user with these roles. */
  clientAs(roles: Role | Role[], claims?: { sub?: string; centreId?: string }): Promise<CertiflowClient>;
  /** A client with no token. */
  anonymous: CertiflowClient;
  /** The certifier, who alone keeps the juror registry (JURY-2). */
  certifier: CertiflowClient;
  /** Moves the local clock forward. */
  advanceDays(days: number): void;
  /** Moves the local clock forward to `instant` (never back). */
  advanceTo(instant: Date): void;
  stop(): Promise<void>;
}

/** Starts the whole local runtime for one test file. */
export async function startTestRuntime(options: { dataDir?: string; ports?: Partial<LocalPorts> } = {}): Promise<TestRuntime> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'certiflow-e2e-'));
  const runtime = await startLocalRuntime({
    dataDir,
    ports: { api: 0, dynamodb: 0, s3: 0, stepFunctions: 0, ...options.ports },
    logLevel: process.env.CERTIFLOW_TEST_LOG_LEVEL ?? 'CRITICAL',
  });
  const anonymous = new CertiflowClient(runtime.urls.api);
  const certifier = anonymous.as(await runtime.issuer.sign({ sub: 'certifier-1', roles: ['certifiers'] }));
  return {
    runtime,
    dataDir,
    anonymous,
    certifier,
    async clientAs(roles, claims = {}) {
      const list = Array.isArray(roles) ? roles : [roles];
      const token = await runtime.issuer.sign({
        sub: claims.sub ?? `${list[0]}-1`,
        roles: list,
        centreId: claims.centreId ?? (list.includes('managers') ? 'centre-1' : undefined),
      });
      return anonymous.as(token);
    },
    advanceDays(days) {
      runtime.clock.advance(days * 86_400_000);
    },
    advanceTo(instant) {
      const ahead = instant.getTime() - runtime.clock.now().getTime();
      if (ahead < 0) throw new Error(`the local clock is already past ${instant.toISOString()}`);
      runtime.clock.advance(ahead);
    },
    async stop() {
      await runtime.stop();
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Polls `read` until `accept` holds, or fails after `timeoutMs` with the last value seen. */
export async function eventually<T>(read: () => Promise<T>, accept: (value: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T = await read();
  while (!accept(last)) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms; last value: ${JSON.stringify(last)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
    last = await read();
  }
  return last;
}

/** The session's status once the task before each of the workflow's waits has written it. */
const STATUS_AT_WAIT = {
  WaitForPlanning: 'planning',
  WaitForIntakeDeadline: 'intake',
  WaitForConflictDeclarations: 'jury-review',
  WaitForExamDay: 'ready-for-exam',
  WaitForCandidate: 'exam-day',
  WaitForPvSeal: 'deliberated',
} as const;

/**
 * Accepts a session read whose execution waits in `step` and whose record already shows it. A read
 * takes the record first and the execution after, so the execution can be a state ahead of the
 * record it comes with; a test that then uses the record's fields must wait for both.
 */
export function atWait(step: keyof typeof STATUS_AT_WAIT) {
  return (read: { data?: { session: { status: string; workflow?: { currentStep?: string } } } }): boolean =>
    read.data?.session.workflow?.currentStep === step && read.data.session.status === STATUS_AT_WAIT[step];
}
