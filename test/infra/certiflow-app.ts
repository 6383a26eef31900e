import { App } from 'aws-cdk-lib';
import { type CertiflowOptions, type CertiflowStacks, createCertiflow } from '../../infra/certiflow-app';
import { FEATURE_FLAGS } from '../../infra/feature-flags';

/** Context that makes CDK skip asset bundling, so tests never run esbuild. */
export const SKIP_BUNDLING = { 'aws:cdk:bundling-stacks': [] as string[] };

/** Builds the Certiflow app as `infra/app.ts` does, without bundling. */
export function buildCertiflow(options: CertiflowOptions = {}, context: Record<string, unknown> = {}): CertiflowStacks & { app: App } {
  const app = new App({ context: { ...FEATURE_FLAGS, ...SKIP_BUNDLING, ...context } });
  return { app, ...createCertiflow(app, options) };
}
