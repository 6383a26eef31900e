import { setImmediate as nextTurn } from 'node:timers/promises';
import { LOCAL_PARAMS, type LocalStateKind, type PreparedDefinition } from './definition-transform';
import { statesTimeout, type LocalHandler } from './engine';
import { runInterrupted, StateError } from './errors';
import type { ExecutionPosition } from './execution-store';
import { toJson, type NewHistoryEvent } from './history';
import type { ClockScheduler } from './scheduler';
import type { TaskTokens } from './task-tokens';
import type { InvokeFunction, VirtualClock } from './types';

/** Stands in for `$$.Task.Token` while the engine evaluates Parameters; replaced by the real token. */
export const TASK_TOKEN_PLACEHOLDER = '__certiflow_local_task_token__';

const REGION = 'eu-west-3';

/** What the local handlers of one execution run need from it. */
export interface TaskRuntime {
  executionArn: string;
  clock: VirtualClock;
  scheduler: ClockScheduler;
  tokens: TaskTokens;
  invokeFunction: InvokeFunction;
  /** false once the execution was stopped, timed out or shut down */
  isLive(): boolean;
  /** appends to the history (ignored once the execution is no longer live) */
  record(event: NewHistoryEvent): void;
  /** the position of the execution if `stateName` is the top-level state it is in; changes are persisted by `savePosition` */
  positionOf(stateName: string): ExecutionPosition | undefined;
  savePosition(): void;
  /** counts `work` as pending non-waiting work until it settles */
  busy<T>(work: Promise<T>): Promise<T>;
  /** marks a handler as waiting on the clock or a token; `interrupt` is called if the execution ends meanwhile */
  park(interrupt: () => void): () => void;
}

/** Builds the handlers that replace every Task and Wait state of the prepared definition. */
export function createLocalHandlers(prepared: PreparedDefinition, runtime: TaskRuntime): Record<string, LocalHandler> {
  const handlers: Record<string, LocalHandler> = {};
  for (const [stateName, kind] of prepared.localStates) {
    handlers[stateName] = async (parameters) => {
      await nextTurn();
      if (!runtime.isLive()) throw runInterrupted();
      const params = (parameters ?? {}) as Record<string, unknown>;
      return runLocalState(stateName, kind, params, runtime);
    };
  }
  return handlers;
}

function runLocalState(stateName: string, kind: LocalStateKind, params: Record<string, unknown>, runtime: TaskRuntime): Promise<unknown> {
  switch (kind.kind) {
    case 'wait':
      return runWait(stateName, params, runtime);
    case 'lambda-invoke':
      return runLambdaInvoke(kind.resource, params, kind.timeoutSeconds, runtime);
    case 'lambda-function':
      return runLambdaFunction(kind.resource, params, kind.timeoutSeconds, runtime);
    case 'callback':
      return runCallback(stateName, kind, params, runtime);
  }
}

async function runWait(stateName: string, params: Record<string, unknown>, runtime: TaskRuntime): Promise<unknown> {
  const input = params[LOCAL_PARAMS.input];
  const position = runtime.positionOf(stateName);
  const until = position?.waitUntil ?? waitTarget(params, runtime.clock.now().getTime());
  if (position) {
    position.waitUntil = until;
    runtime.savePosition();
  }
  await parkUntil(runtime, until, () => undefined);
  if (!runtime.isLive()) throw runInterrupted();
  return input;
}

function waitTarget(params: Record<string, unknown>, nowMs: number): number {
  const seconds = params[LOCAL_PARAMS.seconds];
  const timestamp = params[LOCAL_PARAMS.timestamp];
  if (seconds !== undefined) {
    if (typeof seconds !== 'number' || !Number.isInteger(seconds) || seconds < 0) {
      throw new StateError('States.Runtime', `Wait seconds must be a non-negative integer, got ${toJson(seconds)}`, { recoverable: false });
    }
    return nowMs + seconds * 1000;
  }
  const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
  if (typeof timestamp !== 'string' || !RFC3339.test(timestamp) || Number.isNaN(Date.parse(timestamp))) {
    throw new StateError('States.Runtime', `Wait timestamp must be an RFC 3339 timestamp, got ${toJson(timestamp)}`, { recoverable: false });
  }
  return Date.parse(timestamp);
}

function parkUntil(runtime: TaskRuntime, dueMs: number, onInterrupt: () => void): Promise<void> {
  if (dueMs <= runtime.clock.now().getTime()) return Promise.resolve();
  return new Promise((resolve) => {
    const unpark = runtime.park(() => {
      cancel();
      onInterrupt();
      resolve();
    });
    const cancel = runtime.scheduler.at(dueMs, () => {
      unpark();
      resolve();
    });
  });
}

