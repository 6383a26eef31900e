import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { Context, S3Event } from 'aws-lambda';
import { deps } from '../../shared/adapters/dependencies';
import { logger } from '../../shared/observability/logger';
import { receiveDeliverable } from '../../shared/use-cases/deliverables/receive-deliverable';

/**
 * S3 object-created events on the deliverables bucket: each upload is checked and recorded as a
 * version. A failure throws, so that Lambda retries the event; duplicates record nothing.
 */
export const handler = middy<S3Event, void, Error, Context>(async (event: S3Event) => {
  for (const record of event.Records) {
    const key = decodeURIComponent(record.s3.object.key.replace(/\+/g, ' '));
    const version = await receiveDeliverable(deps, { key, receivedAt: new Date(record.eventTime) });
    if (version) logger.info('deliverable received', { key, status: version.status, late: version.late, rules: version.violations.map((v) => v.ruleId) });
  }
}).use(injectLambdaContext(logger, { resetKeys: true }));
