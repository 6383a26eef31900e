import { StateMachine } from 'aws-local-stepfunctions';
import type { PreparedDefinition } from './definition-transform';
import type { EngineEvent } from './history';

/** A local handler standing in for a Task (or rewritten Wait) state: receives the evaluated Parameters. */
export type LocalHandler = (parameters: unknown) => Promise<unknown>;

/** One run of the engine, from a given state to the end of the execution (or until aborted). */
export interface EngineRun {
  abort(): void;
  /** engine events, in order, until the run ends */
  events: AsyncIterable<EngineEvent>;
  /** settles when the run ends; its rejection carries the failing error as `cause` */
  result: Promise<unknown>;
}

/** What one engine run needs. */
export interface EngineRunOptions {
  startAt: string;
  input: unknown;
  context: Record<string, unknown>;
  handlers: Record<string, LocalHandler>;
}

type TimeoutErrorClass = new () => Error;
let timeoutErrorClass: TimeoutErrorClass | undefined;

/**
 * Prepares aws-local-stepfunctions for use: captures its internal States.Timeout error class, the
 * only error its Retry/Catch exclude from States.TaskFailed (the class is not exported: one 1 ms
 * task timeout reveals it).
 */
export async function initEngine(): Promise<void> {
  if (timeoutErrorClass) return;
  const probe = new StateMachine(
    {
      StartAt: 'Probe',
      States: { Probe: { Type: 'Task', Resource: 'arn:aws:lambda:eu-west-3:000000000000:function:probe', TimeoutSeconds: 0.001, End: true } },
    },
    { validationOptions: { noValidate: true } },
  );
  const run = probe.run(null, { overrides: { taskResourceLocalHandlers: { Probe: () => new Promise(() => undefined) } } });
  const failure = await run.result.then(
    () => undefined,
    (error: unknown) => (error as { cause?: unknown }).cause,
  );
  if (!(failure instanceof Error) || failure.name !== 'States.Timeout') {
    throw new Error('aws-local-stepfunctions changed: cannot find its States.Timeout error');
  }
  timeoutErrorClass = failure.constructor as TimeoutErrorClass;
}

/** A States.Timeout error that the engine's Retry/Catch treat exactly as AWS does. */
export function statesTimeout(cause: string): Error {
  if (!timeoutErrorClass) throw new Error('initEngine() must run first');
  const error = new timeoutErrorClass();
  error.message = cause;
  return error;
}

/** Starts the prepared definition at `startAt` (the StartAt of the definition, or a state to resume at). */
export function runEngine(prepared: PreparedDefinition, options: EngineRunOptions): EngineRun {
  const machine = new StateMachine(
    { ...prepared.engineDefinition, StartAt: options.startAt },
    { validationOptions: { noValidate: true } },
  );
  const run = machine.run(options.input as never, {
    context: options.context,
    overrides: { taskResourceLocalHandlers: options.handlers as never },
  });
  run.result.catch(() => undefined);
  return { abort: run.abort, events: run.eventLogs as AsyncIterable<EngineEvent>, result: run.result };
}
