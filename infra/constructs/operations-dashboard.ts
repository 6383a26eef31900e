import { Duration } from 'aws-cdk-lib';
import type { IHttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import { AlarmStatusWidget, Dashboard, GraphWidget, type IAlarm, type IWidget, MathExpression, SingleValueWidget, Stats, TextWidget } from 'aws-cdk-lib/aws-cloudwatch';
import type { IStateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import { SESSION_WATCH_METRICS } from '../../shared/observability/business-metrics';
import { RUNBOOK, sessionWatchMetric, type WatchedQueue } from './operations-alarms';

/** Properties of the operations dashboard. */
export interface OperationsDashboardProps {
  readonly stage: string;
  readonly stateMachines: Readonly<Record<string, IStateMachine>>;
  readonly httpApi: IHttpApi;
  /** A word every Certiflow function name contains (the stack name CloudFormation prefixes them with), to find their metrics. */
  readonly functionNameToken: string;
  readonly deadLetterQueues: readonly WatchedQueue[];
  /** Alarms shown by state at the top: the few an operator reads first. */
  readonly headlineAlarms: readonly IAlarm[];
}

const FIVE_MINUTES = Duration.minutes(5);
const BUSIEST = 10;

/**
 * The stage's dashboard: session executions started, succeeded, failed, timed out and aborted;
 * API requests, 4xx, 5xx and latency; Lambda invocations, errors, throttles and duration of the
 * ten busiest functions; dead-letter queue depth; the session watch's business metrics.
 */
export class OperationsDashboard extends Construct {
  readonly dashboard: Dashboard;

  constructor(scope: Construct, id: string, props: OperationsDashboardProps) {
    super(scope, id);
    this.dashboard = new Dashboard(this, 'Dashboard', { dashboardName: `certiflow-${props.stage}`, defaultInterval: Duration.days(1) });
    const lambda = (metricName: string, statistic: string, rank: string) =>
      new MathExpression({
        expression: `SORT(SEARCH('{AWS/Lambda,FunctionName} MetricName="${metricName}" "${props.functionNameToken}"', '${statistic}', 300), ${rank}, DESC, ${BUSIEST})`,
        period: FIVE_MINUTES,
      });
    const rows: IWidget[][] = [
      [
        new TextWidget({
          markdown: `# Certiflow ${props.stage}\nOne execution per session, named after its id. What each alarm means and what to do: \`${RUNBOOK}\`.`,
          width: 8,
          height: 4,
        }),
        new AlarmStatusWidget({ title: 'Alarms: executions, API, dead-letter queues, sessions at risk', alarms: [...props.headlineAlarms], width: 16, height: 4 }),
      ],
      Object.entries(props.stateMachines).map(
        ([name, machine]) =>
          new GraphWidget({
            title: `${name} executions`,
            width: 24,
            left: [
              machine.metricStarted({ statistic: Stats.SUM, period: FIVE_MINUTES, label: 'started' }),
              machine.metricSucceeded({ statistic: Stats.SUM, period: FIVE_MINUTES, label: 'succeeded' }),
              machine.metricFailed({ statistic: Stats.SUM, period: FIVE_MINUTES, label: 'failed' }),
              machine.metricTimedOut({ statistic: Stats.SUM, period: FIVE_MINUTES, label: 'timed out' }),
              machine.metricAborted({ statistic: Stats.SUM, period: FIVE_MINUTES, label: 'aborted' }),
            ],
          }),
      ),
      [
        new GraphWidget({
          title: 'HTTP API requests',
          width: 12,
          left: [
            props.httpApi.metricCount({ statistic: Stats.SUM, period: FIVE_MINUTES, label: 'requests' }),
            props.httpApi.metricClientError({ statistic: Stats.SUM, period: FIVE_MINUTES, label: '4xx' }),
            props.httpApi.metricServerError({ statistic: Stats.SUM, period: FIVE_MINUTES, label: '5xx' }),
          ],
        }),
        new GraphWidget({
          title: 'HTTP API latency (ms)',
          width: 12,
          left: [Stats.p(50), Stats.p(90), Stats.p(99)].map((statistic) => props.httpApi.metricLatency({ statistic, period: FIVE_MINUTES, label: statistic })),
        }),
      ],
      [
        new GraphWidget({ title: `Lambda invocations: the ${BUSIEST} busiest functions`, width: 12, left: [lambda('Invocations', 'Sum', 'SUM')] }),
        new GraphWidget({ title: `Lambda duration p99 (ms): the ${BUSIEST} slowest functions`, width: 12, left: [lambda('Duration', 'p99', 'MAX')] }),
      ],
      [
        new GraphWidget({ title: 'Lambda errors, by function', width: 12, left: [lambda('Errors', 'Sum', 'SUM')] }),
        new GraphWidget({ title: 'Lambda throttles, by function', width: 12, left: [lambda('Throttles', 'Sum', 'SUM')] }),
      ],
      [
        new GraphWidget({
          title: 'Dead-letter queues: messages waiting',
          width: 8,
          left: props.deadLetterQueues.map(({ label, queue }) => queue.metricApproximateNumberOfMessagesVisible({ statistic: Stats.MAXIMUM, period: FIVE_MINUTES, label })),
        }),
        new GraphWidget({
          title: 'Sessions at risk (hourly watch)',
          width: 10,
          left: (['intakeAtRisk', 'distributionOverdue', 'stepOverdue', 'pvNotSealed'] as const).map((count) =>
            sessionWatchMetric(count, props.stage).with({ label: SESSION_WATCH_METRICS[count] }),
          ),
        }),
        new SingleValueWidget({
          title: 'Open sessions watched',
          width: 6,
          metrics: [sessionWatchMetric('watched', props.stage).with({ label: SESSION_WATCH_METRICS.watched })],
        }),
      ],
    ];
    for (const row of rows) this.dashboard.addWidgets(...row);
  }
}
