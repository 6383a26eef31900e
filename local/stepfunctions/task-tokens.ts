import { randomUUID } from 'node:crypto';
import { SfnApiError } from './errors';

/** What a callback task waiting for its token accepts. */
export interface PendingTask {
  executionArn: string;
  stateName: string;
  succeed(output: unknown): void;
  fail(error: string, cause: string): void;
  heartbeat(): void;
}

interface TokenClaims {
  executionArn: string;
  stateName: string;
}

/** Issues opaque task tokens and routes SendTask* calls to the task that waits for each. */
export class TaskTokens {
  private readonly pending = new Map<string, PendingTask>();

  /** A fresh token naming the execution and the state (unique per call). */
  issue(executionArn: string, stateName: string): string {
    const claims = { e: executionArn, s: stateName, n: randomUUID() };
    return `L1${Buffer.from(JSON.stringify(claims)).toString('base64url')}`;
  }

  /** Makes `token` answerable until {@link release}. */
  register(token: string, task: PendingTask): void {
    this.pending.set(token, task);
  }

  release(token: string): void {
    this.pending.delete(token);
  }

  /**
   * The task waiting for `token`. Throws InvalidToken for a malformed token, TaskDoesNotExist when
   * its execution is unknown, TaskTimedOut when its task is no longer waiting (as AWS does).
   */
  resolve(token: unknown, executionExists: (executionArn: string) => boolean): PendingTask {
    const claims = parseToken(token);
    const task = this.pending.get(token as string);
    if (task) return task;
    if (!executionExists(claims.executionArn)) {
      throw new SfnApiError('TaskDoesNotExist', 'Task does not exist');
    }
    throw new SfnApiError('TaskTimedOut', "Task Timed Out: 'Provided task does not exist anymore'");
  }
}

function parseToken(token: unknown): TokenClaims {
  const invalid = new SfnApiError('InvalidToken', "Invalid Token: 'Invalid token'");
  if (typeof token !== 'string' || !token.startsWith('L1')) throw invalid;
  try {
    const claims = JSON.parse(Buffer.from(token.slice(2), 'base64url').toString('utf8')) as Record<string, unknown>;
    if (typeof claims['e'] !== 'string' || typeof claims['s'] !== 'string') throw invalid;
    return { executionArn: claims['e'], stateName: claims['s'] };
  } catch {
    throw invalid;
  }
}
