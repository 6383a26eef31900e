import { NestedStack, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCertiflow } from './certiflow-app';

/** Headroom below CloudFormation's 500 resources per stack, for the routes and subscriptions still to come. */
const MAX_RESOURCES = 450;
/** CloudFormation's limits per template. */
const MAX_PARAMETERS = 200;
const MAX_OUTPUTS = 200;

type Counts = { resources: number; parameters: number; outputs: number; nested: boolean };

let counts: Record<string, Counts>;

beforeAll(() => {
  const { app } = buildCertiflow();
  const stacks = app.node.findAll().filter((construct): construct is Stack => Stack.isStack(construct));
  counts = Object.fromEntries(
    stacks.map((stack) => {
      const template = Template.fromStack(stack).toJSON() as Record<string, Record<string, unknown> | undefined>;
      const count = (section: string) => Object.keys(template[section] ?? {}).length;
      return [stack.node.path, { resources: count('Resources'), parameters: count('Parameters'), outputs: count('Outputs'), nested: NestedStack.isNestedStack(stack) }];
    }),
  );
});

describe("every stack of the app stays clear of CloudFormation's limits", () => {
  it('finds the four stacks and the nested ones: the route functions by area, and operations', () => {
    expect(Object.keys(counts)).toEqual(expect.arrayContaining(['CertiflowStateful', 'CertiflowWebHosting', 'CertiflowStateless', 'CertiflowWebContent', 'CertiflowStateless/Operations']));
    expect(Object.keys(counts).filter((path) => /^CertiflowStateless\/HttpApi\/\w+Routes$/.test(path)).length).toBeGreaterThanOrEqual(2);
    expect(Object.values(counts).filter((count) => count.nested).length).toBeGreaterThanOrEqual(3);
  });

  it(`holds fewer than ${MAX_RESOURCES} resources in each stack and nested stack`, () => {
    for (const [path, count] of Object.entries(counts)) expect(count.resources, path).toBeLessThan(MAX_RESOURCES);
  });

  it(`passes at most ${MAX_PARAMETERS} parameters to, and reads at most ${MAX_OUTPUTS} outputs from, each template`, () => {
    for (const [path, count] of Object.entries(counts)) {
      expect(count.parameters, path).toBeLessThanOrEqual(MAX_PARAMETERS);
      expect(count.outputs, path).toBeLessThanOrEqual(MAX_OUTPUTS);
    }
  });
});
