/** A source of time that tests and the local runtime can move forward. */
export interface VirtualClock {
  now(): Date;
  /** register a listener called after every advance; returns unsubscribe */
  onAdvance(listener: () => void): () => void;
}

/** A state machine as CDK would deploy it. */
export interface LocalStateMachine {
  name: string;
  arn: string;
  /** ASL with substitutions already applied */
  definition: Record<string, unknown>;
}

/** Structured logger; every entry carries a message and optional fields. */
export interface LocalLogger {
  info(msg: string, extra?: object): void;
  error(msg: string, extra?: object): void;
}

/** How a Lambda function is invoked locally. */
export type InvokeFunction = (functionNameOrArn: string, payload: unknown) => Promise<unknown>;

/** Options of {@link startLocalStepFunctions}. */
export interface LocalStepFunctionsOptions {
  /** default 127.0.0.1 */
  host?: string;
  /** 0 = random */
  port: number;
  stateMachines: LocalStateMachine[];
  /**
   * invoke a Lambda by function name or ARN with a payload; resolves its result; rejects with an Error
   * whose `name` is the Lambda error type (e.g. 'JuryTooSmall', 'Lambda.ServiceException')
   */
  invokeFunction: InvokeFunction;
  clock: VirtualClock;
  /** folder where executions are persisted (JSON); a restart reloads them */
  dataDir: string;
  logger?: LocalLogger;
  /**
   * called once whenever an execution ends, once its final record is saved (in memory, which the
   * API serves; the disk write is queued), with what the EventBridge "Step Functions Execution
   * Status Change" event carries as `detail`
   */
  onExecutionEnded?: (detail: ExecutionEndedDetail) => void;
}

/** A running local Step Functions endpoint. */
export interface LocalStepFunctions {
  url: string;
  stop(): Promise<void>;
  /** resolves when no execution has pending non-waiting work (useful for tests) */
  idle?(): Promise<void>;
}

/** Execution statuses, as AWS names them. */
export type ExecutionStatus = 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT' | 'ABORTED';

/** An execution that ended, in the shape of an EventBridge execution status change's `detail`. */
export interface ExecutionEndedDetail {
  executionArn: string;
  stateMachineArn: string;
  name: string;
  status: Exclude<ExecutionStatus, 'RUNNING'>;
  /** epoch ms, virtual clock */
  startDate: number;
  /** epoch ms, virtual clock */
  stopDate: number;
  /** JSON text */
  input: string;
  /** JSON text; null unless SUCCEEDED */
  output: string | null;
  error: string | null;
  cause: string | null;
}

/** One history event in the shape GetExecutionHistory returns (timestamp as epoch seconds). */
export interface HistoryEvent {
  id: number;
  previousEventId: number;
  timestamp: number;
  type: string;
  [details: string]: unknown;
}
