import * as path from 'node:path';
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { DefinitionBody, LogLevel, StateMachine, StateMachineType } from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import type { StateMachineDefinition } from '../../shared/wiring/state-machines';
import { PROJECT_ROOT } from '../project-root';
import type { BindingResources } from './binding-resources';
import { CertiflowFunction } from './certiflow-function';
import { acknowledge } from './nag';

/** Properties of the session workflows. */
export interface SessionWorkflowsProps {
  readonly definitions: readonly StateMachineDefinition[];
  readonly resources: BindingResources;
  /** @default the repository root */
  readonly projectRoot?: string;
}

/** The task function's construct id: `OpenPlanningFunctionArn` → `OpenPlanningFunction`. */
export function taskFunctionId(substitution: string): string {
  return substitution.replace(/Arn$/, '');
}

/**
 * The Standard state machines of the wiring table, each loaded from its definition file with
 * every `${…FunctionArn}` substitution mapped to its task function, logging ALL events
 * (without execution data) to a vended-logs group, and traced with X-Ray.
 */
export class SessionWorkflows extends Construct {
  readonly stateMachines: Record<string, StateMachine> = {};
  readonly functions: Record<string, CertiflowFunction> = {};

  constructor(scope: Construct, id: string, props: SessionWorkflowsProps) {
    super(scope, id);
    const projectRoot = props.projectRoot ?? PROJECT_ROOT;
    for (const definition of props.definitions) {
      const taskFunctions = definition.tasks.map((task) => {
        const fn = new CertiflowFunction(this, taskFunctionId(task.substitution), {
          handler: task.handler,
          timeout: Duration.seconds(task.sizing?.timeoutSeconds ?? 30),
          ...(task.sizing?.memoryMB ? { memorySize: task.sizing.memoryMB } : {}),
          projectRoot,
        }).applyBindings(task.bindings, props.resources);
        this.functions[task.substitution] = fn;
        return [task.substitution, fn] as const;
      });

      const logGroup = new LogGroup(this, `${definition.id}Logs`, {
        logGroupName: `/aws/vendedlogs/states/${definition.name}`,
        retention: RetentionDays.THREE_MONTHS,
        removalPolicy: RemovalPolicy.DESTROY,
      });
      const stateMachine = new StateMachine(this, definition.id, {
        stateMachineName: definition.name,
        stateMachineType: StateMachineType.STANDARD,
        definitionBody: DefinitionBody.fromFile(path.join(projectRoot, definition.definitionFile)),
        definitionSubstitutions: Object.fromEntries(taskFunctions.map(([key, fn]) => [key, fn.functionArn])),
        logs: { destination: logGroup, level: LogLevel.ALL, includeExecutionData: false },
        tracingEnabled: true,
      });
      stateMachine.addToRolePolicy(
        new PolicyStatement({ actions: ['lambda:InvokeFunction'], resources: taskFunctions.map(([, fn]) => fn.functionArn) }),
      );
      acknowledge(
        stateMachine,
        'AwsSolutions-IAM5[Resource::*]',
        'Step Functions log delivery (logs:CreateLogDelivery and related) and X-Ray tracing (xray:PutTraceSegments) support no resource-level permissions; the Lambda invoke grant names each task function.',
      );
      this.stateMachines[definition.id] = stateMachine;
    }
  }
}
