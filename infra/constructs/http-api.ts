import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import {
  type CfnStage,
  CorsHttpMethod,
  HttpApi,
  HttpMethod,
  HttpNoneAuthorizer,
  type HttpRouteIntegrationBindOptions,
  type HttpStage,
  LogGroupLogDestination,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpUserPoolAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { IUserPool, IUserPoolClient } from 'aws-cdk-lib/aws-cognito';
import { ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { CORS } from '../../shared/wiring/cors';
import { type RouteDefinition, routeKey } from '../../shared/wiring/routes';
import { RouteFunctionsStack } from '../route-functions-stack';
import type { BindingResources } from './binding-resources';
import type { CertiflowFunction } from './certiflow-function';
import { acknowledge } from './nag';
import { ROUTE_AREAS, type RouteArea, routeArea } from './route-areas';

/** Properties of the Certiflow HTTP API. */
export interface CertiflowHttpApiProps {
  readonly routes: readonly RouteDefinition[];
  readonly userPool: IUserPool;
  readonly userPoolClient: IUserPoolClient;
  readonly resources: BindingResources;
  /** Browser origins allowed by CORS. */
  readonly allowedOrigins: readonly string[];
}

const ACCESS_LOG_FORMAT = AccessLogFormat.custom(
  JSON.stringify({
    requestId: '$context.requestId',
    requestTime: '$context.requestTime',
    ip: '$context.identity.sourceIp',
    routeKey: '$context.routeKey',
    status: '$context.status',
    protocol: '$context.protocol',
    responseLength: '$context.responseLength',
    latency: '$context.responseLatency',
    sub: '$context.authorizer.claims.sub',
    authorizerError: '$context.authorizer.error',
    integrationError: '$context.integrationErrorMessage',
  }),
);

/** CloudFormation's per-route settings of a stage, by route key. */
export type RouteThrottleSettings = Record<string, { ThrottlingRateLimit: number; ThrottlingBurstLimit: number }>;

/** The stage's `RouteSettings` for the routes with a `throttle`, by route key (`GET /verify/{code}`). */
export function routeThrottleSettings(routes: readonly RouteDefinition[]): RouteThrottleSettings {
  const settings: RouteThrottleSettings = {};
  for (const route of routes) {
    if (!route.throttle) continue;
    settings[routeKey(route)] = { ThrottlingRateLimit: route.throttle.ratePerSecond, ThrottlingBurstLimit: route.throttle.burst };
  }
  return settings;
}

/**
 * A Lambda proxy integration whose invoke permission is added beside the function, in the
 * function's own stack (a nested one), rather than beside the route: the parent stack keeps
 * only the route and its integration. The permission names the route's path, as
 * `HttpLambdaIntegration`'s does.
 */
class RouteFunctionIntegration extends HttpLambdaIntegration {
  constructor(
    private readonly integrationId: string,
    private readonly fn: IFunction,
  ) {
    super(integrationId, fn);
  }

  protected override completeBind(options: HttpRouteIntegrationBindOptions): void {
    const { route } = options;
    this.fn.addPermission(`${this.integrationId}Permission`, {
      principal: new ServicePrincipal('apigateway.amazonaws.com'),
      sourceArn: Stack.of(this.fn).formatArn({ service: 'execute-api', resource: route.httpApi.apiId, resourceName: `*/*${route.path ?? ''}` }),
    });
  }
}

/**
 * The HTTP API, built from the route table: one function per route, the Cognito JWT authorizer
 * on every route that is not public, access logs and throttling on the `$default` stage, and
 * a route's own `throttle` as that stage's route settings. The functions are deployed in one
 * nested stack per area of the API (`routeArea`); the API, its stage, authorizer, routes and
 * integrations stay in this construct's stack.
 * Role checks (`cognito:groups` against the route's roles) happen in the handlers, on the web
 * client's ID token (see `CertiflowUserPool`).
 */
export class CertiflowHttpApi extends Construct {
  readonly api: HttpApi;
  readonly stage: HttpStage;
  readonly functions: Record<string, CertiflowFunction> = {};
  /** The nested stacks of route functions, by area; an area without routes has none. */
  readonly routeStacks: Partial<Record<RouteArea, RouteFunctionsStack>> = {};

  constructor(scope: Construct, id: string, props: CertiflowHttpApiProps) {
    super(scope, id);
    const authorizer = new HttpUserPoolAuthorizer('CognitoAuthorizer', props.userPool, {
      userPoolClients: [props.userPoolClient],
      identitySource: ['$request.header.Authorization'],
    });
    this.api = new HttpApi(this, 'Api', {
      apiName: 'certiflow',
      createDefaultStage: false,
      defaultAuthorizer: authorizer,
      corsPreflight: {
        allowOrigins: [...props.allowedOrigins],
        allowMethods: CORS.allowMethods.map((method) => CorsHttpMethod[method]),
        allowHeaders: [...CORS.allowHeaders],
        exposeHeaders: [...CORS.exposeHeaders],
        maxAge: Duration.seconds(CORS.maxAgeSeconds),
      },
    });
    const accessLogs = new LogGroup(this, 'AccessLogs', {
      retention: RetentionDays.THREE_MONTHS,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    this.stage = this.api.addStage('DefaultStage', {
      stageName: '$default',
      autoDeploy: true,
      throttle: { rateLimit: 50, burstLimit: 100 },
      accessLogSettings: { destination: new LogGroupLogDestination(accessLogs), format: ACCESS_LOG_FORMAT },
    });

    const stageResource = this.stage.node.defaultChild as CfnStage;
    const throttled = routeThrottleSettings(props.routes);
    if (Object.keys(throttled).length > 0) stageResource.routeSettings = throttled;

    for (const area of ROUTE_AREAS) {
      const routes = props.routes.filter((route) => routeArea(route) === area);
      if (routes.length === 0) continue;
      const stack = new RouteFunctionsStack(this, `${area}Routes`, {
        description: `Certiflow HTTP API, ${area} area: the route functions`,
        routes,
        resources: props.resources,
      });
      this.routeStacks[area] = stack;
      Object.assign(this.functions, stack.functions);
    }

    for (const route of props.routes) {
      const fn = this.functions[route.id]!;
      const [httpRoute] = this.api.addRoutes({
        path: route.path,
        methods: [HttpMethod[route.method]],
        integration: new RouteFunctionIntegration(`${route.id}Integration`, fn),
        authorizer: route.roles === 'public' ? new HttpNoneAuthorizer() : authorizer,
      });
      // API Gateway refuses route settings that name a route not created yet.
      if (route.throttle && httpRoute) stageResource.node.addDependency(httpRoute);
      if (route.roles === 'public' && httpRoute) {
        acknowledge(
          httpRoute,
          'AwsSolutions-APIG4',
          `${routeKey(route)} is public by design (route table roles 'public'): it reports dependency status for probes and returns no user data.`,
        );
      }
    }
  }
}
