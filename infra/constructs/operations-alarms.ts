import { ArnFormat, Duration, Stack, Token } from 'aws-cdk-lib';
import type { IHttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import { Alarm, ComparisonOperator, Metric, TreatMissingData, type IMetric } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { CfnFunction, IFunction } from 'aws-cdk-lib/aws-lambda';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import type { IStateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import { BUSINESS_METRICS_NAMESPACE, METRICS_SERVICE, SESSION_WATCH_METRICS } from '../../shared/observability/business-metrics';

/** Where each alarm's "what to do" is written. */
export const RUNBOOK = 'docs/runbook.md';

/** A function to watch, with the words that name it to a person. */
export interface WatchedFunction {
  /** Unique and readable, e.g. `HttpApi/CreateSession`. */
  readonly label: string;
  readonly fn: IFunction;
}

/** A dead-letter queue to watch, with what lands in it. */
export interface WatchedQueue {
  readonly label: string;
  readonly queue: IQueue;
  readonly holds: string;
}

/** Properties of the operations alarms. */
export interface OperationsAlarmsProps {
  /** The deployment stage: in alarm names and in the business metrics' `stage` dimension. */
  readonly stage: string;
  /** Where the alarms are e-mailed; no subscription without one. */
  readonly alarmEmail?: string;
  readonly stateMachines: Readonly<Record<string, IStateMachine>>;
  readonly httpApi: IHttpApi;
  readonly functions: readonly WatchedFunction[];
  readonly deadLetterQueues: readonly WatchedQueue[];
}

const FIVE_MINUTES = Duration.minutes(5);
const ONE_HOUR = Duration.hours(1);
const EMAIL = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;

/** The business metric of the session watch carrying `count`, with the dimensions the watch publishes it under. */
export function sessionWatchMetric(count: keyof typeof SESSION_WATCH_METRICS, stage: string, statistic = 'Maximum'): Metric {
  return new Metric({
    namespace: BUSINESS_METRICS_NAMESPACE,
    metricName: SESSION_WATCH_METRICS[count],
    dimensionsMap: { service: METRICS_SERVICE, stage },
    statistic,
    period: ONE_HOUR,
  });
}

/**
 * The stage's alarms, all sent to one SNS topic (e-mailed to `alarmEmail` when given): session
 * executions failed, timed out or aborted; each function's errors and throttles; the API's 5xx;
 * every dead-letter queue not empty; the session watch's business metrics above zero, and the
 * watch gone silent. Each description says what the alarm means and where the runbook says what
 * to do.
 */
export class OperationsAlarms extends Construct {
  readonly topic: Topic;
  readonly alarms: Alarm[] = [];
  /** The alarms an operator reads first: every one but the per-function errors and throttles. */
  readonly headlineAlarms: Alarm[] = [];

  constructor(scope: Construct, id: string, props: OperationsAlarmsProps) {
    super(scope, id);
    const stack = Stack.of(this);
    this.topic = new Topic(this, 'Topic', { displayName: `Certiflow ${props.stage} alarms`, enforceSSL: true });
    this.topic.addToResourcePolicy(
      new PolicyStatement({
        sid: 'CloudWatchAlarmsPublish',
        principals: [new ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['sns:Publish'],
        resources: [this.topic.topicArn],
        conditions: {
          StringEquals: { 'aws:SourceAccount': stack.account },
          ArnLike: { 'aws:SourceArn': stack.formatArn({ service: 'cloudwatch', resource: 'alarm', resourceName: '*', arnFormat: ArnFormat.COLON_RESOURCE_NAME }) },
        },
      }),
    );
    if (props.alarmEmail !== undefined) {
      if (!EMAIL.test(props.alarmEmail)) throw new Error(`the alarm e-mail address "${props.alarmEmail}" is not an e-mail address`);
      this.topic.addSubscription(new EmailSubscription(props.alarmEmail));
    }

    for (const [name, machine] of Object.entries(props.stateMachines)) {
      this.add(`${name}ExecutionsFailed`, `${props.stage}-executions-failed-${name}`, machine.metricFailed({ period: FIVE_MINUTES, statistic: 'Sum' }), {
        what: `A ${name} execution (one per session, named after the session id) FAILED in the last 5 minutes: a step failed after its retries, the session was marked failed (RecordWorkflowFailure) and the workflow stopped.`,
        section: 'executions-failed',
      });
      this.add(`${name}ExecutionsTimedOut`, `${props.stage}-executions-timed-out-${name}`, machine.metricTimedOut({ period: FIVE_MINUTES, statistic: 'Sum' }), {
        what: `A ${name} execution TIMED OUT in the last 5 minutes: a session's execution reached Step Functions' one-year limit for Standard workflows.`,
        section: 'executions-timed-out',
      });
      this.add(`${name}ExecutionsAborted`, `${props.stage}-executions-aborted-${name}`, machine.metricAborted({ period: FIVE_MINUTES, statistic: 'Sum' }), {
        what: `A ${name} execution was ABORTED in the last 5 minutes: someone or something called StopExecution on a session's workflow.`,
        section: 'executions-aborted',
      });
    }

    this.add('ApiServerErrors', `${props.stage}-api-5xx`, props.httpApi.metricServerError({ period: FIVE_MINUTES, statistic: 'Sum' }), {
      what: 'The HTTP API answered at least one 5xx in the last 5 minutes: a handler failed on something other than a refusal (InternalError), timed out, or could not run.',
      section: 'api-5xx',
    });

    for (const { label, fn } of props.functions) {
      const named = `${label} (${functionWords(fn)}; function ${fn.functionName})`;
      const slug = label.replace(/[^A-Za-z0-9]+/g, '-');
      this.add(`${slug}Errors`, `${props.stage}-lambda-errors-${slug}`, fn.metricErrors({ period: FIVE_MINUTES, statistic: 'Sum' }), {
        what: `Lambda function ${named} ended at least one invocation in error in the last 5 minutes: it threw, timed out or ran out of memory.`,
        section: 'lambda-errors',
        perFunction: true,
      });
      this.add(`${slug}Throttles`, `${props.stage}-lambda-throttles-${slug}`, fn.metricThrottles({ period: FIVE_MINUTES, statistic: 'Sum' }), {
        what: `Lambda refused to run function ${named} (throttled) in at least 2 of the last 3 five-minute periods.`,
        section: 'lambda-throttles',
        perFunction: true,
        evaluationPeriods: 3,
        datapointsToAlarm: 2,
      });
    }

    for (const { label, queue, holds } of props.deadLetterQueues) {
      const slug = label.replace(/[^A-Za-z0-9]+/g, '-');
      this.add(`${slug}NotEmpty`, `${props.stage}-dlq-not-empty-${slug}`, queue.metricApproximateNumberOfMessagesVisible({ period: FIVE_MINUTES, statistic: 'Maximum' }), {
        what: `The dead-letter queue ${label} (queue ${queue.queueName}) holds at least one message: ${holds}. It is kept 14 days.`,
        section: 'dead-letter-queue-not-empty',
      });
    }

    const business: Array<[keyof typeof SESSION_WATCH_METRICS, string, string]> = [
      ['intakeAtRisk', 'intake-at-risk', 'At least one session closes intake within 48 hours while a candidate still lacks an accepted owed deliverable (DELIV-4).'],
      ['distributionOverdue', 'distribution-overdue', 'At least one open session has a distribution not recorded by its deadline (DIST-1..DIST-7).'],
      ['stepOverdue', 'step-overdue', 'At least one session is blocked on a human step the workflow marked overdue: planning, conflict declarations (JURY-4), a candidate (DELIB-4) or the PV seal (PV-6).'],
      ['pvNotSealed', 'pv-not-sealed', 'At least one session has its exam day behind it (from 00:00 of the next day in its zone) and its PV not sealed (PV-5, PV-6).'],
    ];
    for (const [count, section, what] of business) {
      this.add(`Sessions${SESSION_WATCH_METRICS[count]}`, `${props.stage}-business-${section}`, sessionWatchMetric(count, props.stage), {
        what: `${what} The hourly session watch logs which sessions ("sessions at risk").`,
        section,
        threshold: 0,
        comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
      });
    }
    this.add('SessionWatchSilent', `${props.stage}-business-watch-silent`, sessionWatchMetric('watched', props.stage, 'SampleCount'), {
      what: 'The hourly session watch published nothing for 2 hours: the business alarms above cannot fire while it is silent.',
      section: 'watch-silent',
      threshold: 1,
      comparisonOperator: ComparisonOperator.LESS_THAN_THRESHOLD,
      evaluationPeriods: 2,
      datapointsToAlarm: 2,
      treatMissingData: TreatMissingData.BREACHING,
    });
  }

  private add(
    id: string,
    name: string,
    metric: IMetric,
    options: {
      what: string;
      section: string;
      perFunction?: boolean;
      threshold?: number;
      comparisonOperator?: ComparisonOperator;
      evaluationPeriods?: number;
      datapointsToAlarm?: number;
      treatMissingData?: TreatMissingData;
    },
  ): Alarm {
    const alarm = new Alarm(this, id, {
      alarmName: `certiflow-${name}`.slice(0, 255),
      alarmDescription: `${options.what} What to do: ${RUNBOOK}#${options.section}`,
      metric,
      threshold: options.threshold ?? 1,
      comparisonOperator: options.comparisonOperator ?? ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      evaluationPeriods: options.evaluationPeriods ?? 1,
      datapointsToAlarm: options.datapointsToAlarm ?? options.evaluationPeriods ?? 1,
      treatMissingData: options.treatMissingData ?? TreatMissingData.NOT_BREACHING,
    });
    const action = new SnsAction(this.topic);
    alarm.addAlarmAction(action);
    alarm.addOkAction(action);
    this.alarms.push(alarm);
    if (!options.perFunction) this.headlineAlarms.push(alarm);
    return alarm;
  }
}

/** What a function does, in the words its definition gives (`POST /sessions`, the handler module…). */
function functionWords(fn: IFunction): string {
  const description = (fn.node.defaultChild as CfnFunction | undefined)?.description;
  return description && !Token.isUnresolved(description) ? description : fn.node.id;
}
