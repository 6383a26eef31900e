import type { Bindings } from './bindings';
import { BUCKET_EVENTS } from './bucket-events';
import { EXECUTION_EVENTS } from './execution-events';
import { ROUTES } from './routes';
import { SCHEDULES } from './schedules';
import { STATE_MACHINES } from './state-machines';
import { STREAM_EVENTS } from './stream-events';

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

/** The function of a table stream subscription. */
export function streamEventFunction(subscription: (typeof STREAM_EVENTS)[number]): FunctionDefinition {
  return define(`${subscription.id}Stream`, subscription.handler, subscription.bindings);
}

/** The function of a scheduled run. */
export function scheduleFunction(schedule: (typeof SCHEDULES)[number]): FunctionDefinition {
  return define(`${schedule.id}Schedule`, schedule.handler, schedule.bindings);
}

/** Every function, from every wiring table. */
export function allFunctions(): FunctionDefinition[] {
  return [
    ...ROUTES.map(routeFunction),
    ...STATE_MACHINES.flatMap((machine) => machine.tasks.map(taskFunction)),
    ...BUCKET_EVENTS.map(bucketEventFunction),
    ...EXECUTION_EVENTS.map(executionEventFunction),
    ...STREAM_EVENTS.map(streamEventFunction),
    ...SCHEDULES.map(scheduleFunction),
  ];
}
