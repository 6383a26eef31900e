import { SfnApiError } from './errors';

const NAME = /^[A-Za-z0-9_-]{1,80}$/;

/** Throws InvalidName unless the name is 1–80 characters of letters, digits, '-' and '_'. */
export function assertExecutionName(name: unknown): asserts name is string {
  if (typeof name !== 'string' || !NAME.test(name)) {
    throw new SfnApiError('InvalidName', `Invalid Name: '${String(name)}' (1-80 characters of A-Z, a-z, 0-9, '-', '_')`);
  }
}

/** Throws InvalidArn unless the value looks like an execution ARN. */
export function assertExecutionArn(arn: unknown): asserts arn is string {
  if (typeof arn !== 'string' || !/^arn:aws:states:[a-z0-9-]+:\d{12}:execution:[^:]+:[^:]+$/.test(arn)) {
    throw new SfnApiError('InvalidArn', `Invalid Arn: '${String(arn)}'`);
  }
}

/** Throws InvalidArn unless the value looks like a state machine ARN. */
export function assertStateMachineArn(arn: unknown): asserts arn is string {
  if (typeof arn !== 'string' || !/^arn:aws:states:[a-z0-9-]+:\d{12}:stateMachine:[^:]+$/.test(arn)) {
    throw new SfnApiError('InvalidArn', `Invalid Arn: '${String(arn)}'`);
  }
}
