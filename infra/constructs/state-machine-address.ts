import { ArnFormat, Stack } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';
import type { StateMachineAddress } from './binding-resources';

/**
 * The address of the state machine named `name` in `scope`'s account and region, built from
 * the name alone: functions the state machine invokes can be granted rights on it without a
 * dependency cycle (DESIGN.md pitfall on `grantTaskResponse`).
 */
export function stateMachineAddress(scope: IConstruct, name: string): StateMachineAddress {
  return {
    stateMachineName: name,
    stateMachineArn: Stack.of(scope).formatArn({
      service: 'states',
      resource: 'stateMachine',
      resourceName: name,
      arnFormat: ArnFormat.COLON_RESOURCE_NAME,
    }),
  };
}

/** The ARN pattern matching every execution of the state machine named `name`. */
export function executionsArnPattern(scope: IConstruct, name: string): string {
  return Stack.of(scope).formatArn({
    service: 'states',
    resource: 'execution',
    resourceName: `${name}:*`,
    arnFormat: ArnFormat.COLON_RESOURCE_NAME,
  });
}
