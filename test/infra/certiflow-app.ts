import { App, NestedStack, type Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { type CertiflowOptions, type CertiflowStacks, createCertiflow } from '../../infra/certiflow-app';
import { FEATURE_FLAGS } from '../../infra/feature-flags';

/** Context that makes CDK skip asset bundling, so tests never run esbuild. */
export const SKIP_BUNDLING = { 'aws:cdk:bundling-stacks': [] as string[] };

/** Builds the Certiflow app as `infra/app.ts` does, without bundling. */
export function buildCertiflow(options: CertiflowOptions = {}, context: Record<string, unknown> = {}): CertiflowStacks & { app: App } {
  const app = new App({ context: { ...FEATURE_FLAGS, ...SKIP_BUNDLING, ...context } });
  return { app, ...createCertiflow(app, options) };
}

/** A statement of an IAM policy, as the synthesized template holds it. */
export interface PolicyStatement {
  Effect: string;
  Action: string | string[];
  Resource: unknown;
  Condition?: unknown;
}

/** Every statement of the policies attached to a function's role, in the template that holds both. */
export function roleStatements(template: Template, fn: { Properties: Record<string, any> }): PolicyStatement[] {
  const roleId = (fn.Properties.Role as { 'Fn::GetAtt': string[] })['Fn::GetAtt'][0];
  return Object.values(template.findResources('AWS::IAM::Policy') as Record<string, { Properties: Record<string, any> }>)
    .filter((policy) => (policy.Properties.Roles as Array<{ Ref: string }>).some((role) => role.Ref === roleId))
    .flatMap((policy) => policy.Properties.PolicyDocument.Statement as PolicyStatement[]);
}

/** The templates of `stack` and of every stack nested in it, `stack`'s first. */
export function templatesOf(stack: Stack): Template[] {
  return [stack, ...stack.node.findAll().filter(NestedStack.isNestedStack)].map((each) => Template.fromStack(each));
}

/** Every resource of `type` in `templates`, with the template that holds it and its logical id. */
export function resourcesIn<R = { Type: string; Properties: Record<string, any> }>(templates: readonly Template[], type: string): Array<{ template: Template; id: string; resource: R }> {
  return templates.flatMap((template) => Object.entries(template.findResources(type) as Record<string, R>).map(([id, resource]) => ({ template, id, resource })));
}
