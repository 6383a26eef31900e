import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Context } from 'aws-lambda';

type Handler = (event: unknown, context: Context) => Promise<unknown>;

/** A function the local runtime can invoke: its name and its handler module. */
export interface LocalFunction {
  name: string;
  /** Module path relative to the repository root, exporting `handler`. */
  handler: string;
}

/** The error a local invocation rejects with: `name` is the Lambda error type, as Step Functions sees it. */
export class LambdaInvocationError extends Error {
  constructor(errorType: string, message: string) {
    super(message);
    this.name = errorType;
  }
}

function contextFor(functionName: string, timeoutMs: number): Context {
  const deadline = Date.now() + timeoutMs;
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: functionName,
    memoryLimitInMB: '1024',
    awsRequestId: randomUUID(),
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: 'local',
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}

/**
 * Runs the project's handler modules in this process, as Lambda would: each module loaded
 * once (its cold start), an invocation context, a copy of the event, and thrown errors
 * surfacing with their name as the error type.
 */
export class LambdaHost {
  private readonly functions = new Map<string, LocalFunction>();
  private readonly loaded = new Map<string, Promise<Handler>>();

  constructor(
    private readonly root: string,
    private readonly timeoutMs = 30_000,
  ) {}

  /** Makes a function invocable by its name (or any ARN ending in `:function:<name>`). */
  register(fn: LocalFunction): void {
    this.functions.set(fn.name, fn);
  }

  /** Invokes a function by name or ARN; rejects with a `LambdaInvocationError`. */
  async invoke(nameOrArn: string, event: unknown): Promise<unknown> {
    const name = nameOrArn.includes(':function:') ? nameOrArn.split(':function:')[1]!.split(':')[0]! : nameOrArn;
    const fn = this.functions.get(name);
    if (!fn) throw new LambdaInvocationError('Lambda.ResourceNotFoundException', `Function not found: ${nameOrArn}`);
    const handler = await this.load(fn);
    try {
      return await handler(structuredClone(event), contextFor(name, this.timeoutMs));
    } catch (error) {
      const failure = error instanceof Error ? error : new Error(String(error));
      throw new LambdaInvocationError(failure.name || 'Error', failure.message);
    }
  }

  private load(fn: LocalFunction): Promise<Handler> {
    let handler = this.loaded.get(fn.name);
    if (!handler) {
      handler = import(pathToFileURL(resolve(this.root, fn.handler)).href).then((module: { handler?: Handler }) => {
        if (typeof module.handler !== 'function') throw new Error(`${fn.handler} does not export a handler`);
        return module.handler;
      });
      this.loaded.set(fn.name, handler);
    }
    return handler;
  }
}
