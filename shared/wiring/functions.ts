import type { Bindings } from './bindings';
import { BUCKET_EVENTS } from './bucket-events';
import { EXECUTION_EVENTS } from './execution-events';
import { ROUTES } from './routes';
import { STATE_MACHINES } from './state-machines';

/** A Lambda function of Certiflow, whatever triggers it. */
export interface FunctionDefinition {
  /** PascalCase logical id, unique across the application. */
  id: string;
  /** kebab-case name, used locally as the function name. */
  name: string;
  handler: string;
  bindings: Bindings;
}

function kebab(id: string): string {
  return id.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
}

function define(id: string, handler: string, bindings: Bindings): FunctionDefinition {
  return { id, name: `certiflow-${kebab(id)}`, handler, bindings };
}

/** The function of an API route. */
export function routeFunction(route: (typeof ROUTES)[number]): FunctionDefinition {
  return define(`${route.id}Api`, route.handler, route.bindings);
}

/** The function behind a state machine task's substitution key (`OpenPlanningFunctionArn` → `OpenPlanningStep`). */
export function taskFunction(task: (typeof STATE_MACHINES)[number]['tasks'][number]): FunctionDefinition {
  return define(`${task.substitution.replace(/FunctionArn$/, '')}Step`, task.handler, task.bindings);
}

/** The function of an S3 event subscription. */
export function bucketEventFunction(subscription: (typeof BUCKET_EVENTS)[number]): FunctionDefinition {
  return define(`${subscription.id}Event`, subscription.handler, subscription.bindings);
}

/** The function of an execution status change subscription. */
export function executionEventFunction(subscription: (typeof EXECUTION_EVENTS)[number]): FunctionDefinition {
  return define(`${subscription.id}Event`, subscription.handler, subscription.bindings);
}

/** Every function, from the four wiring tables. */
export function allFunctions(): FunctionDefinition[] {
  return [
    ...ROUTES.map(routeFunction),
    ...STATE_MACHINES.flatMap((machine) => machine.tasks.map(taskFunction)),
    ...BUCKET_EVENTS.map(bucketEventFunction),
    ...EXECUTION_EVENTS.map(executionEventFunction),
  ];
}