async function runLambdaInvoke(resource: string, params: Record<string, unknown>, timeoutSeconds: number | undefined, runtime: TaskRuntime): Promise<unknown> {
  const request = asRecord(params[LOCAL_PARAMS.input]);
  const details = { resourceType: 'lambda', resource: resourceSuffix(resource) };
  const seconds = numberParam(params, LOCAL_PARAMS.timeoutSeconds) ?? timeoutSeconds;
  runtime.record({
    type: 'TaskScheduled',
    details: { taskScheduledEventDetails: { ...details, region: REGION, parameters: toJson(request), ...(seconds ? { timeoutInSeconds: seconds } : {}) } },
  });
  runtime.record({ type: 'TaskStarted', details: { taskStartedEventDetails: details } });
  const outcome = await settleWithin(runtime, seconds, runtime.invokeFunction(String(request['FunctionName']), request['Payload'] ?? {}));
  if (!runtime.isLive()) throw runInterrupted();
  if (outcome.kind === 'timeout') {
    runtime.record({ type: 'TaskTimedOut', details: { taskTimedOutEventDetails: { ...details, error: 'States.Timeout', cause: outcome.cause } } });
    throw statesTimeout(outcome.cause);
  }
  if (outcome.kind === 'error') {
    const { error, cause } = lambdaFailure(outcome.error);
    runtime.record({ type: 'TaskFailed', details: { taskFailedEventDetails: { ...details, error, cause } } });
    throw new StateError(error, cause);
  }
  const output = { ExecutedVersion: '$LATEST', Payload: outcome.value, StatusCode: 200 };
  runtime.record({ type: 'TaskSucceeded', details: { taskSucceededEventDetails: { ...details, output: toJson(output), outputDetails: { truncated: false } } } });
  return output;
}

async function runLambdaFunction(resource: string, params: Record<string, unknown>, timeoutSeconds: number | undefined, runtime: TaskRuntime): Promise<unknown> {
  const input = params[LOCAL_PARAMS.input];
  const seconds = numberParam(params, LOCAL_PARAMS.timeoutSeconds) ?? timeoutSeconds;
  runtime.record({
    type: 'LambdaFunctionScheduled',
    details: { lambdaFunctionScheduledEventDetails: { resource, input: toJson(input), ...(seconds ? { timeoutInSeconds: seconds } : {}) } },
  });
  runtime.record({ type: 'LambdaFunctionStarted' });
  const outcome = await settleWithin(runtime, seconds, runtime.invokeFunction(resource, input));
  if (!runtime.isLive()) throw runInterrupted();
  if (outcome.kind === 'timeout') {
    runtime.record({ type: 'LambdaFunctionTimedOut', details: { lambdaFunctionTimedOutEventDetails: { error: 'States.Timeout', cause: outcome.cause } } });
    throw statesTimeout(outcome.cause);
  }
  if (outcome.kind === 'error') {
    const { error, cause } = lambdaFailure(outcome.error);
    runtime.record({ type: 'LambdaFunctionFailed', details: { lambdaFunctionFailedEventDetails: { error, cause } } });
    throw new StateError(error, cause);
  }
  runtime.record({ type: 'LambdaFunctionSucceeded', details: { lambdaFunctionSucceededEventDetails: { output: toJson(outcome.value), outputDetails: { truncated: false } } } });
  return outcome.value;
}

