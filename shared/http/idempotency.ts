import { IdempotencyConfig, makeIdempotent } from '@aws-lambda-powertools/idempotency';
import { DynamoDBPersistenceLayer } from '@aws-lambda-powertools/idempotency/dynamodb';
import type { Context } from 'aws-lambda';
import { dynamoDb } from '../adapters/aws/dynamodb-client';
import { config } from '../config/env';
import { Conflict, DomainError } from '../domain/errors';
import type { IdempotencyScope } from './idempotency-scope';

/** How long a retried request returns the first result: 24 hours. */
export const IDEMPOTENCY_WINDOW_SECONDS = 24 * 3600;

/** The key was used before with a different request (HTTP 422, as the Idempotency-Key draft says). */
export class IdempotencyKeyReused extends DomainError {
  readonly kind = 'rule' as const;
}

/** The idempotency records' partition of a caller: one per caller, so that no partition takes a nation's keyed requests. */
export function idempotencyPartition(callerId: string): string {
  return `IDEMPOTENCY#${callerId}`;
}

/** How many callers' stores a warm function keeps; past it, they are built again as needed. */
const MAX_CACHED_STORES = 500;
const stores = new Map<string, DynamoDBPersistenceLayer>();

function storeOf(callerId: string): DynamoDBPersistenceLayer {
  let store = stores.get(callerId);
  if (!store) {
    if (stores.size >= MAX_CACHED_STORES) stores.clear();
    store = new DynamoDBPersistenceLayer({
      tableName: config.tableName(),
      keyAttr: 'PK',
      sortKeyAttr: 'SK',
      staticPkValue: idempotencyPartition(callerId),
      expiryAttr: 'expiresAt',
      awsSdkV3Client: dynamoDb(),
    });
    stores.set(callerId, store);
  }
  return store;
}

/**
 * Runs a write at most once per (caller, method and path, Idempotency-Key) within 24 hours, with
 * Powertools Idempotency on the table: a retry gets the first result without writing again,
 * a concurrent duplicate a 409, the same key with another body a 422.
 */
export async function runOnce<T>(scope: IdempotencyScope, context: Context, run: () => Promise<T>): Promise<T> {
  const idempotencyConfig = new IdempotencyConfig({
    eventKeyJmesPath: 'key',
    payloadValidationJmesPath: 'payload',
    expiresAfterSeconds: IDEMPOTENCY_WINDOW_SECONDS,
  });
  idempotencyConfig.registerLambdaContext(context);
  const once = makeIdempotent(async (_request: { key: string; payload: string }) => run(), {
    persistenceStore: storeOf(scope.callerId),
    config: idempotencyConfig,
  });
  try {
    return (await once({ key: `${scope.callerId}|${scope.target}|${scope.key}`, payload: scope.payload })) as T;
  } catch (error) {
    const name = (error as Error).name;
    if (name === 'IdempotencyAlreadyInProgressError') {
      throw new Conflict({
        en: 'a request with this Idempotency-Key is still being processed; retry it in a moment',
        fr: 'une requête portant cette Idempotency-Key est encore en cours de traitement ; réessayez dans un instant',
      });
    }
    if (name === 'IdempotencyValidationError') {
      throw new IdempotencyKeyReused({
        en: 'this Idempotency-Key was already used with a different request body; use a new key for a new request',
        fr: 'cette Idempotency-Key a déjà servi pour une requête au contenu différent ; utilisez une nouvelle clé pour une nouvelle requête',
      });
    }
    throw error;
  }
}
