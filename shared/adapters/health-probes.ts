import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { HeadBucketCommand } from '@aws-sdk/client-s3';
import { DescribeStateMachineCommand } from '@aws-sdk/client-sfn';
import { config } from '../config/env';
import type { HealthProbe } from '../use-cases/health/check-health';
import { dynamoDb } from './aws/dynamodb-client';
import { s3 } from './aws/s3-client';
import { stepFunctions } from './aws/sfn-client';

/** Probes for the table, both buckets and the session state machine. */
export function healthProbes(): HealthProbe[] {
  return [
    { name: 'table', check: async () => void (await dynamoDb().send(new DescribeTableCommand({ TableName: config.tableName() }))) },
    { name: 'deliverablesBucket', check: async () => void (await s3().send(new HeadBucketCommand({ Bucket: config.deliverablesBucketName() }))) },
    { name: 'recordsBucket', check: async () => void (await s3().send(new HeadBucketCommand({ Bucket: config.recordsBucketName() }))) },
    {
      name: 'sessionStateMachine',
      check: async () => void (await stepFunctions().send(new DescribeStateMachineCommand({ stateMachineArn: config.sessionStateMachineArn() }))),
    },
  ];
}
