import { SfnApiError } from './errors';
import type { ExecutionRecord } from './execution-store';
import type { Executions } from './executions';
import type { ExecutionStatus } from './types';

/** One Step Functions operation: the parsed request body in, the response body out. */
export type Operation = (request: Record<string, unknown>) => unknown;

const STATUSES: readonly ExecutionStatus[] = ['RUNNING', 'SUCCEEDED', 'FAILED', 'TIMED_OUT', 'ABORTED'];
const ROLE_ARN = 'arn:aws:iam::000000000000:role/certiflow-local-stepfunctions';

/** The Step Functions operations the local endpoint serves, by name (as in `X-Amz-Target`). */
export function createOperations(executions: Executions, creationDate: Date): Record<string, Operation> {
  const describeMachine = (stateMachineArn: unknown) => {
    const { machine } = executions.machine(stateMachineArn);
    return {
      stateMachineArn: machine.arn,
      name: machine.name,
      status: 'ACTIVE',
      definition: JSON.stringify(machine.definition),
      roleArn: ROLE_ARN,
      type: 'STANDARD',
      creationDate: epochSeconds(creationDate.getTime()),
    };
  };
  return {
    StartExecution: (request) => {
      const record = executions.start(request['stateMachineArn'], request['name'], request['input']);
      return { executionArn: record.executionArn, startDate: epochSeconds(record.startDate) };
    },
    DescribeExecution: (request) => describeExecution(executions.get(request['executionArn'])),
    GetExecutionHistory: (request) => {
      const record = executions.get(request['executionArn']);
      const events = request['reverseOrder'] === true ? [...record.history].reverse() : record.history;
      const page = paginate(events, request);
      return { events: page.items, ...(page.nextToken ? { nextToken: page.nextToken } : {}) };
    },
    ListExecutions: (request) => {
      const status = request['statusFilter'];
      if (status !== undefined && !STATUSES.includes(status as ExecutionStatus)) {
        throw new SfnApiError('ValidationException', `Invalid statusFilter: '${String(status)}'`);
      }
      const records = executions.list(request['stateMachineArn'], status as ExecutionStatus | undefined);
      const page = paginate(records, request);
      return { executions: page.items.map(summarise), ...(page.nextToken ? { nextToken: page.nextToken } : {}) };
    },
    DescribeStateMachine: (request) => describeMachine(request['stateMachineArn']),
    DescribeStateMachineForExecution: (request) => {
      const { definition, name, roleArn, stateMachineArn, creationDate: updateDate } = describeMachine(
        executions.get(request['executionArn']).stateMachineArn,
      );
      return { stateMachineArn, name, definition, roleArn, updateDate };
    },
    StopExecution: (request) => {
      const record = executions.stop(request['executionArn'], optionalString(request['error']), optionalString(request['cause']));
      return { stopDate: epochSeconds(record.stopDate ?? record.startDate) };
    },
    SendTaskSuccess: (request) => {
      executions.sendTaskSuccess(request['taskToken'], request['output']);
      return {};
    },
    SendTaskFailure: (request) => {
      executions.sendTaskFailure(request['taskToken'], optionalString(request['error']), optionalString(request['cause']));
      return {};
    },
    SendTaskHeartbeat: (request) => {
      executions.sendTaskHeartbeat(request['taskToken']);
      return {};
    },
  };
}

function describeExecution(record: ExecutionRecord): Record<string, unknown> {
  return {
    ...summarise(record),
    input: record.input,
    inputDetails: { included: true },
    ...(record.output !== undefined ? { output: record.output, outputDetails: { included: true } } : {}),
    ...(record.error !== undefined ? { error: record.error } : {}),
    ...(record.cause !== undefined ? { cause: record.cause } : {}),
  };
}

function summarise(record: ExecutionRecord): Record<string, unknown> {
  return {
    executionArn: record.executionArn,
    stateMachineArn: record.stateMachineArn,
    name: record.name,
    status: record.status,
    startDate: epochSeconds(record.startDate),
    ...(record.stopDate !== undefined ? { stopDate: epochSeconds(record.stopDate) } : {}),
  };
}

function paginate<T>(items: readonly T[], request: Record<string, unknown>): { items: T[]; nextToken?: string } {
  const requested = request['maxResults'];
  const size = typeof requested === 'number' && requested > 0 ? Math.min(requested, 1000) : 100;
  const offset = request['nextToken'] === undefined ? 0 : decodeOffset(request['nextToken']);
  const end = offset + size;
  return { items: items.slice(offset, end), ...(end < items.length ? { nextToken: encodeOffset(end) } : {}) };
}

function encodeOffset(offset: number): string {
  return Buffer.from(JSON.stringify({ offset })).toString('base64url');
}

function decodeOffset(token: unknown): number {
  const offset = readOffset(String(token));
  if (typeof offset === 'number' && Number.isInteger(offset) && offset >= 0) return offset;
  throw new SfnApiError('InvalidToken', `Invalid Token: '${String(token)}'`);
}

function readOffset(token: string): unknown {
  try {
    return (JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { offset?: unknown }).offset;
  } catch {
    return undefined;
  }
}

function epochSeconds(epochMs: number): number {
  return epochMs / 1000;
}

function optionalString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
