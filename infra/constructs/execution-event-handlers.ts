import { Duration } from 'aws-cdk-lib';
import { Rule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import { Construct } from 'constructs';
import { EXECUTION_STATUS_CHANGE, type ExecutionEventDefinition } from '../../shared/wiring/execution-events';
import type { BindingResources } from './binding-resources';
import { CertiflowFunction, sized } from './certiflow-function';
import { DeadLetterQueue } from './dead-letter-queue';
import { stateMachineAddress } from './state-machine-address';

/** Properties of the execution event handlers. */
export interface ExecutionEventHandlersProps {
  readonly events: readonly ExecutionEventDefinition[];
  readonly resources: BindingResources;
}

/**
 * One function per execution status change subscription of the wiring table, invoked by an
 * EventBridge rule on the default bus. The state machine is matched by the ARN its name gives,
 * so the rule creates no dependency on it. An event neither EventBridge (8 attempts within
 * 24 hours) nor Lambda's asynchronous retries could get handled lands in the subscription's
 * dead-letter queue, to be redriven.
 */
export class ExecutionEventHandlers extends Construct {
  readonly functions: Record<string, CertiflowFunction> = {};
  readonly rules: Record<string, Rule> = {};
  readonly deadLetterQueues: Record<string, DeadLetterQueue> = {};

  constructor(scope: Construct, id: string, props: ExecutionEventHandlersProps) {
    super(scope, id);
    for (const event of props.events) {
      const fn = new CertiflowFunction(this, `${event.id}Function`, {
        handler: event.handler,
        description: `${event.stateMachine.name} execution ${event.statuses.join(', ')}`,
        ...sized(event.sizing),
      }).applyBindings(event.bindings, props.resources);
      const deadLetterQueue = new DeadLetterQueue(this, `${event.id}DeadLetterQueue`, {
        holds: `${event.stateMachine.name} execution events that the ${event.id} rule target or its function could not handle`,
      });
      fn.configureAsyncInvoke({ onFailure: new SqsDestination(deadLetterQueue) });
      const rule = new Rule(this, `${event.id}Rule`, {
        description: `${event.stateMachine.name} executions ending ${event.statuses.join(', ')}`,
        eventPattern: {
          source: ['aws.states'],
          detailType: [EXECUTION_STATUS_CHANGE],
          detail: {
            stateMachineArn: [stateMachineAddress(this, event.stateMachine.name).stateMachineArn],
            status: [...event.statuses],
          },
        },
      });
      rule.addTarget(new LambdaFunction(fn, { deadLetterQueue, retryAttempts: 8, maxEventAge: Duration.hours(24) }));
      this.functions[event.id] = fn;
      this.rules[event.id] = rule;
      this.deadLetterQueues[event.id] = deadLetterQueue;
    }
  }
}
