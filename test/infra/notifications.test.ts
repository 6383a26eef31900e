import { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { NOTIFICATIONS_FROM_CONTEXT, NOTIFICATIONS_IDENTITY_CONTEXT } from '../../infra/certiflow-app';
import { STREAM_EVENTS } from '../../shared/wiring/stream-events';
import { buildCertiflow, resourcesIn, roleStatements, templatesOf } from './certiflow-app';

type Resource = { Type: string; Properties: Record<string, any>; DependsOn?: string[] };

const NOTIFY = STREAM_EVENTS.find((event) => event.id === 'Notify')!;
const STREAM_ARN = { 'Fn::ImportValue': 'CertiflowStateful-AuditTableStreamArn' };
const identityArn = (identity: string) => ({
  'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':ses:', { Ref: 'AWS::Region' }, ':', { Ref: 'AWS::AccountId' }, `:identity/${identity}`]],
});

let stateful: Template;
let stateless: Template;
/** The stateless stack's template and its nested stacks' (the route functions are in nested stacks). */
let statelessAll: Template[];

beforeAll(() => {
  const app = buildCertiflow();
  stateful = Template.fromStack(app.stateful);
  statelessAll = templatesOf(app.stateless);
  stateless = statelessAll[0]!;
});

function resources(template: Template, type: string): Array<[string, Resource]> {
  return Object.entries(template.findResources(type) as Record<string, Resource>);
}

function notifyFunction(template = stateless): [string, Resource] {
  const found = resources(template, 'AWS::Lambda::Function').filter(([, fn]) => fn.Properties.Description === 'auditLog stream');
  expect(found).toHaveLength(1);
  return found[0]!;
}


function mapping(): [string, Resource] {
  const found = resources(stateless, 'AWS::Lambda::EventSourceMapping');
  expect(found).toHaveLength(1);
  return found[0]!;
}

describe('notifications are derived from the audit log stream', () => {
  it('the audit table streams every event added, whole (new images), and exports the stream ARN', () => {
    const audit = resources(stateful, 'AWS::DynamoDB::Table').filter(([, table]) => table.Properties.ResourcePolicy !== undefined);
    expect(audit).toHaveLength(1);
    expect(audit[0]![1].Properties.StreamSpecification).toEqual({ StreamViewType: 'NEW_IMAGE' });
    stateful.hasOutput('AuditTableStreamArn', { Export: { Name: 'CertiflowStateful-AuditTableStreamArn' } });
  });

  it('an event source mapping feeds the Notify function from the oldest record, in order, with batch failures reported, bisect on error, retries and an on-failure dead-letter queue', () => {
    const [functionId] = notifyFunction();
    const [, esm] = mapping();
    const queues = resources(stateless, 'AWS::SQS::Queue').filter(([id]) => id.startsWith('StreamEventsNotifyDeadLetterQueue'));
    expect(queues).toHaveLength(1);
    const [queueId, queue] = queues[0]!;
    expect(esm.Properties).toMatchObject({
      FunctionName: { Ref: functionId },
      EventSourceArn: STREAM_ARN,
      StartingPosition: 'TRIM_HORIZON',
      BatchSize: NOTIFY.batchSize,
      ParallelizationFactor: 1,
      BisectBatchOnFunctionError: true,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      MaximumRetryAttempts: NOTIFY.retryAttempts,
      MaximumRecordAgeInSeconds: 86_400,
      DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': [queueId, 'Arn'] } } },
    });
    expect(NOTIFY.retryAttempts).toBeGreaterThanOrEqual(3);
    expect(queue.Properties).toMatchObject({ SqsManagedSseEnabled: true, MessageRetentionPeriod: 14 * 24 * 3600 });
  });

  it('filters the records before any invocation: inserted events that may notify someone, only', () => {
    const patterns = (mapping()[1].Properties.FilterCriteria.Filters as Array<{ Pattern: string }>).map((filter) => JSON.parse(filter.Pattern));
    expect(patterns).toEqual(JSON.parse(JSON.stringify(NOTIFY.filters)));
    for (const pattern of patterns) expect(pattern.eventName).toEqual(['INSERT']);
    expect(patterns[0].dynamodb.NewImage.action.S).toEqual(expect.arrayContaining(['deliverable.received', 'deliverables.frozen', 'results.released', 'committee.rejected', 'session.annulled']));
  });

  it('the Notify function runs the wiring table handler with the notifications address, its table and audit bindings', () => {
    const [, fn] = notifyFunction();
    expect(NOTIFY.handler).toBe('functions/events/notify.handler.ts');
    expect(fn.Properties.Environment.Variables).toMatchObject({
      NOTIFICATIONS_FROM: 'notifications@certiflow.example',
      TABLE_NAME: { 'Fn::ImportValue': 'CertiflowStateful-TableName' },
      AUDIT_TABLE_NAME: { 'Fn::ImportValue': 'CertiflowStateful-AuditTableName' },
    });
    expect(fn.Properties.Environment.Variables.CERTIFLOW_OUTBOX_DIR).toBeUndefined();
    expect(fn.Properties.Timeout).toBe(NOTIFY.sizing!.timeoutSeconds);
  });

  it('the notify role can ses:SendEmail on the one identity, from the one address, read the one stream, and nothing broad', () => {
    const [, fn] = notifyFunction();
    const statements = roleStatements(stateless, fn);
    const grants = (action: string) => statements.filter((s) => [s.Action].flat().includes(action));
    expect(grants('ses:SendEmail')).toEqual([
      { Effect: 'Allow', Action: 'ses:SendEmail', Resource: identityArn('certiflow.example'), Condition: { StringEquals: { 'ses:FromAddress': 'notifications@certiflow.example' } } },
    ]);
    expect(statements.flatMap((s) => [s.Action].flat()).filter((action) => action.startsWith('ses:'))).toEqual(['ses:SendEmail']);
    expect(grants('dynamodb:GetRecords').map((s) => s.Resource)).toEqual([STREAM_ARN]);
    expect([...new Set(grants('dynamodb:GetRecords').flatMap((s) => [s.Action].flat()))].sort()).toEqual(['dynamodb:DescribeStream', 'dynamodb:GetRecords', 'dynamodb:GetShardIterator']);
    expect(grants('dynamodb:ListStreams')).toEqual([]);
    expect(grants('sqs:SendMessage').map((s) => s.Resource)).toEqual([{ 'Fn::GetAtt': [resources(stateless, 'AWS::SQS::Queue').find(([id]) => id.startsWith('StreamEventsNotifyDeadLetterQueue'))![0], 'Arn'] }]);
    for (const statement of statements) {
      const actions = [statement.Action].flat();
      for (const action of actions) expect(action, 'no service-wide action').not.toMatch(/:\*$|^\*$/);
      if (JSON.stringify(statement.Resource).includes('"*"') || statement.Resource === '*') expect(actions.every((action) => action.startsWith('xray:')), JSON.stringify(statement)).toBe(true);
    }
    expect(grants('dynamodb:DeleteTable')).toEqual([]);
  });

  it('the mapping is created once the role can read the stream', () => {
    const [, esm] = mapping();
    const [, fn] = notifyFunction();
    const roleId = (fn.Properties.Role as { 'Fn::GetAtt': string[] })['Fn::GetAtt'][0]!;
    const policyIds = resources(stateless, 'AWS::IAM::Policy').filter(([, policy]) => (policy.Properties.Roles as Array<{ Ref: string }>).some((role) => role.Ref === roleId)).map(([id]) => id);
    expect(esm.DependsOn).toEqual(expect.arrayContaining([roleId, ...policyIds]));
  });

  it('no other function may send e-mail, in the stateless stack or its nested stacks', () => {
    const [notifyId] = notifyFunction();
    const functions = resourcesIn<Resource>(statelessAll, 'AWS::Lambda::Function');
    expect(functions.length).toBeGreaterThan(60);
    for (const { template, id, resource: fn } of functions) {
      if ((template === stateless && id === notifyId) || !fn.Properties.Role?.['Fn::GetAtt']) continue;
      const actions = roleStatements(template, fn).flatMap((s) => [s.Action].flat());
      expect(actions.filter((action) => action.startsWith('ses:')), String(fn.Properties.Description)).toEqual([]);
      expect(fn.Properties.Environment?.Variables?.NOTIFICATIONS_FROM, String(fn.Properties.Description)).toBeUndefined();
    }
  });

  it('a deployment names its own sender: the identity is the address domain unless the address itself, or a parent domain, is the identity', () => {
    const own = Template.fromStack(buildCertiflow({}, { [NOTIFICATIONS_FROM_CONTEXT]: 'certification@ecole-ia.fr' }).stateless);
    const [, fn] = notifyFunction(own);
    expect(fn.Properties.Environment.Variables.NOTIFICATIONS_FROM).toBe('certification@ecole-ia.fr');
    expect(roleStatements(own, fn).find((s) => s.Action === 'ses:SendEmail')!.Resource).toEqual(identityArn('ecole-ia.fr'));
    const address = Template.fromStack(buildCertiflow({}, { [NOTIFICATIONS_FROM_CONTEXT]: 'certification@ecole-ia.fr', [NOTIFICATIONS_IDENTITY_CONTEXT]: 'certification@ecole-ia.fr' }).stateless);
    expect(roleStatements(address, notifyFunction(address)[1]).find((s) => s.Action === 'ses:SendEmail')!.Resource).toEqual(identityArn('certification@ecole-ia.fr'));
    expect(() => buildCertiflow({}, { [NOTIFICATIONS_FROM_CONTEXT]: 'Certiflow <x@ecole-ia.fr>' })).toThrow(/must be an e-mail address/);
    expect(() => buildCertiflow({}, { [NOTIFICATIONS_IDENTITY_CONTEXT]: 'other.org' })).toThrow(/must be notifications@certiflow.example, its domain or a parent domain/);
  });
});
