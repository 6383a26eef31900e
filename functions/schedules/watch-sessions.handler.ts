import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { Context } from 'aws-lambda';
import { sessions } from '../../shared/adapters/ports/dynamodb';
import { metrics } from '../../shared/adapters/ports/metrics';
import { wire } from '../../shared/adapters/ports/port';
import { workflow } from '../../shared/adapters/ports/workflow';
import type { SessionRiskCounts } from '../../shared/domain';
import { logger } from '../../shared/observability/logger';
import { watchSessions } from '../../shared/use-cases/operations/watch-sessions';

/** This function's ports. */
const deps = wire({ sessions, workflow, metrics });

/** Every hour: counts the open sessions at risk, publishes the counts as business metrics and logs the sessions behind them. */
export const handler = middy<unknown, SessionRiskCounts, Error, Context>(async () => (await watchSessions(deps)).counts).use(
  injectLambdaContext(logger, { resetKeys: true }),
);