async function runCallback(
  stateName: string,
  kind: Extract<LocalStateKind, { kind: 'callback' }>,
  params: Record<string, unknown>,
  runtime: TaskRuntime,
): Promise<unknown> {
  const details = { resourceType: 'lambda', resource: resourceSuffix(kind.resource) };
  const token = runtime.tokens.issue(runtime.executionArn, stateName);
  const request = asRecord(withToken(params[LOCAL_PARAMS.input], token));
  const nowMs = runtime.clock.now().getTime();
  const timeoutSeconds = numberParam(params, LOCAL_PARAMS.timeoutSeconds) ?? kind.timeoutSeconds;
  const heartbeatSeconds = numberParam(params, LOCAL_PARAMS.heartbeatSeconds) ?? kind.heartbeatSeconds;
  const position = runtime.positionOf(stateName);
  const deadline = position?.taskDeadline ?? (timeoutSeconds ? nowMs + timeoutSeconds * 1000 : undefined);
  if (position) {
    position.taskToken = token;
    if (deadline !== undefined) position.taskDeadline = deadline;
    runtime.savePosition();
  }
  runtime.record({
    type: 'TaskScheduled',
    details: {
      taskScheduledEventDetails: {
        ...details,
        region: REGION,
        parameters: toJson(request),
        ...(timeoutSeconds ? { timeoutInSeconds: timeoutSeconds } : {}),
        ...(heartbeatSeconds ? { heartbeatInSeconds: heartbeatSeconds } : {}),
      },
    },
  });
  runtime.record({ type: 'TaskStarted', details: { taskStartedEventDetails: details } });

  return new Promise((resolve, reject) => {
    let settled = false;
    const cleanups: Array<() => void> = [];
    let cancelHeartbeat = (): void => undefined;
    const settle = (finish: () => void): void => {
      if (settled) return;
      settled = true;
      cancelHeartbeat();
      for (const cleanup of cleanups) cleanup();
      runtime.tokens.release(token);
      if (runtime.isLive() && position?.taskToken === token) {
        delete position.taskToken;
        delete position.taskDeadline;
        runtime.savePosition();
      }
      finish();
    };
    const failWith = (error: Error, event: NewHistoryEvent): void =>
      settle(() => {
        runtime.record(event);
        reject(error);
      });
    const timeOut = (error: string, cause: string): void =>
      failWith(error === 'States.Timeout' ? statesTimeout(cause) : new StateError(error, cause), {
        type: 'TaskTimedOut',
        details: { taskTimedOutEventDetails: { ...details, error, cause } },
      });
    const armHeartbeat = (): void => {
      cancelHeartbeat();
      if (!heartbeatSeconds) return;
      cancelHeartbeat = runtime.scheduler.at(runtime.clock.now().getTime() + heartbeatSeconds * 1000, () =>
        timeOut('States.HeartbeatTimeout', `no heartbeat for ${heartbeatSeconds} seconds`),
      );
    };

    cleanups.push(runtime.park(() => settle(() => reject(runInterrupted()))));
    runtime.tokens.register(token, {
      executionArn: runtime.executionArn,
      stateName,
      succeed: (output) =>
        settle(() => {
          runtime.record({ type: 'TaskSucceeded', details: { taskSucceededEventDetails: { ...details, output: toJson(output), outputDetails: { truncated: false } } } });
          resolve(output);
        }),
      fail: (error, cause) =>
        failWith(new StateError(error, cause), { type: 'TaskFailed', details: { taskFailedEventDetails: { ...details, error, cause } } }),
      heartbeat: armHeartbeat,
    });
    if (deadline !== undefined) {
      cleanups.push(runtime.scheduler.at(deadline, () => timeOut('States.Timeout', `the task was not completed within ${timeoutSeconds} seconds`)));
    }
    armHeartbeat();
    if (deadline !== undefined && deadline <= nowMs) return;
    runtime
      .busy(runtime.invokeFunction(String(request['FunctionName']), request['Payload'] ?? {}))
      .then(
        (result) => {
          if (settled || !runtime.isLive()) return;
          const output = { ExecutedVersion: '$LATEST', Payload: result, StatusCode: 200 };
          runtime.record({ type: 'TaskSubmitted', details: { taskSubmittedEventDetails: { ...details, output: toJson(output), outputDetails: { truncated: false } } } });
        },
        (invokeError: unknown) => {
          const { error, cause } = lambdaFailure(invokeError);
          failWith(new StateError(error, cause), { type: 'TaskFailed', details: { taskFailedEventDetails: { ...details, error, cause } } });
        },
      );
  });
}

type Outcome = { kind: 'value'; value: unknown } | { kind: 'error'; error: unknown } | { kind: 'timeout'; cause: string };

function settleWithin(runtime: TaskRuntime, timeoutSeconds: number | undefined, work: Promise<unknown>): Promise<Outcome> {
  const settled = runtime.busy(work).then(
    (value): Outcome => ({ kind: 'value', value }),
    (error: unknown): Outcome => ({ kind: 'error', error }),
  );
  if (!timeoutSeconds) return settled;
  return new Promise((resolve) => {
    const cancel = runtime.scheduler.at(runtime.clock.now().getTime() + timeoutSeconds * 1000, () =>
      resolve({ kind: 'timeout', cause: `the task did not complete within ${timeoutSeconds} seconds` }),
    );
    void settled.then((outcome) => {
      cancel();
      resolve(outcome);
    });
  });
}

/** Error name and cause of a failed invocation, as Step Functions reports Lambda errors. */
function lambdaFailure(error: unknown): { error: string; cause: string } {
  if (error instanceof Error) {
    return { error: error.name, cause: JSON.stringify({ errorType: error.name, errorMessage: error.message }) };
  }
  return { error: 'Lambda.Unknown', cause: JSON.stringify({ errorType: 'Lambda.Unknown', errorMessage: String(error) }) };
}

function withToken(value: unknown, token: string): unknown {
  if (typeof value === 'string') return value.split(TASK_TOKEN_PLACEHOLDER).join(token);
  if (Array.isArray(value)) return value.map((item) => withToken(item, token));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, withToken(item, token)]));
  }
  return value;
}

function resourceSuffix(resource: string): string {
  return resource.replace('arn:aws:states:::lambda:', '');
}

function numberParam(params: Record<string, unknown>, key: string): number | undefined {
  const value = params[key];
  return typeof value === 'number' ? value : undefined;
}

function asRecord(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}
