import { wire } from '../../shared/adapters/ports/port';
import { deliverables, sessions } from '../../shared/adapters/ports/dynamodb';
import { pdf } from '../../shared/adapters/ports/pdf-inspector';
import { files } from '../../shared/adapters/ports/deliverable-files';
import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { Context, S3Event } from 'aws-lambda';
import { logger } from '../../shared/observability/logger';
import { receiveDeliverable } from '../../shared/use-cases/deliverables/receive-deliverable';

/** This function's ports. */
const deps = wire({ deliverables, files, pdf, sessions });

/**
 * S3 object-created events on the deliverables bucket: each object version is checked and
 * recorded as a deliverable version. A failure throws, so that Lambda retries the event; duplicates record nothing.
 */
export const handler = middy<S3Event, void, Error, Context>(async (event: S3Event) => {
  for (const record of event.Records) {
    const key = decodeURIComponent(record.s3.object.key.replace(/\+/g, ' '));
    const s3VersionId = record.s3.object.versionId;
    const version = await receiveDeliverable(deps, { key, ...(s3VersionId ? { s3VersionId } : {}), receivedAt: new Date(record.eventTime) });
    if (version) logger.info('deliverable received', { key, s3VersionId, status: version.status, late: version.late, rules: version.violations.map((v) => v.ruleId) });
  }
}).use(injectLambdaContext(logger, { resetKeys: true }));
