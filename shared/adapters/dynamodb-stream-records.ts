import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import type { AuditEvent } from '../use-cases/audit';
import { recordOf } from './dynamodb-keys';

/** The audit event a record of the audit log's stream adds, if it adds one (an insert of an `AuditEvent` item). */
export function auditEventOf(record: DynamoDBRecord): AuditEvent | undefined {
  const image = record.dynamodb?.NewImage;
  if (record.eventName !== 'INSERT' || !image) return undefined;
  const item = unmarshall(image as Record<string, AttributeValue>);
  if (item.entity !== 'AuditEvent') return undefined;
  return recordOf<AuditEvent>(item);
}
