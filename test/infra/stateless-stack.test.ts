import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { type CfnResource, NestedStack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { routeThrottleSettings } from '../../infra/constructs/http-api';
import { ROUTE_AREAS, routeArea } from '../../infra/constructs/route-areas';
import { PROJECT_ROOT } from '../../infra/project-root';
import { ROLES } from '../../shared/wiring/roles';
import { ROUTE, ROUTES, type RouteDefinition, routeKey } from '../../shared/wiring/routes';
import { EXECUTION_EVENTS } from '../../shared/wiring/execution-events';
import { BUCKET_EVENTS } from '../../shared/wiring/bucket-events';
import { STATE_MACHINES } from '../../shared/wiring/state-machines';
import { SCHEDULES } from '../../shared/wiring/schedules';
import { STREAM_EVENTS } from '../../shared/wiring/stream-events';
import { buildCertiflow, resourcesIn, roleStatements, templatesOf } from './certiflow-app';

let template: Template;
/** The stateless stack's template, then its nested stacks' (route functions by area, operations). */
let templates: Template[];
/** The route functions' nested stacks: their area, and their template by the logical id of their stack resource in the parent. */
let routeStacks: Array<{ area: string; logicalId: string; template: Template }>;
let statefulTemplate: Template;

beforeAll(() => {
  const { stateful, stateless } = buildCertiflow();
  template = Template.fromStack(stateless);
  templates = templatesOf(stateless);
  routeStacks = stateless.node
    .findAll()
    .filter(NestedStack.isNestedStack)
    .filter((nested) => nested.node.id.endsWith('Routes'))
    .map((nested) => ({
      area: nested.node.id.replace(/Routes$/, ''),
      logicalId: stateless.resolve((nested.nestedStackResource as CfnResource).logicalId) as string,
      template: Template.fromStack(nested),
    }));
  statefulTemplate = Template.fromStack(stateful);
});

type Resource = { Type: string; Properties: Record<string, any> };

function resources(type: string): Record<string, Resource> {
  return template.findResources(type) as Record<string, Resource>;
}

/** The one function whose description is `description`, in whichever template holds it. */
function functionDescribed(description: string): { template: Template; id: string; resource: Resource } {
  const found = resourcesIn<Resource>(templates, 'AWS::Lambda::Function').filter(({ resource }) => resource.Properties.Description === description);
  expect(found, description).toHaveLength(1);
  return found[0]!;
}

describe('functions', () => {
  /** Certiflow's own functions, in the stateless stack and its nested stacks: CDK's S3 notification custom resource is not one of them. */
  function certiflowFunctions(): Resource[] {
    return resourcesIn<Resource>(templates, 'AWS::Lambda::Function')
      .map(({ resource }) => resource)
      .filter((fn) => fn.Properties.Environment?.Variables?.POWERTOOLS_SERVICE_NAME !== undefined || fn.Properties.Runtime?.startsWith('nodejs'));
  }

  it('are one per route, one per state machine task, one per S3 event subscription, one per execution event subscription, one per stream subscription and one per schedule', () => {
    const tasks = STATE_MACHINES.flatMap((machine) => machine.tasks);
    expect(certiflowFunctions()).toHaveLength(ROUTES.length + tasks.length + BUCKET_EVENTS.length + EXECUTION_EVENTS.length + STREAM_EVENTS.length + SCHEDULES.length);
  });

  it('all run Node.js 22 on arm64, traced, logging to their own group, with Powertools settings', () => {
    for (const fn of certiflowFunctions()) {
      expect(fn.Properties.Runtime).toBe('nodejs22.x');
      expect(fn.Properties.Architectures).toEqual(['arm64']);
      expect(fn.Properties.TracingConfig).toEqual({ Mode: 'Active' });
      expect(fn.Properties.LoggingConfig.LogGroup).toEqual({ Ref: expect.any(String) });
      expect(fn.Properties.Environment.Variables).toMatchObject({
        POWERTOOLS_SERVICE_NAME: 'certiflow',
        POWERTOOLS_LOG_LEVEL: expect.any(String),
        NODE_OPTIONS: '--enable-source-maps',
      });
    }
  });

  it('get their bindings as environment variables and grants together', () => {
    const createSession = functionDescribed('POST /sessions');
    expect(createSession.resource.Properties.Environment.Variables).toMatchObject({
      TABLE_NAME: { 'Fn::ImportValue': 'CertiflowStateful-TableName' },
      SESSION_STATE_MACHINE_ARN: expect.anything(),
    });
    const statements = roleStatements(createSession.template, createSession.resource);
    expect(statements).toEqual(expect.arrayContaining([expect.objectContaining({ Action: 'states:StartExecution' })]));
  });

  it('give the public health probe only describe and list rights, never data', () => {
    const health = functionDescribed('GET /health');
    const actions = roleStatements(health.template, health.resource).flatMap((statement) => [statement.Action].flat());
    expect(actions).toEqual(expect.arrayContaining(['dynamodb:DescribeTable', 's3:ListBucket', 'states:DescribeStateMachine']));
    expect(actions.filter((action) => /GetItem|Query|GetObject|PutObject|PutItem|GetExecutionHistory|StartExecution/.test(action))).toEqual([]);
  });
});

describe('S3 events', () => {
  it('deliver object-created events under each subscribed prefix to its function', () => {
    const notifications = Object.values(resources('Custom::S3BucketNotifications'));
    const configurations = notifications.flatMap(
      (n) => (n.Properties.NotificationConfiguration.LambdaFunctionConfigurations ?? []) as Array<{ Events: string[]; Filter: { Key: { FilterRules: Array<{ Name: string; Value: string }> } } }>,
    );
    expect(configurations.map((c) => [c.Events, c.Filter.Key.FilterRules])).toEqual(
      BUCKET_EVENTS.map((event) => [['s3:ObjectCreated:*'], [{ Name: 'prefix', Value: event.prefix }]]),
    );
  });
});

describe('log groups', () => {
  it('all have a retention, in both stacks and the nested ones', () => {
    for (const stackTemplate of [...templates, statefulTemplate]) {
      for (const group of Object.values(stackTemplate.findResources('AWS::Logs::LogGroup'))) {
        expect(group.Properties.RetentionInDays).toBeGreaterThan(0);
      }
    }
    expect(Object.keys(resources('AWS::Logs::LogGroup')).length).toBeGreaterThan(0);
    expect(resourcesIn(templates, 'AWS::Logs::LogGroup').length).toBeGreaterThan(ROUTES.length);
  });
});

describe('route functions', () => {
  /** A nested stack's output, as the parent reads it (`Fn::GetAtt: [stack, 'Outputs.<name>']`), resolved to its value in that stack. */
  function nestedOutput(value: unknown): { area: string; template: Template; value: unknown } {
    const [stackId, attribute] = (value as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'];
    const stack = routeStacks.find((candidate) => candidate.logicalId === stackId);
    expect(stack, `${stackId} is a route functions stack`).toBeDefined();
    const outputs = stack!.template.toJSON().Outputs as Record<string, { Value: unknown }>;
    return { area: stack!.area, template: stack!.template, value: outputs[attribute.replace(/^Outputs\./, '')]?.Value };
  }

  it('live in one nested stack per area of the API, and nowhere else', () => {
    expect(routeStacks.map((stack) => stack.area).sort()).toEqual([...new Set(ROUTES.map(routeArea))].sort());
    expect(routeStacks.map((stack) => stack.area).every((area) => (ROUTE_AREAS as readonly string[]).includes(area))).toBe(true);
    const routeKeys = new Set(ROUTES.map(routeKey));
    expect(Object.values(resources('AWS::Lambda::Function')).filter((fn) => routeKeys.has(fn.Properties.Description))).toEqual([]);
    for (const { area, template: nested } of routeStacks) {
      const descriptions = Object.values(nested.findResources('AWS::Lambda::Function')).map((fn) => fn.Properties.Description as string);
      expect(descriptions.sort(), area).toEqual(ROUTES.filter((route) => routeArea(route) === area).map(routeKey).sort());
    }
  });

  it("each route's integration invokes its own function, in its area's stack, which only API Gateway may invoke, for that route's path of this API", () => {
    const [apiId] = Object.keys(resources('AWS::ApiGatewayV2::Api'));
    const integrations = resources('AWS::ApiGatewayV2::Integration');
    const routes = Object.values(resources('AWS::ApiGatewayV2::Route'));
    expect(Object.keys(integrations)).toHaveLength(ROUTES.length);
    for (const route of ROUTES) {
      const deployed = routes.find((candidate) => candidate.Properties.RouteKey === routeKey(route))!;
      const integrationId = deployed.Properties.Target['Fn::Join'][1][1].Ref as string;
      const integration = integrations[integrationId]!;
      expect(integration.Properties).toMatchObject({ ApiId: { Ref: apiId }, IntegrationType: 'AWS_PROXY', PayloadFormatVersion: '2.0' });
      const target = nestedOutput(integration.Properties.IntegrationUri);
      expect(target.area, routeKey(route)).toBe(routeArea(route));
      const functionId = (target.value as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'][0];
      expect(target.value).toEqual({ 'Fn::GetAtt': [functionId, 'Arn'] });
      expect((target.template.findResources('AWS::Lambda::Function') as Record<string, Resource>)[functionId]!.Properties.Description).toBe(routeKey(route));

      const permissions = Object.values(target.template.findResources('AWS::Lambda::Permission') as Record<string, Resource>).filter(
        (permission) => JSON.stringify(permission.Properties.FunctionName) === JSON.stringify({ 'Fn::GetAtt': [functionId, 'Arn'] }),
      );
      expect(permissions, routeKey(route)).toHaveLength(1);
      const permission = permissions[0]!.Properties;
      expect(permission).toMatchObject({ Action: 'lambda:InvokeFunction', Principal: 'apigateway.amazonaws.com' });
      const sourceArn = permission.SourceArn['Fn::Join'][1] as unknown[];
      expect(sourceArn.at(-1), routeKey(route)).toBe(`/*/*${route.path}`);
      const apiParameter = (sourceArn.at(-2) as { Ref: string }).Ref;
      const stackResource = template.toJSON().Resources[routeStacks.find((stack) => stack.template === target.template)!.logicalId];
      expect(stackResource.Properties.Parameters[apiParameter]).toEqual({ Ref: apiId });
    }
  });
});

describe('the HTTP API', () => {
  it('has exactly one route per route table entry', () => {
    const keys = Object.values(resources('AWS::ApiGatewayV2::Route')).map((route) => route.Properties.RouteKey);
    expect(keys.sort()).toEqual(ROUTES.map(routeKey).sort());
  });

  it('puts the Cognito JWT authorizer on every route but the public ones', () => {
    const routes = Object.values(resources('AWS::ApiGatewayV2::Route'));
    for (const route of ROUTES) {
      const deployed = routes.find((candidate) => candidate.Properties.RouteKey === routeKey(route));
      if (route.roles === 'public') {
        expect(deployed?.Properties.AuthorizationType).toBe('NONE');
        expect(deployed?.Properties.AuthorizerId).toBeUndefined();
      } else {
        expect(deployed?.Properties.AuthorizationType).toBe('JWT');
        expect(deployed?.Properties.AuthorizerId).toEqual({ Ref: expect.any(String) });
      }
    }
    expect(ROUTES.filter((route) => route.roles === 'public').map(routeKey)).toEqual(['GET /health', 'GET /openapi.json', 'GET /verify/{code}']);
  });

  it('authorizes JWTs issued by the user pool for the app client', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'JWT',
      IdentitySource: ['$request.header.Authorization'],
      JwtConfiguration: {
        Audience: [{ Ref: Match.stringLikeRegexp('WebClient') }],
        Issuer: Match.anyValue(),
      },
    });
  });

  it('logs access and throttles on its auto-deployed $default stage', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      AutoDeploy: true,
      AccessLogSettings: { DestinationArn: Match.anyValue(), Format: Match.stringLikeRegexp('requestId') },
      DefaultRouteSettings: { ThrottlingRateLimit: Match.anyValue(), ThrottlingBurstLimit: Match.anyValue() },
    });
  });
});

