import { randomUUID } from 'node:crypto';
import { uuidFrom } from '../use-cases/ids';

/** What makes two requests "the same": who, which resource (method and actual path), which key; and the body they carried. */
export interface IdempotencyScope {
  callerId: string;
  /** `POST /sessions/<id>/close-planning`: the path as called, so that one key on two sessions is two requests. */
  target: string;
  key: string;
  payload: string;
}

/**
 * The id of what a request creates: derived from the idempotency scope when there is one, so
 * that even a retry that outlives its idempotency record cannot create a second entity.
 */
export function idFor(scope: Omit<IdempotencyScope, 'payload'> | undefined): string {
  if (!scope) return randomUUID();
  return uuidFrom(`${scope.callerId}|${scope.target}|${scope.key}`);
}
