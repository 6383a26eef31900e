import { type Stack, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCertiflow } from './certiflow-app';

interface Acknowledgment {
  path: string;
  id: string;
  reason: string;
}

const GENERIC_REASONS = /^(n\/?a|none|todo|tbd|ok|not needed|not required|false positive|suppressed|accepted|by design|intended)\.?$/i;

const INTAKE_EVENT = {
  id: 'ProbeIntake',
  bucket: 'deliverablesBucket',
  prefix: 'incoming/',
  handler: 'functions/api/health.handler.ts',
  bindings: { deliverablesBucket: 'readWrite', table: 'readWrite' },
} as const;

function acknowledgments(root: IConstruct): Acknowledgment[] {
  return root.node.findAll().flatMap((construct) =>
    construct.node.metadata
      .filter((entry) => entry.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
      .flatMap((entry) =>
        Object.entries(entry.data as Record<string, string>).map(([id, reason]) => ({
          path: construct.node.path,
          id: id.replace(/^annotation::/i, ''),
          reason,
        })),
      ),
  );
}

function unacknowledged(stack: Stack) {
  return new AwsSolutionsChecks().validateScope(stack).violations.map((violation) => ({
    rule: violation.ruleName,
    severity: violation.severity,
    resources: violation.violatingResources.map((resource) => resource.constructPath),
  }));
}

function rawFindingIds(stack: Stack): Set<string> {
  const pack = new AwsSolutionsChecks();
  Object.defineProperty(pack, 'isAcknowledged', { value: () => false });
  return new Set(pack.validateScope(stack).violations.map((violation) => violation.ruleName));
}

const variants: Record<string, () => ReturnType<typeof buildCertiflow>> = {
  'env-agnostic, as the tests and an offline synth build it': () => buildCertiflow(),
  'with an account and region, as `cdk deploy` builds it': () =>
    buildCertiflow({ env: { account: '123456789012', region: 'eu-west-3' } }),
  'with an S3 event subscription': () => buildCertiflow({ bucketEvents: [INTAKE_EVENT] }),
};

describe.each(Object.entries(variants))('cdk-nag AwsSolutions, %s', (_name, build) => {
  let stacks: ReturnType<typeof buildCertiflow>;

  beforeAll(() => {
    stacks = build();
    stacks.app.synth();
  });

  const all = (): Stack[] => [stacks.stateful, stacks.webHosting, stacks.stateless, stacks.webContent];

  it('reports no unacknowledged error or warning on the stateful stack', () => {
    expect(unacknowledged(stacks.stateful)).toEqual([]);
  });

  it('reports no unacknowledged error or warning on the stateless stack and its nested stacks', () => {
    expect(unacknowledged(stacks.stateless)).toEqual([]);
  });

  it('reports no unacknowledged error or warning on the web hosting and web content stacks', () => {
    expect(unacknowledged(stacks.webHosting)).toEqual([]);
    expect(unacknowledged(stacks.webContent)).toEqual([]);
  });

  it('acknowledges only findings that actually occur', () => {
    for (const stack of all()) {
      const findings = rawFindingIds(stack);
      for (const acknowledgment of acknowledgments(stack)) {
        expect(findings, `${acknowledgment.id} at ${acknowledgment.path}`).toContain(acknowledgment.id);
      }
    }
  });

  it('gives every acknowledgment a specific reason', () => {
    const given = all().flatMap(acknowledgments);
    expect(given.length).toBeGreaterThan(0);
    for (const { id, path, reason } of given) {
      expect(id, path).toMatch(/^AwsSolutions-[A-Z]+\d+(\[.+\])?$/);
      expect(reason.trim().length, `${id} at ${path}`).toBeGreaterThanOrEqual(40);
      expect(reason.trim(), `${id} at ${path}`).not.toMatch(GENERIC_REASONS);
    }
  });
});
