import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { type CfnResource, NestedStack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../infra/project-root';
import { BUSINESS_METRICS_NAMESPACE, METRICS_SERVICE, SESSION_WATCH_METRICS } from '../../shared/observability/business-metrics';
import { ROUTES } from '../../shared/wiring/routes';
import { SCHEDULES } from '../../shared/wiring/schedules';
import { buildCertiflow, roleStatements } from './certiflow-app';

type Resource = { Type: string; Properties: Record<string, any> };
/**
 * The stateless stack's template (`parent`), its operations nested stack's (`nested`) with the
 * parameters the parent passes it, and its other nested stacks' (the route functions) by the
 * logical id of their stack resource in the parent.
 */
type Templates = { parent: Template; nested: Template; nestedParameters: Record<string, unknown>; siblings: Record<string, Template> };

const RUNBOOK = readFileSync(path.join(PROJECT_ROOT, 'docs/runbook.md'), 'utf8');
const WATCH = SCHEDULES.find((schedule) => schedule.id === 'WatchSessions')!;

function build(context: Record<string, unknown> = {}): Templates {
  const { stateless } = buildCertiflow({}, context);
  const parent = Template.fromStack(stateless);
  const logicalIdOf = (nested: NestedStack) => stateless.resolve((nested.nestedStackResource as CfnResource).logicalId) as string;
  const stackResources = parent.findResources('AWS::CloudFormation::Stack') as Record<string, Resource>;
  const siblings = Object.fromEntries(
    stateless.node
      .findAll()
      .filter(NestedStack.isNestedStack)
      .filter((nested) => nested !== stateless.operations)
      .map((nested) => [logicalIdOf(nested), Template.fromStack(nested)] as const),
  );
  return {
    parent,
    nested: Template.fromStack(stateless.operations),
    nestedParameters: stackResources[logicalIdOf(stateless.operations)]!.Properties.Parameters as Record<string, unknown>,
    siblings,
  };
}

function resources(template: Template, type: string): Record<string, Resource> {
  return template.findResources(type) as Record<string, Resource>;
}

/** A value of the nested template as the parent sees it: a nested-stack parameter is replaced by what the parent passes. */
function inParent(templates: Templates, value: unknown): unknown {
  const ref = (value as { Ref?: string } | undefined)?.Ref;
  return ref !== undefined && ref in templates.nestedParameters ? templates.nestedParameters[ref] : value;
}

/**
 * Where a function reference of the nested template leads, as `<stack>/<logical id>`: `operations`
 * for its own functions, `parent` for the stateless stack's, and a sibling nested stack's logical
 * id for a function whose name the parent reads from that stack's outputs.
 */
function functionAt(templates: Templates, value: unknown): string {
  const ref = (value as { Ref?: string }).Ref;
  if (ref !== undefined && !(ref in templates.nestedParameters)) return `operations/${ref}`;
  const passed = inParent(templates, value) as { Ref?: string; 'Fn::GetAtt'?: [string, string] };
  if (passed.Ref !== undefined) return `parent/${passed.Ref}`;
  const [stackId, attribute] = passed['Fn::GetAtt']!;
  const outputs = templates.siblings[stackId]!.toJSON().Outputs as Record<string, { Value: { Ref: string } }>;
  return `${stackId}/${outputs[attribute.replace(/^Outputs\./, '')]!.Value.Ref}`;
}

function alarms(templates: Templates): Resource[] {
  return Object.values(resources(templates.nested, 'AWS::CloudWatch::Alarm'));
}

function dimension(alarm: Resource, name: string): unknown {
  return (alarm.Properties.Dimensions as Array<{ Name: string; Value: unknown }>).find((d) => d.Name === name)?.Value;
}

function description(alarm: Resource): string {
  const text = alarm.Properties.AlarmDescription as string | { 'Fn::Join': [string, unknown[]] };
  return typeof text === 'string' ? text : text['Fn::Join'][1].map((part) => (typeof part === 'string' ? part : '<token>')).join('');
}

function topicId(templates: Templates): string {
  const topics = Object.keys(resources(templates.nested, 'AWS::SNS::Topic'));
  expect(topics).toHaveLength(1);
  return topics[0]!;
}

function alarmsOn(templates: Templates, namespace: string, metricName: string): Resource[] {
  return alarms(templates).filter((alarm) => alarm.Properties.Namespace === namespace && alarm.Properties.MetricName === metricName);
}

/** Certiflow's own functions in the parent stack (CDK's S3 notification handler is not one). */
function certiflowFunctionIds(template: Template): string[] {
  return Object.entries(resources(template, 'AWS::Lambda::Function'))
    .filter(([, fn]) => fn.Properties.Environment?.Variables?.POWERTOOLS_SERVICE_NAME !== undefined)
    .map(([id]) => id);
}

/** Every queue some service sends what it could not deliver or handle to: rule target DLQs, Lambda on-failure destinations, SQS redrive, event source mappings. */
function deadLetterQueueIds(template: Template): string[] {
  const queueIds = new Set(Object.keys(resources(template, 'AWS::SQS::Queue')));
  const referenced = new Set<string>();
  const visit = (value: unknown, underDlq: boolean): void => {
    if (Array.isArray(value)) return value.forEach((item) => visit(item, underDlq));
    if (value === null || typeof value !== 'object') return;
    for (const [key, child] of Object.entries(value)) {
      const dlq = underDlq || ['DeadLetterConfig', 'OnFailure', 'RedrivePolicy', 'DestinationConfig'].includes(key);
      if (dlq && key === 'Fn::GetAtt' && Array.isArray(child) && queueIds.has(child[0] as string)) referenced.add(child[0] as string);
      visit(child, dlq);
    }
  };
  visit(template.toJSON().Resources, false);
  return [...referenced].sort();
}

let templates: Templates;

beforeAll(() => {
  templates = build({ 'certiflow:alarmEmail': 'ops@example.org', 'certiflow:stage': 'prod' });
});

describe('the alarm topic', () => {
  it('is one SNS topic per stage, e-mailing the address given as context', () => {
    const topic = topicId(templates);
    expect(resources(templates.nested, 'AWS::SNS::Topic')[topic]!.Properties.DisplayName).toBe('Certiflow prod alarms');
    templates.nested.resourceCountIs('AWS::SNS::Subscription', 1);
    templates.nested.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'email', Endpoint: 'ops@example.org', TopicArn: { Ref: topic } });
  });

  it('has no subscription when no address is given, and refuses one that is not an address', () => {
    const bare = build();
    bare.nested.resourceCountIs('AWS::SNS::Topic', 1);
    bare.nested.resourceCountIs('AWS::SNS::Subscription', 0);
    expect(() => build({ 'certiflow:alarmEmail': 'ops at example' })).toThrow(/not an e-mail address/);
  });

  it('takes publications from this account\'s CloudWatch alarms, over TLS only', () => {
    const [policy] = Object.values(resources(templates.nested, 'AWS::SNS::TopicPolicy'));
    const statements = policy!.Properties.PolicyDocument.Statement as Array<Record<string, any>>;
    expect(statements).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ Effect: 'Deny', Action: 'sns:Publish', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        expect.objectContaining({ Effect: 'Allow', Action: 'sns:Publish', Principal: { Service: 'cloudwatch.amazonaws.com' }, Condition: expect.objectContaining({ StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } } }) }),
      ]),
    );
  });
});

