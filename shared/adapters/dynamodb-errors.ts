import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';

/**
 * The indexes of the transaction entries whose condition failed; empty when the error is not
 * a condition failure.
 */
export function failedConditions(error: unknown): number[] {
  if (error instanceof TransactionCanceledException) {
    return (error.CancellationReasons ?? []).flatMap((reason, index) => (reason.Code === 'ConditionalCheckFailed' ? [index] : []));
  }
  return error instanceof Error && error.name === 'ConditionalCheckFailedException' ? [0] : [];
}
