import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { routeThrottleSettings } from '../../infra/constructs/http-api';
import { PROJECT_ROOT } from '../../infra/project-root';
import { ROLES } from '../../shared/wiring/roles';
import { ROUTE, ROUTES, type RouteDefinition, routeKey } from '../../shared/wiring/routes';
import { EXECUTION_EVENTS } from '../../shared/wiring/execution-events';
import { BUCKET_EVENTS } from '../../shared/wiring/bucket-events';
import { STATE_MACHINES } from '../../shared/wiring/state-machines';
import { STREAM_EVENTS } from '../../shared/wiring/stream-events';
import { buildCertiflow, roleStatements } from './certiflow-app';

let template: Template;
let statefulTemplate: Template;

beforeAll(() => {
  const { stateful, stateless } = buildCertiflow();
  template = Template.fromStack(stateless);
  statefulTemplate = Template.fromStack(stateful);
});

type Resource = { Type: string; Properties: Record<string, any> };

function resources(type: string): Record<string, Resource> {
  return template.findResources(type) as Record<string, Resource>;
}

describe('functions', () => {
  /** Certiflow's own functions: CDK's S3 notification custom resource is not one of them. */
  function certiflowFunctions(): Resource[] {
    return Object.values(resources('AWS::Lambda::Function')).filter((fn) => fn.Properties.Environment?.Variables?.POWERTOOLS_SERVICE_NAME !== undefined || fn.Properties.Runtime?.startsWith('nodejs'));
  }

  it('are one per route, one per state machine task, one per S3 event subscription, one per execution event subscription and one per stream subscription', () => {
    const tasks = STATE_MACHINES.flatMap((machine) => machine.tasks);
    expect(certiflowFunctions()).toHaveLength(ROUTES.length + tasks.length + BUCKET_EVENTS.length + EXECUTION_EVENTS.length + STREAM_EVENTS.length);
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
    const createSession = Object.values(resources('AWS::Lambda::Function')).find(
      (fn) => fn.Properties.Description === 'POST /sessions',
    );
    expect(createSession?.Properties.Environment.Variables).toMatchObject({
      TABLE_NAME: { 'Fn::ImportValue': 'CertiflowStateful-TableName' },
      SESSION_STATE_MACHINE_ARN: expect.anything(),
    });
    template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: Match.arrayWith([Match.objectLike({ Action: 'states:StartExecution' })]),
      },
    });
  });

  it('give the public health probe only describe and list rights, never data', () => {
    const [healthId] = Object.entries(resources('AWS::Lambda::Function')).find(([, fn]) => fn.Properties.Description === 'GET /health') ?? [];
    expect(healthId).toBeDefined();
    const actions = roleStatements(template, resources('AWS::Lambda::Function')[healthId!]!).flatMap((statement) => [statement.Action].flat());
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
  it('all have a retention, in both stacks', () => {
    for (const stackTemplate of [template, statefulTemplate]) {
      for (const group of Object.values(stackTemplate.findResources('AWS::Logs::LogGroup'))) {
        expect(group.Properties.RetentionInDays).toBeGreaterThan(0);
      }
    }
    expect(Object.keys(resources('AWS::Logs::LogGroup')).length).toBeGreaterThan(0);
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
