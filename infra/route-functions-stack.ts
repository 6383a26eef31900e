import { NestedStack, type NestedStackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { type RouteDefinition, routeKey } from '../shared/wiring/routes';
import type { BindingResources } from './constructs/binding-resources';
import { CertiflowFunction, sized } from './constructs/certiflow-function';

/** Properties of a route functions stack. */
export interface RouteFunctionsStackProps extends NestedStackProps {
  readonly routes: readonly RouteDefinition[];
  readonly resources: BindingResources;
}

/**
 * The functions of one area of the HTTP API, each with its role, policy and log group, in a
 * nested stack of the stateless one: the API's routes are most of its resources, and
 * CloudFormation allows 500 per stack. The routes, their integrations and the authorizer stay
 * with the API in the parent stack; each function's invoke permission is added here, beside it,
 * when its route is bound (see `CertiflowHttpApi`).
 */
export class RouteFunctionsStack extends NestedStack {
  /** The functions, by route id. */
  readonly functions: Record<string, CertiflowFunction> = {};

  constructor(scope: Construct, id: string, props: RouteFunctionsStackProps) {
    super(scope, id, props);
    for (const route of props.routes) {
      this.functions[route.id] = new CertiflowFunction(this, `${route.id}Function`, {
        handler: route.handler,
        description: routeKey(route),
        ...sized(route.sizing),
      }).applyBindings(route.bindings, props.resources);
    }
  }
}
