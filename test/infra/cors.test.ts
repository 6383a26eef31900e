import { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { ALLOWED_ORIGINS_CONTEXT } from '../../infra/certiflow-app';
import { CORS } from '../../shared/wiring/cors';
import { buildCertiflow } from './certiflow-app';

const ORIGINS = ['https://app.certiflow.example', 'https://admin.certiflow.example'];

/** The web app's origin, as the stateless stack imports it from the web hosting stack. */
const WEB_ORIGIN = { 'Fn::ImportValue': 'CertiflowWebHosting-WebOrigin' };

let cors: Record<string, unknown>;

function corsOf(context: Record<string, unknown>): Record<string, unknown> {
  const { stateless } = buildCertiflow({}, context);
  const apis = Object.values(Template.fromStack(stateless).findResources('AWS::ApiGatewayV2::Api')) as Array<{
    Properties: { CorsConfiguration: Record<string, unknown> };
  }>;
  expect(apis).toHaveLength(1);
  return apis[0]!.Properties.CorsConfiguration;
}

beforeAll(() => {
  cors = corsOf({ [ALLOWED_ORIGINS_CONTEXT]: ORIGINS.join(',') });
});

describe("the deployed HTTP API's CORS is the shared definition", () => {
  it("allows the configured origins and the web app's with exactly the methods, headers, expose headers and max age of the definition", () => {
    expect(cors).toEqual({
      AllowOrigins: [...ORIGINS, WEB_ORIGIN],
      AllowMethods: [...CORS.allowMethods],
      AllowHeaders: [...CORS.allowHeaders],
      ExposeHeaders: [...CORS.exposeHeaders],
      MaxAge: CORS.maxAgeSeconds,
    });
  });

  it('lets a browser send If-Match and Idempotency-Key and read ETag and Location', () => {
    expect(cors.AllowHeaders).toEqual(expect.arrayContaining(['if-match', 'idempotency-key']));
    expect(cors.ExposeHeaders).toEqual(expect.arrayContaining(['etag', 'location']));
  });
});

describe("the API's CORS without the context", () => {
  it("WEB: allows the web app's origin only, and any origin only when the context says `*`", () => {
    expect(corsOf({}).AllowOrigins).toEqual([WEB_ORIGIN]);
    expect(corsOf({ [ALLOWED_ORIGINS_CONTEXT]: '*' }).AllowOrigins).toEqual(['*']);
  });
});
