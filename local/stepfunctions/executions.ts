import { randomUUID } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { setImmediate as nextTurn, setTimeout as delay } from 'node:timers/promises';
import { assertExecutionArn, assertExecutionName, assertStateMachineArn } from './arns';
import { LOCAL_EXECUTION_CONTEXT_KEY, type PreparedDefinition } from './definition-transform';
import { runEngine, type EngineRun } from './engine';
import { SfnApiError } from './errors';
import type { ExecutionRecord, ExecutionStore } from './execution-store';
import { appendHistory, historyForEngineEvent, toJson, type EngineEvent, type NewHistoryEvent } from './history';
import { createLocalHandlers, TASK_TOKEN_PLACEHOLDER, type TaskRuntime } from './local-tasks';
import type { ClockScheduler } from './scheduler';
import type { TaskTokens } from './task-tokens';
import type { ExecutionEndedDetail, ExecutionStatus, InvokeFunction, LocalLogger, LocalStateMachine, VirtualClock } from './types';

const ROLE_ARN = 'arn:aws:iam::000000000000:role/certiflow-local-stepfunctions';

/** A deployed state machine and its definition prepared for the local engine. */
export interface MachineEntry {
  machine: LocalStateMachine;
  prepared: PreparedDefinition;
}

/** What {@link Executions} works with. */
export interface ExecutionsDeps {
  machines: ReadonlyMap<string, MachineEntry>;
  clock: VirtualClock;
  scheduler: ClockScheduler;
  tokens: TaskTokens;
  store: ExecutionStore;
  invokeFunction: InvokeFunction;
  logger?: LocalLogger;
  /** told once about every execution that ends, once its final record is saved (the disk write is queued) */
  onEnded?: (detail: ExecutionEndedDetail) => void;
}

interface LiveExecution {
  record: ExecutionRecord;
  prepared: PreparedDefinition;
  live: boolean;
  parked: Set<() => void>;
  inflight: number;
  run?: EngineRun;
  cancelTimeout?: () => void;
  /** on a resumed run, the re-entered state, whose StateEntered is already in the history */
  skipEntered?: string;
}

/** The executions of all local state machines: starts, runs, stops, answers tokens, persists. */
export class Executions {
  private readonly records = new Map<string, ExecutionRecord>();
  private readonly live = new Map<string, LiveExecution>();

  constructor(private readonly deps: ExecutionsDeps) {}

  /** Reloads saved executions and resumes the RUNNING ones at the state they were in. */
  async restore(): Promise<void> {
    const saved = await this.deps.store.loadAll((file, error) =>
      this.deps.logger?.error('unreadable execution file skipped', { file, error: String(error) }),
    );
    for (const record of saved) this.records.set(record.executionArn, record);
    for (const record of saved) if (record.status === 'RUNNING') this.resume(record);
  }

  /** The state machine with this ARN (StateMachineDoesNotExist otherwise). */
  machine(stateMachineArn: unknown): MachineEntry {
    assertStateMachineArn(stateMachineArn);
    const entry = this.deps.machines.get(stateMachineArn);
    if (!entry) throw new SfnApiError('StateMachineDoesNotExist', `State Machine Does Not Exist: '${stateMachineArn}'`);
    return entry;
  }

  /** StartExecution: idempotent for the same name and input while RUNNING, as AWS. */
  start(stateMachineArn: unknown, name: unknown, input: unknown): ExecutionRecord {
    const { machine, prepared } = this.machine(stateMachineArn);
    const executionName = name ?? randomUUID();
    assertExecutionName(executionName);
    const inputText = input === undefined || input === null ? '{}' : input;
    const parsedInput = parseJson(inputText, 'InvalidExecutionInput', 'Invalid State Machine Execution Input');
    const executionArn = `${machine.arn.replace(':stateMachine:', ':execution:')}:${executionName}`;
    const existing = this.records.get(executionArn);
    if (existing) {
      if (existing.status === 'RUNNING' && isDeepStrictEqual(JSON.parse(existing.input), parsedInput)) return existing;
      throw new SfnApiError('ExecutionAlreadyExists', `Execution Already Exists: '${executionArn}'`);
    }
    const startDate = this.deps.clock.now().getTime();
    const record: ExecutionRecord = {
      executionArn,
      stateMachineArn: machine.arn,
      stateMachineName: machine.name,
      name: executionName,
      status: 'RUNNING',
      input: inputText as string,
      startDate,
      ...(prepared.timeoutSeconds !== undefined ? { timeoutAt: startDate + prepared.timeoutSeconds * 1000 } : {}),
      history: [],
    };
    this.records.set(executionArn, record);
    appendHistory(record, this.deps.clock.now(), {
      type: 'ExecutionStarted',
      details: { executionStartedEventDetails: { input: inputText, inputDetails: { truncated: false }, roleArn: ROLE_ARN } },
    });
    this.save(record);
    this.deps.logger?.info('execution started', { executionArn });
    this.launch(record, prepared, prepared.engineDefinition.StartAt, parsedInput, false);
    return record;
  }

