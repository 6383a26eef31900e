import { NestedStack, type NestedStackProps } from 'aws-cdk-lib';
import type { IHttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import type { IStateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import type { Construct } from 'constructs';
import type { ScheduleDefinition } from '../shared/wiring/schedules';
import type { BindingResources } from './constructs/binding-resources';
import { OperationsAlarms, type WatchedFunction, type WatchedQueue } from './constructs/operations-alarms';
import { OperationsDashboard } from './constructs/operations-dashboard';
import { ScheduledFunctions } from './constructs/scheduled-functions';

/** Properties of the operations stack. */
export interface OperationsStackProps extends NestedStackProps {
  /** The deployment stage: alarm and dashboard names, the business metrics' `stage` dimension. */
  readonly stage: string;
  /** Where the alarms are e-mailed; no subscription without one. */
  readonly alarmEmail?: string;
  readonly schedules: readonly ScheduleDefinition[];
  readonly resources: BindingResources;
  readonly stateMachines: Readonly<Record<string, IStateMachine>>;
  readonly httpApi: IHttpApi;
  /** The functions of the parent stack and of its other nested stacks to watch; the scheduled functions are watched as well. */
  readonly functions: readonly WatchedFunction[];
  readonly deadLetterQueues: readonly WatchedQueue[];
  /** A word every Certiflow function name contains, to find their metrics. */
  readonly functionNameToken: string;
}

/**
 * What operations watch, in a nested stack of the stateless one (CloudFormation allows 500
 * resources a stack, and the alarms are two per function): the scheduled functions (the hourly
 * session watch), the alarms and their SNS topic, and the dashboard.
 */
export class OperationsStack extends NestedStack {
  readonly scheduled: ScheduledFunctions;
  readonly alarms: OperationsAlarms;
  readonly dashboard: OperationsDashboard;

  constructor(scope: Construct, id: string, props: OperationsStackProps) {
    super(scope, id, props);
    this.scheduled = new ScheduledFunctions(this, 'Schedules', { schedules: props.schedules, resources: props.resources, stage: props.stage });
    const scheduledFunctions = Object.entries(this.scheduled.functions).map(([scheduleId, fn]) => ({ label: `Schedules/${scheduleId}`, fn }));
    this.alarms = new OperationsAlarms(this, 'Alarms', {
      stage: props.stage,
      ...(props.alarmEmail !== undefined ? { alarmEmail: props.alarmEmail } : {}),
      stateMachines: props.stateMachines,
      httpApi: props.httpApi,
      functions: [...props.functions, ...scheduledFunctions],
      deadLetterQueues: props.deadLetterQueues,
    });
    this.dashboard = new OperationsDashboard(this, 'Dashboard', {
      stage: props.stage,
      stateMachines: props.stateMachines,
      httpApi: props.httpApi,
      functionNameToken: props.functionNameToken,
      deadLetterQueues: props.deadLetterQueues,
      headlineAlarms: this.alarms.headlineAlarms,
    });
  }
}
