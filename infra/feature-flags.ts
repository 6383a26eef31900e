/**
 * CDK feature flags the app relies on, passed to `new App({ context })` by `infra/app.ts` and
 * by the infra tests alike, so both synthesize the same templates.
 */
export const FEATURE_FLAGS = {
  '@aws-cdk/aws-s3:serverAccessLogsUseBucketPolicy': true,
  '@aws-cdk/aws-iam:minimizePolicies': true,
  '@aws-cdk/core:enablePartitionLiterals': true,
} as const;