  /** The execution with this ARN (ExecutionDoesNotExist otherwise). */
  get(executionArn: unknown): ExecutionRecord {
    assertExecutionArn(executionArn);
    const record = this.records.get(executionArn);
    if (!record) throw new SfnApiError('ExecutionDoesNotExist', `Execution Does Not Exist: '${executionArn}'`);
    return record;
  }

  /** Executions of a state machine, newest first, optionally of one status. */
  list(stateMachineArn: unknown, status?: ExecutionStatus): ExecutionRecord[] {
    const { machine } = this.machine(stateMachineArn);
    return [...this.records.values()]
      .filter((record) => record.stateMachineArn === machine.arn && (!status || record.status === status))
      .sort((a, b) => b.startDate - a.startDate);
  }

  /** StopExecution: aborts a RUNNING execution; an ended one is left as it is. */
  stop(executionArn: unknown, error?: string, cause?: string): ExecutionRecord {
    const record = this.get(executionArn);
    const live = this.live.get(record.executionArn);
    if (live) {
      if (error) record.error = error;
      if (cause) record.cause = cause;
      this.terminate(live, 'ABORTED', {
        type: 'ExecutionAborted',
        details: { executionAbortedEventDetails: { ...(error ? { error } : {}), ...(cause ? { cause } : {}) } },
      });
    }
    return record;
  }

  /** SendTaskSuccess: `output` must be JSON text. */
  sendTaskSuccess(token: unknown, output: unknown): void {
    const task = this.deps.tokens.resolve(token, (arn) => this.records.has(arn));
    task.succeed(parseJson(output, 'InvalidOutput', 'Invalid Output'));
  }

  /** SendTaskFailure: the task fails with `error` (matched by Retry/Catch) and `cause`. */
  sendTaskFailure(token: unknown, error?: string, cause?: string): void {
    this.deps.tokens.resolve(token, (arn) => this.records.has(arn)).fail(error ?? '', cause ?? '');
  }

  /** SendTaskHeartbeat: restarts the task's HeartbeatSeconds. */
  sendTaskHeartbeat(token: unknown): void {
    this.deps.tokens.resolve(token, (arn) => this.records.has(arn)).heartbeat();
  }

  /** Resolves once every RUNNING execution only waits (on the clock or a token) and every write is done. */
  async idle(): Promise<void> {
    for (let calmChecks = 0; calmChecks < 3; ) {
      await nextTurn();
      const busy = [...this.live.values()].some((live) => live.inflight > 0 || live.parked.size === 0);
      calmChecks = busy ? 0 : calmChecks + 1;
      if (busy) await delay(1);
    }
    await this.deps.store.flush();
  }

  /** Stops running anything (executions stay RUNNING on disk, to be resumed by the next start). */
  async shutdown(): Promise<void> {
    for (const live of this.live.values()) {
      live.live = false;
      this.release(live);
      live.run?.abort();
    }
    await this.deps.store.flush();
  }

  private resume(record: ExecutionRecord): void {
    const entry = this.deps.machines.get(record.stateMachineArn);
    const startAt = record.position?.stateName ?? entry?.prepared.engineDefinition.StartAt;
    if (!entry || !startAt || !entry.prepared.topLevelStates.has(startAt)) {
      this.endOnRestore(record, `cannot resume: state machine or state '${String(startAt)}' no longer defined`);
      return;
    }
    const input: unknown = record.position ? record.position.input : JSON.parse(record.input);
    this.deps.logger?.info('execution resumed', { executionArn: record.executionArn, state: startAt });
    this.launch(record, entry.prepared, startAt, input, record.position !== undefined);
  }

  private launch(record: ExecutionRecord, prepared: PreparedDefinition, startAt: string, input: unknown, resumed: boolean): void {
    const { clock, scheduler, tokens, invokeFunction } = this.deps;
    const live: LiveExecution = { record, prepared, live: true, parked: new Set(), inflight: 0, ...(resumed ? { skipEntered: startAt } : {}) };
    this.live.set(record.executionArn, live);
    const runtime: TaskRuntime = {
      executionArn: record.executionArn,
      clock,
      scheduler,
      tokens,
      invokeFunction,
      isLive: () => live.live,
      record: (event) => {
        if (!live.live) return;
        appendHistory(record, clock.now(), event);
        this.save(record);
      },
      positionOf: (stateName) => (record.position?.stateName === stateName ? record.position : undefined),
      savePosition: () => this.save(record),
      busy: (work) => {
        live.inflight += 1;
        return work.finally(() => {
          live.inflight -= 1;
        });
      },
      park: (interrupt) => {
        live.parked.add(interrupt);
        return () => live.parked.delete(interrupt);
      },
    };
    live.run = runEngine(prepared, { startAt, input, context: this.context(record), handlers: createLocalHandlers(prepared, runtime) });
    if (record.timeoutAt !== undefined) {
      live.cancelTimeout = scheduler.at(record.timeoutAt, () =>
        this.terminate(live, 'TIMED_OUT', {
          type: 'ExecutionTimedOut',
          details: { executionTimedOutEventDetails: { error: 'States.Timeout', cause: 'the execution exceeded its TimeoutSeconds' } },
        }),
      );
    }
    void this.consume(live, live.run);
  }

