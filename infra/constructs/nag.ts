import { Stack, Validations } from 'aws-cdk-lib';
import { flattenCfnReference } from 'cdk-nag/lib/utils/flatten-cfn-reference';
import type { IConstruct } from 'constructs';

/** Acknowledges one cdk-nag finding on `scope` and everything under it. */
export function acknowledge(scope: IConstruct, id: string, reason: string): void {
  Validations.of(scope).acknowledge({ id, reason });
}

/**
 * Acknowledges the AwsSolutions-IAM5 finding that `resource` (an ARN containing `*`) raises in
 * `scope`'s policies, naming the resource exactly as cdk-nag renders it.
 */
export function acknowledgeWildcardResource(scope: IConstruct, resource: string, reason: string): void {
  const rendered = flattenCfnReference(Stack.of(scope).resolve(resource));
  acknowledge(scope, `AwsSolutions-IAM5[Resource::${rendered}]`, reason);
}

/** Acknowledges the AwsSolutions-IAM4 finding that attaching the AWS managed policy `policyArn` raises. */
export function acknowledgeManagedPolicy(scope: IConstruct, policyArn: string, reason: string): void {
  const rendered = flattenCfnReference(Stack.of(scope).resolve(policyArn));
  acknowledge(scope, `AwsSolutions-IAM4[Policy::${rendered}]`, reason);
}