describe('per-route throttling', () => {
  const STAGE_DEFAULT = { ThrottlingRateLimit: 50, ThrottlingBurstLimit: 100 };

  function stageOf(stackTemplate: Template): Resource & { DependsOn?: string[] } {
    const stages = Object.values(stackTemplate.findResources('AWS::ApiGatewayV2::Stage'));
    expect(stages).toHaveLength(1);
    return stages[0] as Resource & { DependsOn?: string[] };
  }

  it("API throttle: route settings carry each throttled route's rate and burst under its route key, and skip the others", () => {
    const routes: RouteDefinition[] = [
      { ...ROUTE.Health, throttle: { ratePerSecond: 5, burst: 10 } },
      ROUTE.ListSessions,
      { ...ROUTE.GetSession, throttle: { ratePerSecond: 0.5, burst: 1 } },
    ];
    expect(routeThrottleSettings(routes)).toEqual({
      'GET /health': { ThrottlingRateLimit: 5, ThrottlingBurstLimit: 10 },
      'GET /sessions/{sessionId}': { ThrottlingRateLimit: 0.5, ThrottlingBurstLimit: 1 },
    });
    expect(routeThrottleSettings([ROUTE.ListSessions])).toEqual({});
  });

  it('API throttle: the $default stage has route settings for exactly the throttled routes of the table, and keeps its default throttle', () => {
    const stage = stageOf(template);
    const throttled = ROUTES.filter((route) => route.throttle);
    expect(Object.keys(stage.Properties.RouteSettings ?? {}).sort()).toEqual(throttled.map(routeKey).sort());
    for (const route of throttled) {
      expect(stage.Properties.RouteSettings[routeKey(route)]).toEqual({
        ThrottlingRateLimit: route.throttle!.ratePerSecond,
        ThrottlingBurstLimit: route.throttle!.burst,
      });
    }
    expect(stage.Properties.DefaultRouteSettings).toEqual(STAGE_DEFAULT);
  });

  it('API throttle: a throttled route becomes a route setting of the $default stage, which is created after that route', () => {
    const { stateless } = buildCertiflow({ routes: [{ ...ROUTE.Health, throttle: { ratePerSecond: 5, burst: 10 } }, ROUTE.ListSessions] });
    const throttledTemplate = Template.fromStack(stateless);
    const stage = stageOf(throttledTemplate);
    expect(stage.Properties.RouteSettings).toEqual({ 'GET /health': { ThrottlingRateLimit: 5, ThrottlingBurstLimit: 10 } });
    expect(stage.Properties.DefaultRouteSettings).toEqual(STAGE_DEFAULT);

    const routeIds = Object.entries(throttledTemplate.findResources('AWS::ApiGatewayV2::Route')).map(([id, route]) => [route.Properties.RouteKey as string, id] as const);
    const idOf = new Map(routeIds);
    expect([...idOf.keys()].sort()).toEqual(['GET /health', 'GET /sessions']);
    expect(stage.DependsOn).toContain(idOf.get('GET /health'));
    expect(stage.DependsOn ?? []).not.toContain(idOf.get('GET /sessions'));
  });
});