describe('every alarm', () => {
  it('notifies the topic when it fires and when it clears, treats missing data explicitly, and names its stage', () => {
    const topic = topicId(templates);
    expect(alarms(templates).length).toBeGreaterThan(100);
    for (const alarm of alarms(templates)) {
      expect(alarm.Properties.AlarmActions, alarm.Properties.AlarmName).toEqual([{ Ref: topic }]);
      expect(alarm.Properties.OKActions, alarm.Properties.AlarmName).toEqual([{ Ref: topic }]);
      expect(['notBreaching', 'breaching'], alarm.Properties.AlarmName).toContain(alarm.Properties.TreatMissingData);
      expect(alarm.Properties.AlarmName).toMatch(/^certiflow-prod-/);
    }
  });

  it('says what it means and points to a section of docs/runbook.md that exists', () => {
    const headings = new Set([...RUNBOOK.matchAll(/^#{2,4} (.+)$/gm)].map((match) => match[1]!.trim().toLowerCase().replace(/[^a-z0-9 -]/g, '').replace(/ /g, '-')));
    for (const alarm of alarms(templates)) {
      const text = description(alarm);
      const section = /What to do: docs\/runbook\.md#([a-z0-9-]+)$/.exec(text)?.[1];
      expect(section, text).toBeDefined();
      expect([...headings], `${alarm.Properties.AlarmName} → #${section}`).toContain(section);
      expect(text.length, alarm.Properties.AlarmName).toBeGreaterThan(80);
    }
  });
});

describe('the alarms of each kind', () => {
  it('Step Functions: the session state machine\'s executions failed, timed out and aborted, each on its own', () => {
    const [machineId] = Object.keys(resources(templates.parent, 'AWS::StepFunctions::StateMachine'));
    for (const metricName of ['ExecutionsFailed', 'ExecutionsTimedOut', 'ExecutionsAborted']) {
      const [alarm, ...others] = alarmsOn(templates, 'AWS/States', metricName);
      expect(others, metricName).toEqual([]);
      expect(inParent(templates, dimension(alarm!, 'StateMachineArn')), metricName).toEqual({ Ref: machineId });
      expect(alarm!.Properties).toMatchObject({ Statistic: 'Sum', Period: 300, Threshold: 1, ComparisonOperator: 'GreaterThanOrEqualToThreshold', TreatMissingData: 'notBreaching' });
    }
  });

  it('Lambda: errors and throttles of every function, in the parent stack and its nested stacks, each alarm naming its function', () => {
    const parentFunctions = certiflowFunctionIds(templates.parent).map((id) => `parent/${id}`);
    const routeFunctions = Object.entries(templates.siblings).flatMap(([stackId, template]) => certiflowFunctionIds(template).map((id) => `${stackId}/${id}`));
    const watchFunctions = certiflowFunctionIds(templates.nested).map((id) => `operations/${id}`);
    expect(parentFunctions.length).toBeGreaterThan(10);
    expect(routeFunctions).toHaveLength(ROUTES.length);
    expect(watchFunctions).toHaveLength(SCHEDULES.length);
    const all = [...parentFunctions, ...routeFunctions, ...watchFunctions];
    expect(all.length).toBeGreaterThan(60);
    for (const metricName of ['Errors', 'Throttles']) {
      const watched = alarmsOn(templates, 'AWS/Lambda', metricName).map((alarm) => functionAt(templates, dimension(alarm, 'FunctionName')));
      expect(watched.sort(), metricName).toEqual(all.sort());
    }
    const createSession = alarmsOn(templates, 'AWS/Lambda', 'Errors').find((alarm) => alarm.Properties.AlarmName === 'certiflow-prod-lambda-errors-HttpApi-CreateSession');
    expect(description(createSession!)).toMatch(/^Lambda function HttpApi\/CreateSession \(POST \/sessions; function <token>\)/);
    expect(createSession!.Properties).toMatchObject({ Statistic: 'Sum', Period: 300, Threshold: 1, EvaluationPeriods: 1 });
    const throttles = alarmsOn(templates, 'AWS/Lambda', 'Throttles')[0]!;
    expect(throttles.Properties).toMatchObject({ Statistic: 'Sum', Period: 300, Threshold: 1, EvaluationPeriods: 3, DatapointsToAlarm: 2 });
  });

  it('API Gateway: any 5xx of the HTTP API', () => {
    const [apiId] = Object.keys(resources(templates.parent, 'AWS::ApiGatewayV2::Api'));
    const [alarm, ...others] = alarmsOn(templates, 'AWS/ApiGateway', '5xx');
    expect(others).toEqual([]);
    expect(inParent(templates, dimension(alarm!, 'ApiId'))).toEqual({ Ref: apiId });
    expect(alarm!.Properties).toMatchObject({ Statistic: 'Sum', Period: 300, Threshold: 1 });
  });

  it('SQS: every queue that is a dead-letter queue, as soon as it holds a message', () => {
    const queues = deadLetterQueueIds(templates.parent);
    expect(queues.length).toBeGreaterThanOrEqual(2);
    expect(queues.sort()).toEqual(Object.keys(resources(templates.parent, 'AWS::SQS::Queue')).sort());
    const watched = alarmsOn(templates, 'AWS/SQS', 'ApproximateNumberOfMessagesVisible');
    expect(watched.map((alarm) => inParent(templates, dimension(alarm, 'QueueName')))).toEqual(
      expect.arrayContaining(queues.map((id) => ({ 'Fn::GetAtt': [id, 'QueueName'] }))),
    );
    expect(watched).toHaveLength(queues.length);
    for (const alarm of watched) expect(alarm.Properties).toMatchObject({ Statistic: 'Maximum', Threshold: 1, ComparisonOperator: 'GreaterThanOrEqualToThreshold', TreatMissingData: 'notBreaching' });
  });

  it('the S3 event subscription sends the events its function failed on to its dead-letter queue', () => {
    const [queueId] = Object.keys(resources(templates.parent, 'AWS::SQS::Queue')).filter((id) => id.startsWith('BucketEventsReceiveDeliverableDeadLetterQueue'));
    templates.parent.hasResourceProperties('AWS::Lambda::EventInvokeConfig', { DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': [queueId, 'Arn'] } } } });
  });

  it('business: each count of the session watch above zero, in namespace Certiflow with the service and stage dimensions the watch publishes', () => {
    for (const count of ['intakeAtRisk', 'distributionOverdue', 'stepOverdue', 'pvNotSealed'] as const) {
      const [alarm, ...others] = alarmsOn(templates, BUSINESS_METRICS_NAMESPACE, SESSION_WATCH_METRICS[count]);
      expect(others, count).toEqual([]);
      expect(alarm!.Properties.Dimensions, count).toEqual([
        { Name: 'service', Value: METRICS_SERVICE },
        { Name: 'stage', Value: 'prod' },
      ]);
      expect(alarm!.Properties, count).toMatchObject({ Statistic: 'Maximum', Period: 3600, Threshold: 0, ComparisonOperator: 'GreaterThanThreshold', TreatMissingData: 'notBreaching' });
    }
  });

  it('business: the watch gone silent for two hours, missing data counting as silence', () => {
    const [alarm] = alarmsOn(templates, BUSINESS_METRICS_NAMESPACE, SESSION_WATCH_METRICS.watched);
    expect(alarm!.Properties).toMatchObject({ Statistic: 'SampleCount', Period: 3600, Threshold: 1, ComparisonOperator: 'LessThanThreshold', EvaluationPeriods: 2, DatapointsToAlarm: 2, TreatMissingData: 'breaching' });
  });
});

describe('the dashboard', () => {
  it('is one per stage, with executions, the API, the busiest functions, the dead-letter queues and the business metrics', () => {
    const [dashboard, ...others] = Object.values(resources(templates.nested, 'AWS::CloudWatch::Dashboard'));
    expect(others).toEqual([]);
    expect(dashboard!.Properties.DashboardName).toBe('certiflow-prod');
    const body = JSON.stringify(dashboard!.Properties.DashboardBody);
    for (const expected of ['ExecutionsStarted', 'ExecutionsSucceeded', 'ExecutionsFailed', 'AWS/ApiGateway', '4xx', '5xx', 'Latency', 'SORT(SEARCH(', 'MetricName=\\\\\\"Errors', 'MetricName=\\\\\\"Throttles', 'MetricName=\\\\\\"Duration', 'ApproximateNumberOfMessagesVisible', ...Object.values(SESSION_WATCH_METRICS)]) {
      expect(body, expected).toContain(expected);
    }
  });
});

describe('the session watch', () => {
  function watchFunction(): [string, Resource] {
    const [entry, ...others] = Object.entries(resources(templates.nested, 'AWS::Lambda::Function'));
    expect(others).toEqual([]);
    return entry!;
  }

  it('runs every hour: an EventBridge schedule targets the watch function, which only that rule may invoke', () => {
    const [functionId] = watchFunction();
    const [ruleId, rule] = Object.entries(resources(templates.nested, 'AWS::Events::Rule'))[0]!;
    expect(rule.Properties.ScheduleExpression).toBe(WATCH.schedule);
    expect(WATCH.schedule).toBe('rate(1 hour)');
    expect(rule.Properties.Targets).toEqual([expect.objectContaining({ Arn: { 'Fn::GetAtt': [functionId, 'Arn'] } })]);
    templates.nested.hasResourceProperties('AWS::Lambda::Permission', {
      Action: 'lambda:InvokeFunction',
      FunctionName: { 'Fn::GetAtt': [functionId, 'Arn'] },
      Principal: 'events.amazonaws.com',
      SourceArn: { 'Fn::GetAtt': [ruleId, 'Arn'] },
    });
  });

  it("holds only what its bindings grant: reading the table, listing the session executions; its stage for the metrics", () => {
    const [, fn] = watchFunction();
    expect(WATCH.bindings).toEqual({ table: 'read', sessionStateMachine: ['list'] });
    expect(fn.Properties.Handler).toBe('index.handler');
    expect(Object.keys(fn.Properties.Environment.Variables).sort()).toEqual(
      ['CERTIFLOW_STAGE', 'NODE_OPTIONS', 'POWERTOOLS_LOG_LEVEL', 'POWERTOOLS_SERVICE_NAME', 'SESSION_STATE_MACHINE_ARN', 'TABLE_NAME'].sort(),
    );
    expect(fn.Properties.Environment.Variables.CERTIFLOW_STAGE).toBe('prod');
    expect(fn.Properties.TracingConfig).toEqual({ Mode: 'Active' });
    const statements = roleStatements(templates.nested, fn);
    const actions = statements.flatMap((statement) => [statement.Action].flat()).sort();
    expect(actions).toEqual(
      [
        'dynamodb:BatchGetItem',
        'dynamodb:ConditionCheckItem',
        'dynamodb:DescribeTable',
        'dynamodb:GetItem',
        'dynamodb:Query',
        'logs:CreateLogStream',
        'logs:PutLogEvents',
        'states:ListExecutions',
        'xray:PutTelemetryRecords',
        'xray:PutTraceSegments',
      ].sort(),
    );
    const listing = statements.find((statement) => [statement.Action].flat().includes('states:ListExecutions'))!;
    expect(JSON.stringify(listing.Resource)).toContain(':stateMachine:certiflow-session-lifecycle');
    expect(statements.every((statement) => statement.Effect === 'Allow')).toBe(true);
  });
});

describe('the stacks', () => {
  it('keep the session state machine traced with X-Ray', () => {
    const [machine] = Object.values(resources(templates.parent, 'AWS::StepFunctions::StateMachine'));
    expect(machine!.Properties.TracingConfiguration).toEqual({ Enabled: true });
  });

  it("stay within CloudFormation's limits: 500 resources per stack, 200 parameters per template", () => {
    expect(Object.keys(templates.parent.toJSON().Resources).length).toBeLessThanOrEqual(500);
    expect(Object.keys(templates.nested.toJSON().Resources).length).toBeLessThanOrEqual(500);
    expect(Object.keys(templates.nestedParameters).length).toBeLessThanOrEqual(200);
  });

  it('use the stage `default` when none is given, in names and in the metric dimension alike', () => {
    const bare = build();
    const [dashboard] = Object.values(resources(bare.nested, 'AWS::CloudWatch::Dashboard'));
    expect(dashboard!.Properties.DashboardName).toBe('certiflow-default');
    const [alarm] = alarmsOn(bare, BUSINESS_METRICS_NAMESPACE, SESSION_WATCH_METRICS.pvNotSealed);
    expect(dimension(alarm!, 'stage')).toBe('default');
    expect(() => build({ 'certiflow:stage': 'Prod Stage' })).toThrow(/certiflow:stage/);
  });
});
