import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, expect, it } from 'vitest';
import { EXECUTION_EVENTS } from '../../shared/wiring/execution-events';
import { buildCertiflow, roleStatements } from './certiflow-app';

type Resource = { Type: string; Properties: Record<string, any> };

const ARCHIVE = EXECUTION_EVENTS.find((event) => event.id === 'ArchiveExecutionHistory')!;

const SESSION_LIFECYCLE_ARN = {
  'Fn::Join': [
    '',
    ['arn:', { Ref: 'AWS::Partition' }, ':states:', { Ref: 'AWS::Region' }, ':', { Ref: 'AWS::AccountId' }, ':stateMachine:certiflow-session-lifecycle'],
  ],
};

let template: Template;

beforeAll(() => {
  template = Template.fromStack(buildCertiflow().stateless);
});

function only(type: string, props: Record<string, unknown> = {}): [string, Resource] {
  const found = Object.entries(template.findResources(type, { Properties: props }) as Record<string, Resource>);
  expect(found, type).toHaveLength(1);
  return found[0]!;
}

/** The archive subscription's dead-letter queue, by its construct path (the S3 event subscriptions have queues of their own). */
function archiveQueue(): [string, Resource] {
  const found = Object.entries(template.findResources('AWS::SQS::Queue') as Record<string, Resource>).filter(([id]) => id.startsWith('ExecutionEventsArchiveExecutionHistoryDeadLetterQueue'));
  expect(found, 'the archive dead-letter queue').toHaveLength(1);
  return found[0]!;
}

function archiveFunction(): [string, Resource] {
  return only('AWS::Lambda::Function', { Description: Match.stringLikeRegexp('^certiflow-session-lifecycle execution ') });
}


it('Execution history: an EventBridge rule matches exactly the end of session lifecycle executions', () => {
  const [, rule] = only('AWS::Events::Rule');
  expect(rule.Properties.EventPattern).toEqual({
    source: ['aws.states'],
    'detail-type': ['Step Functions Execution Status Change'],
    detail: { stateMachineArn: [SESSION_LIFECYCLE_ARN], status: ['SUCCEEDED', 'FAILED', 'TIMED_OUT', 'ABORTED'] },
  });
  expect(rule.Properties.State).toBe('ENABLED');
  expect(rule.Properties.EventBusName).toBeUndefined();
});

it('Execution history: the rule targets the archive function, retrying 8 times within 24 hours, with a dead-letter queue', () => {
  const [functionId] = archiveFunction();
  const [queueId] = archiveQueue();
  const [ruleId, rule] = only('AWS::Events::Rule');
  expect(rule.Properties.Targets).toEqual([
    {
      Id: expect.any(String),
      Arn: { 'Fn::GetAtt': [functionId, 'Arn'] },
      RetryPolicy: { MaximumRetryAttempts: 8, MaximumEventAgeInSeconds: 86_400 },
      DeadLetterConfig: { Arn: { 'Fn::GetAtt': [queueId, 'Arn'] } },
    },
  ]);
  template.hasResourceProperties('AWS::Lambda::Permission', {
    Action: 'lambda:InvokeFunction',
    FunctionName: { 'Fn::GetAtt': [functionId, 'Arn'] },
    Principal: 'events.amazonaws.com',
    SourceArn: { 'Fn::GetAtt': [ruleId, 'Arn'] },
  });
});

it('Execution history: events the archive function failed on go to the same dead-letter queue', () => {
  const [functionId] = archiveFunction();
  const [queueId] = archiveQueue();
  template.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
    FunctionName: { Ref: functionId },
    DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': [queueId, 'Arn'] } } },
  });
});

it('Execution history: the dead-letter queue is encrypted, reachable over TLS only, writable by the rule alone', () => {
  const [queueId, queue] = archiveQueue();
  const [ruleId] = only('AWS::Events::Rule');
  expect(queue.Properties.SqsManagedSseEnabled).toBe(true);
  expect(queue.Properties.MessageRetentionPeriod).toBe(14 * 24 * 3600);
  template.hasResourceProperties('AWS::SQS::QueuePolicy', {
    Queues: [{ Ref: queueId }],
    PolicyDocument: {
      Statement: Match.arrayWith([
        Match.objectLike({ Effect: 'Deny', Action: 'sqs:*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        Match.objectLike({
          Effect: 'Allow',
          Action: 'sqs:SendMessage',
          Principal: { Service: 'events.amazonaws.com' },
          Condition: { ArnEquals: { 'aws:SourceArn': { 'Fn::GetAtt': [ruleId, 'Arn'] } } },
        }),
      ]),
    },
  });
});

it('Execution history: the archive function runs the wiring table handler, may write records and read execution histories', () => {
  const [, fn] = archiveFunction();
  expect(ARCHIVE.handler).toBe('functions/events/archive-execution-history.handler.ts');
  expect(fn.Properties.Environment.Variables).toMatchObject({
    TABLE_NAME: { 'Fn::ImportValue': 'CertiflowStateful-TableName' },
    AUDIT_TABLE_NAME: { 'Fn::ImportValue': 'CertiflowStateful-AuditTableName' },
    RECORDS_BUCKET_NAME: { 'Fn::ImportValue': 'CertiflowStateful-RecordsBucketName' },
    SESSION_STATE_MACHINE_ARN: SESSION_LIFECYCLE_ARN,
  });
  expect(fn.Properties.Environment.Variables.DELIVERABLES_BUCKET_NAME).toBeUndefined();

  const statements = roleStatements(template, fn);
  const grants = (action: string) => statements.filter((statement) => [statement.Action].flat().includes(action)).map((statement) => statement.Resource);
  expect(grants('s3:PutObject')).toEqual([{ 'Fn::Join': ['', [{ 'Fn::ImportValue': 'CertiflowStateful-RecordsBucketArn' }, '/*']] }]);
  expect(grants('states:GetExecutionHistory')).toEqual([
    {
      'Fn::Join': [
        '',
        ['arn:', { Ref: 'AWS::Partition' }, ':states:', { Ref: 'AWS::Region' }, ':', { Ref: 'AWS::AccountId' }, ':execution:certiflow-session-lifecycle:*'],
      ],
    },
  ]);
  expect(grants('states:StartExecution')).toEqual([]);
  expect(grants('s3:DeleteObject')).toEqual([]);
});