describe('the user pool', () => {
  it('has one group per role', () => {
    const groups = Object.values(resources('AWS::Cognito::UserPoolGroup')).map((group) => group.Properties.GroupName);
    expect(groups.sort()).toEqual([...ROLES].sort());
  });

  it('carries custom:centreId, requires MFA and is retained', () => {
    template.hasResource('AWS::Cognito::UserPool', {
      DeletionPolicy: 'Retain',
      Properties: Match.objectLike({
        MfaConfiguration: 'ON',
        AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
        Schema: Match.arrayWith([Match.objectLike({ Name: 'centreId', AttributeDataType: 'String' })]),
      }),
    });
  });

  it('has a public app client that can read custom:centreId but not write it', () => {
    template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      GenerateSecret: false,
      ReadAttributes: Match.arrayWith(['custom:centreId']),
      WriteAttributes: Match.not(Match.arrayWith(['custom:centreId'])),
    });
  });
});

describe('the state machines', () => {
  it('are Standard, log ALL events and are traced', () => {
    const machines = resources('AWS::StepFunctions::StateMachine');
    expect(Object.keys(machines)).toHaveLength(STATE_MACHINES.length);
    for (const machine of Object.values(machines)) {
      expect(machine.Properties.StateMachineType).toBe('STANDARD');
      expect(machine.Properties.LoggingConfiguration).toMatchObject({ Level: 'ALL', IncludeExecutionData: false });
      expect(machine.Properties.TracingConfiguration).toEqual({ Enabled: true });
    }
  });

  it('resolve every ${…} of their definition file to a task function ARN', () => {
    const machines = Object.values(resources('AWS::StepFunctions::StateMachine'));
    const functionIds = Object.keys(resources('AWS::Lambda::Function'));
    for (const definition of STATE_MACHINES) {
      const machine = machines.find((candidate) => candidate.Properties.StateMachineName === definition.name);
      const substitutions: Record<string, any> = machine?.Properties.DefinitionSubstitutions ?? {};
      const asl = readFileSync(path.join(PROJECT_ROOT, definition.definitionFile), 'utf8');
      const resolved = asl.replace(/\$\{(\w+)\}/g, (placeholder, key: string) => (key in substitutions ? 'arn' : placeholder));
      expect(resolved).not.toContain('${');
      for (const value of Object.values(substitutions)) {
        expect(functionIds).toContain(value['Fn::GetAtt'][0]);
        expect(value['Fn::GetAtt'][1]).toBe('Arn');
      }
    }
  });

  it('may invoke their task functions', () => {
    template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: Match.arrayWith([Match.objectLike({ Action: 'lambda:InvokeFunction', Effect: 'Allow' })]),
      },
      Roles: [{ Ref: Match.stringLikeRegexp('SessionLifecycleRole') }],
    });
  });
});

describe('outputs', () => {
  it('give the API URL, the user pool and client ids and the state machine ARN', () => {
    for (const name of ['ApiUrl', 'UserPoolId', 'UserPoolClientId', 'SessionLifecycleStateMachineArn']) {
      template.hasOutput(name, {});
    }
  });
});
