import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { RECORDS_LOCK_MODE_CONTEXT } from '../../infra/certiflow-app';
import { buildCertiflow } from './certiflow-app';

let template: Template;

beforeAll(() => {
  template = Template.fromStack(buildCertiflow().stateful);
});

function bucketIds(): string[] {
  return Object.keys(template.findResources('AWS::S3::Bucket'));
}

function bucketId(constructId: string): string {
  const id = bucketIds().find((logicalId) => logicalId.startsWith(constructId));
  if (!id) throw new Error(`no bucket ${constructId}`);
  return id;
}

describe('the data table', () => {
  it('is a single table keyed PK/SK with GSI1 and GSI2, on demand; the audit log is a table of its own', () => {
    template.resourceCountIs('AWS::DynamoDB::Table', 2);
    template.hasResourceProperties('AWS::DynamoDB::Table', {
      KeySchema: [
        { AttributeName: 'PK', KeyType: 'HASH' },
        { AttributeName: 'SK', KeyType: 'RANGE' },
      ],
      BillingMode: 'PAY_PER_REQUEST',
      GlobalSecondaryIndexes: [
        Match.objectLike({ IndexName: 'GSI1', KeySchema: [{ AttributeName: 'GSI1PK', KeyType: 'HASH' }, { AttributeName: 'GSI1SK', KeyType: 'RANGE' }] }),
        Match.objectLike({ IndexName: 'GSI2', KeySchema: [{ AttributeName: 'GSI2PK', KeyType: 'HASH' }, { AttributeName: 'GSI2SK', KeyType: 'RANGE' }] }),
      ],
    });
  });

  it('has point-in-time recovery, deletion protection, KMS encryption and the expiresAt TTL', () => {
    template.hasResourceProperties('AWS::DynamoDB::Table', {
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      DeletionProtectionEnabled: true,
      SSESpecification: { SSEEnabled: true },
      TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
    });
  });

  it('is retained when the stack is deleted', () => {
    template.hasResource('AWS::DynamoDB::Table', { DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' });
  });
});

describe('every bucket', () => {
  it('blocks public access, is encrypted and is retained', () => {
    const buckets = template.findResources('AWS::S3::Bucket');
    expect(Object.keys(buckets)).toHaveLength(3);
    for (const bucket of Object.values(buckets)) {
      expect(bucket.DeletionPolicy).toBe('Retain');
      expect(bucket.Properties.PublicAccessBlockConfiguration).toEqual({
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      });
      expect(bucket.Properties.BucketEncryption.ServerSideEncryptionConfiguration).toEqual([
        { ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } },
      ]);
    }
  });

  it('denies requests that do not use TLS', () => {
    for (const logicalId of bucketIds()) {
      template.hasResourceProperties('AWS::S3::BucketPolicy', {
        Bucket: { Ref: logicalId },
        PolicyDocument: {
          Statement: Match.arrayWith([
            Match.objectLike({ Effect: 'Deny', Action: 's3:*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
          ]),
        },
      });
    }
  });
});

describe('the deliverables bucket', () => {
  it('is versioned, logs its accesses and allows browser uploads to presigned URLs (DELIV-7)', () => {
    const bucket = template.toJSON().Resources[bucketId('DeliverablesBucket')];
    expect(bucket.Properties.VersioningConfiguration).toEqual({ Status: 'Enabled' });
    expect(bucket.Properties.LoggingConfiguration.DestinationBucketName).toEqual({ Ref: bucketId('AccessLogsBucket') });
    const [rule] = bucket.Properties.CorsConfiguration.CorsRules;
    expect(rule.AllowedMethods).toEqual(expect.arrayContaining(['POST', 'PUT']));
  });
});

describe('the records bucket', () => {
  it('is versioned with Object Lock in COMPLIANCE mode for 100 years (PV-7)', () => {
    const bucket = template.toJSON().Resources[bucketId('RecordsBucket')];
    expect(bucket.Properties.VersioningConfiguration).toEqual({ Status: 'Enabled' });
    expect(bucket.Properties.ObjectLockEnabled).toBe(true);
    expect(bucket.Properties.ObjectLockConfiguration).toEqual({
      ObjectLockEnabled: 'Enabled',
      Rule: { DefaultRetention: { Mode: 'COMPLIANCE', Days: 36_500 } },
    });
  });

  it('uses GOVERNANCE mode when a sandbox deployment asks for it', () => {
    const sandbox = Template.fromStack(buildCertiflow({}, { [RECORDS_LOCK_MODE_CONTEXT]: 'GOVERNANCE' }).stateful);
    sandbox.hasResourceProperties('AWS::S3::Bucket', {
      ObjectLockConfiguration: { Rule: { DefaultRetention: { Mode: 'GOVERNANCE' } } },
    });
  });
});

describe('outputs', () => {
  it('export the table and bucket names and ARNs under fixed names', () => {
    for (const name of ['TableName', 'TableArn', 'DeliverablesBucketName', 'DeliverablesBucketArn', 'RecordsBucketName', 'RecordsBucketArn']) {
      template.hasOutput(name, { Export: { Name: `CertiflowStateful-${name}` } });
    }
  });
});
