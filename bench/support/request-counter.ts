/**
 * Counts DynamoDB requests on the local runtime, attributed to the function that made them:
 * a middleware on the shared client records each command, and every local Lambda invocation
 * runs in an AsyncLocalStorage scope named after its function (a route's is `api`, a state
 * machine task's its name, with the human step it waits for). Shared by the benchmarks.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { LambdaHost } from '../../local/lambda-host';
import { dynamoDb } from '../../shared/adapters/aws/dynamodb-client';
import { BUCKET_EVENTS } from '../../shared/wiring/bucket-events';
import { bucketEventFunction, routeFunction, taskFunction } from '../../shared/wiring/functions';
import { ROUTES } from '../../shared/wiring/routes';
import { STATE_MACHINES } from '../../shared/wiring/state-machines';

/** One DynamoDB command seen by the middleware. */
export interface Request {
  op: string;
  /** `api`, or the workflow step (state) that made it. */
  origin: string;
  attempts: number;
  done: boolean;
}

/** The DynamoDB operations, in the order the table shows them. */
export const OPERATIONS = ['GetItem', 'Query', 'BatchGetItem', 'TransactWriteItems', 'PutItem', 'UpdateItem', 'DeleteItem', 'DescribeTable'] as const;

/** What made a request: `api` for a route's function, else the state machine task or S3 event function. */
const ORIGIN_OF_FUNCTION = new Map<string, string>([
  ...ROUTES.map((route) => [routeFunction(route).name, 'api'] as const),
  ...STATE_MACHINES.flatMap((machine) => machine.tasks.map((task) => [taskFunction(task).name, `${task.substitution.replace(/FunctionArn$/, '')} task`] as const)),
  ...BUCKET_EVENTS.map((subscription) => [bucketEventFunction(subscription).name, `${subscription.id} S3 event`] as const),
]);

const invoker = new AsyncLocalStorage<string>();

/** Runs every local Lambda invocation in a scope that names its origin (a human step's task adds its `step`). */
export function attributeInvocations(): void {
  const invoke = LambdaHost.prototype.invoke;
  LambdaHost.prototype.invoke = function (this: LambdaHost, nameOrArn: string, event: unknown) {
    const name = nameOrArn.includes(':function:') ? nameOrArn.split(':function:')[1]!.split(':')[0]! : nameOrArn;
    const step = event && typeof event === 'object' && typeof (event as { step?: unknown }).step === 'string' ? ` (${(event as { step: string }).step})` : '';
    return invoker.run(`${ORIGIN_OF_FUNCTION.get(name) ?? name}${step}`, () => invoke.call(this, nameOrArn, event));
  };
}

export const requests: Request[] = [];
let inFlight = 0;
let lastActivity = performance.now();

/** Installs the counting middleware on the shared client; call after the runtime set the endpoints. */
export function installCounter(): void {
  dynamoDb().middlewareStack.add(
    (next, context) => async (args) => {
      const request: Request = { op: (context.commandName ?? 'Unknown').replace(/Command$/, ''), origin: invoker.getStore() ?? 'bench', attempts: 0, done: false };
      requests.push(request);
      inFlight++;
      lastActivity = performance.now();
      try {
        const result = await next(args);
        request.attempts = (result.output as { $metadata?: { attempts?: number } }).$metadata?.attempts ?? 1;
        return result;
      } catch (error) {
        request.attempts = (error as { $metadata?: { attempts?: number } }).$metadata?.attempts ?? 1;
        throw error;
      } finally {
        request.done = true;
        inFlight--;
        lastActivity = performance.now();
      }
    },
    { step: 'initialize', name: 'countRequests' },
  );
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Resolves once no DynamoDB request has been in flight for `quietMs`. */
export async function quiescent(quietMs = 250): Promise<void> {
  for (;;) {
    const quietFor = performance.now() - lastActivity;
    if (inFlight === 0 && quietFor >= quietMs) return;
    await sleep(Math.max(10, quietMs - quietFor));
  }
}

