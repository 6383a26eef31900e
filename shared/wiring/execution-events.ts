import type { EventBridgeEvent } from 'aws-lambda';
import type { Bindings, FunctionSizing } from './bindings';
import { SESSION_LIFECYCLE, type StateMachineDefinition } from './state-machines';

/** The statuses an execution ends with. */
export type ExecutionEndStatus = 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT' | 'ABORTED';

/** The `detail-type` of the EventBridge event Step Functions sends when an execution changes status. */
export const EXECUTION_STATUS_CHANGE = 'Step Functions Execution Status Change';

/** The `detail` of a "Step Functions Execution Status Change" event (dates in epoch milliseconds). */
export interface ExecutionStatusChangeDetail {
  executionArn: string;
  stateMachineArn: string;
  name: string;
  status: string;
  startDate: number;
  stopDate: number | null;
  input: string | null;
  output: string | null;
  error?: string | null;
  cause?: string | null;
}

/** The EventBridge event a handler of execution status changes receives. */
export type ExecutionStatusChangeEvent = EventBridgeEvent<typeof EXECUTION_STATUS_CHANGE, ExecutionStatusChangeDetail>;

/** A handler of the executions of one state machine reaching one of the given statuses. */
export interface ExecutionEventDefinition {
  id: string;
  stateMachine: StateMachineDefinition;
  statuses: readonly ExecutionEndStatus[];
  handler: string;
  bindings: Bindings;
  sizing?: FunctionSizing;
}

/** Every subscription to execution status changes. */
export const EXECUTION_EVENTS: readonly ExecutionEventDefinition[] = [
  {
    id: 'ArchiveExecutionHistory',
    stateMachine: SESSION_LIFECYCLE,
    statuses: ['SUCCEEDED', 'FAILED', 'TIMED_OUT', 'ABORTED'],
    handler: 'functions/events/archive-execution-history.handler.ts',
    bindings: { table: 'readWrite', auditLog: 'append', recordsBucket: 'readWrite', sessionStateMachine: ['read'] },
    sizing: { timeoutSeconds: 120 },
  },
];
