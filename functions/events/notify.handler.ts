import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { Context, DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { jurors, sessions } from '../../shared/adapters/ports/dynamodb';
import { mailer, sentMail } from '../../shared/adapters/ports/mail';
import { wire } from '../../shared/adapters/ports/port';
import { auditEventOf } from '../../shared/adapters/dynamodb-stream-records';
import { logger } from '../../shared/observability/logger';
import { notifyOf } from '../../shared/use-cases/notifications/notify';

/** This function's ports. */
const deps = wire({ jurors, mailer, sentMail, sessions });

/**
 * The audit log's stream: each event added is turned into the e-mails it calls for, sent once per
 * recipient. Records are handled in order; the first that fails is reported (with every later one
 * left to the retry), so the event source mapping retries from it and the messages already sent
 * are not sent again.
 */
export const handler = middy<DynamoDBStreamEvent, DynamoDBBatchResponse, Error, Context>(async (event: DynamoDBStreamEvent) => {
  for (const record of event.Records) {
    try {
      const audit = auditEventOf(record);
      if (audit) await notifyOf(deps, audit);
    } catch (error) {
      const sequenceNumber = record.dynamodb?.SequenceNumber ?? '';
      logger.error('notification failed; the record will be retried', { sequenceNumber, error: (error as Error).message, name: (error as Error).name });
      return { batchItemFailures: [{ itemIdentifier: sequenceNumber }] };
    }
  }
  return { batchItemFailures: [] };
}).use(injectLambdaContext(logger, { resetKeys: true }));
