import { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { ALLOWED_ORIGINS_CONTEXT } from '../../infra/certiflow-app';
import { CORS } from '../../shared/wiring/cors';
import { buildCertiflow } from './certiflow-app';

const ORIGINS = ['https://app.certiflow.example', 'https://admin.certiflow.example'];

let cors: Record<string, unknown>;

beforeAll(() => {
  const { stateless } = buildCertiflow({}, { [ALLOWED_ORIGINS_CONTEXT]: ORIGINS.join(',') });
  const apis = Object.values(Template.fromStack(stateless).findResources('AWS::ApiGatewayV2::Api')) as Array<{
    Properties: { CorsConfiguration: Record<string, unknown> };
  }>;
  expect(apis).toHaveLength(1);
  cors = apis[0]!.Properties.CorsConfiguration;
});

describe("the deployed HTTP API's CORS is the shared definition", () => {
  it('allows the configured origins with exactly the methods, headers, expose headers and max age of the definition', () => {
    expect(cors).toEqual({
      AllowOrigins: ORIGINS,
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