  private async consume(live: LiveExecution, run: EngineRun): Promise<void> {
    for await (const event of run.events) {
      if (!live.live) return;
      this.onEngineEvent(live, event as EngineEvent & Record<string, unknown>);
    }
  }

  private onEngineEvent(live: LiveExecution, event: EngineEvent & Record<string, unknown>): void {
    const { record, prepared } = live;
    if (event.type === 'ExecutionSucceeded') {
      const output = toJson(event['output']);
      record.output = output;
      this.finish(live, 'SUCCEEDED', { type: 'ExecutionSucceeded', details: { executionSucceededEventDetails: { output, outputDetails: { truncated: false } } } });
      return;
    }
    if (event.type === 'ExecutionFailed') {
      const error = String(event['Error'] ?? '');
      const rawCause = event['Cause'];
      const cause = typeof rawCause === 'string' ? rawCause : toJson(rawCause);
      record.error = error;
      record.cause = cause;
      this.finish(live, 'FAILED', { type: 'ExecutionFailed', details: { executionFailedEventDetails: { error, cause } } });
      return;
    }
    if (event.type === 'StateEntered' && event.state) {
      const skip = live.skipEntered === event.state.name;
      delete live.skipEntered;
      if (skip) return;
      if (prepared.topLevelStates.has(event.state.name)) record.position = { stateName: event.state.name, input: event.state.input };
    }
    const entries = historyForEngineEvent(event, prepared.stateTypes);
    for (const entry of entries) appendHistory(record, this.deps.clock.now(), entry);
    if (entries.length > 0) this.save(record);
  }

  private finish(live: LiveExecution, status: ExecutionStatus, event: NewHistoryEvent): void {
    if (!live.live) return;
    live.live = false;
    this.release(live);
    const { record } = live;
    record.status = status;
    record.stopDate = this.deps.clock.now().getTime();
    delete record.position;
    appendHistory(record, this.deps.clock.now(), event);
    this.save(record);
    this.deps.logger?.info('execution ended', { executionArn: record.executionArn, status, ...(record.error ? { error: record.error } : {}) });
    this.announceEnd(record);
  }

  private terminate(live: LiveExecution, status: 'ABORTED' | 'TIMED_OUT', event: NewHistoryEvent): void {
    if (status === 'TIMED_OUT') {
      live.record.error = 'States.Timeout';
      live.record.cause = 'the execution exceeded its TimeoutSeconds';
    }
    this.finish(live, status, event);
    live.run?.abort();
  }

  private release(live: LiveExecution): void {
    live.cancelTimeout?.();
    this.live.delete(live.record.executionArn);
    for (const interrupt of [...live.parked]) interrupt();
    live.parked.clear();
  }

  private endOnRestore(record: ExecutionRecord, cause: string): void {
    record.status = 'FAILED';
    record.error = 'States.Runtime';
    record.cause = cause;
    record.stopDate = this.deps.clock.now().getTime();
    delete record.position;
    appendHistory(record, this.deps.clock.now(), { type: 'ExecutionFailed', details: { executionFailedEventDetails: { error: record.error, cause } } });
    this.save(record);
    this.deps.logger?.error('execution could not be resumed', { executionArn: record.executionArn, cause });
    this.announceEnd(record);
  }

  private announceEnd(record: ExecutionRecord): void {
    if (!this.deps.onEnded || record.status === 'RUNNING') return;
    const detail: ExecutionEndedDetail = {
      executionArn: record.executionArn,
      stateMachineArn: record.stateMachineArn,
      name: record.name,
      status: record.status,
      startDate: record.startDate,
      stopDate: record.stopDate ?? this.deps.clock.now().getTime(),
      input: record.input,
      output: record.output ?? null,
      error: record.error ?? null,
      cause: record.cause ?? null,
    };
    try {
      this.deps.onEnded(detail);
    } catch (error) {
      this.deps.logger?.error('execution end listener failed', { executionArn: record.executionArn, error: String(error) });
    }
  }

  private context(record: ExecutionRecord): Record<string, unknown> {
    const execution = { Id: record.executionArn, Name: record.name, RoleArn: ROLE_ARN };
    return {
      [LOCAL_EXECUTION_CONTEXT_KEY]: { ...execution, Input: JSON.parse(record.input), StartTime: new Date(record.startDate).toISOString() },
      Execution: execution,
      StateMachine: { Id: record.stateMachineArn, Name: record.stateMachineName },
      Task: { Token: TASK_TOKEN_PLACEHOLDER },
    };
  }

  private save(record: ExecutionRecord): void {
    this.deps.store.save(record).catch((error: unknown) =>
      this.deps.logger?.error('execution not saved', { executionArn: record.executionArn, error: String(error) }),
    );
  }
}

function parseJson(text: unknown, errorType: string, message: string): unknown {
  if (typeof text !== 'string') throw new SfnApiError(errorType, `${message}: expected a JSON string`);
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new SfnApiError(errorType, `${message}: ${(error as Error).message}`);
  }
}
