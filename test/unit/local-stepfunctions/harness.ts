import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  DescribeExecutionCommand,
  GetExecutionHistoryCommand,
  SFNClient,
  StartExecutionCommand,
  type DescribeExecutionCommandOutput,
  type HistoryEvent,
} from '@aws-sdk/client-sfn';
import { ShiftableClock, startLocalStepFunctions, type LocalStepFunctions } from '../../../local/stepfunctions';

export const DAY_MS = 24 * 60 * 60 * 1000;

/** ARN the local endpoint gives a state machine named `name`. */
export const machineArn = (name: string): string => `arn:aws:states:eu-west-3:000000000000:stateMachine:${name}`;

/** A Lambda ARN usable as FunctionName or Resource. */
export const functionArn = (name: string): string => `arn:aws:lambda:eu-west-3:000000000000:function:${name}`;

/** One call the fake Lambda runtime received. */
export interface Invocation {
  functionName: string;
  payload: any;
}

/** A running endpoint, its SDK client, its clock and the invocations it made. */
export interface Harness {
  endpoint: LocalStepFunctions;
  sfn: SFNClient;
  clock: ShiftableClock;
  dataDir: string;
  invocations: Invocation[];
  start(machine: string, name: string, input?: unknown): Promise<string>;
  describe(executionArn: string): Promise<DescribeExecutionCommandOutput>;
  history(executionArn: string): Promise<HistoryEvent[]>;
  /** waits until the execution is no longer RUNNING (or fails after 3 s) */
  settled(executionArn: string): Promise<DescribeExecutionCommandOutput>;
  restart(): Promise<Harness>;
  close(): Promise<void>;
}

/** Options of {@link startHarness}. */
export interface HarnessOptions {
  machines: Record<string, Record<string, unknown>>;
  handler: (invocation: Invocation) => unknown;
  dataDir?: string;
  clock?: ShiftableClock;
}

/** Starts a local endpoint on a random port with the given definitions and a fake Lambda runtime. */
export async function startHarness(options: HarnessOptions): Promise<Harness> {
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'local-sfn-')));
  const clock = options.clock ?? new ShiftableClock();
  const invocations: Invocation[] = [];
  const endpoint = await startLocalStepFunctions({
    port: 0,
    dataDir,
    clock,
    stateMachines: Object.entries(options.machines).map(([name, definition]) => ({ name, arn: machineArn(name), definition })),
    invokeFunction: async (functionName, payload) => {
      const invocation = { functionName, payload };
      invocations.push(invocation);
      return options.handler(invocation);
    },
  });
  const sfn = new SFNClient({ endpoint: endpoint.url, region: 'eu-west-3', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  const harness: Harness = {
    endpoint,
    sfn,
    clock,
    dataDir,
    invocations,
    start: async (machine, name, input = {}) => {
      const started = await sfn.send(new StartExecutionCommand({ stateMachineArn: machineArn(machine), name, input: JSON.stringify(input) }));
      return started.executionArn!;
    },
    describe: (executionArn) => sfn.send(new DescribeExecutionCommand({ executionArn })),
    history: async (executionArn) => (await sfn.send(new GetExecutionHistoryCommand({ executionArn, maxResults: 1000 }))).events ?? [],
    settled: async (executionArn) => {
      const deadline = Date.now() + 3000;
      for (;;) {
        const described = await sfn.send(new DescribeExecutionCommand({ executionArn }));
        if (described.status !== 'RUNNING') return described;
        if (Date.now() > deadline) throw new Error(`${executionArn} still RUNNING`);
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    },
    restart: async () => {
      await endpoint.stop();
      sfn.destroy();
      return startHarness({ ...options, dataDir, clock: new ShiftableClock(clock.offsetMs) });
    },
    close: async () => {
      await endpoint.stop();
      sfn.destroy();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
  return harness;
}

/** Event types of a history, in order. */
export const types = (events: HistoryEvent[]): string[] => events.map((event) => event.type!);

/** The last callback token a function received (the `taskToken` field of its payload). */
export function lastToken(harness: Harness): string {
  const withToken = harness.invocations.filter((invocation) => typeof invocation.payload?.taskToken === 'string');
  const token = withToken.at(-1)?.payload.taskToken as string | undefined;
  if (!token) throw new Error('no function received a task token');
  return token;
}

/** An Error whose name is a Lambda error type, as invokeFunction rejects. */
export function lambdaError(name: string, message: string): Error {
  const error = new Error(message);
  error.name = name;
  return error;
}
