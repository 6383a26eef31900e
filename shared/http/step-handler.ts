import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { Context } from 'aws-lambda';
import type * as z from 'zod';
import { logger } from '../observability/logger';
import { parsePart } from './request-parsing';

/**
 * Wraps a state machine task: validates its payload and runs it. Errors are thrown, never
 * turned into values, so the state machine's Retry and Catch see their names.
 */
export function stepHandler<S extends z.ZodType, R>(schema: S, run: (payload: z.output<S>) => Promise<R>) {
  const handle = async (event: unknown): Promise<R> => {
    const payload = parsePart(schema, event, 'payload');
    logger.info('step started', { payload: { ...(payload as object), taskToken: undefined } });
    return run(payload);
  };
  return middy<unknown, R, Error, Context>(handle).use(injectLambdaContext(logger, { resetKeys: true }));
}
