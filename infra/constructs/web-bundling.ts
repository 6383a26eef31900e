import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { type BundlingOptions, DockerImage } from 'aws-cdk-lib';

/** The web app's Vite config, relative to the project root: `npx vite build --config web/vite.config.ts` builds into `web/dist`. */
export const WEB_VITE_CONFIG = 'web/vite.config.ts';

/** The Vite mode of the deployed build, which leaves the development sign-in out (web/vite.config.ts). */
export const WEB_DEPLOYED_MODE = 'aws';

/** The arguments of `vite` that build the deployed web app into `outDir`, emptied first. */
export function webBuildArguments(outDir: string): string[] {
  return ['build', '--config', WEB_VITE_CONFIG, '--mode', WEB_DEPLOYED_MODE, '--outDir', outDir, '--emptyOutDir'];
}

/**
 * Asset bundling that builds the web app with the project's own Vite (`--mode aws`), on this
 * machine, into the asset's output directory, so that `cdk deploy` ships the current build. As for the functions
 * (DESIGN.md), nothing runs in Docker: the local build either succeeds or fails the synthesis.
 * CDK skips it, as every bundling, for the stacks `aws:cdk:bundling-stacks` leaves out (the
 * infra tests leave out all of them).
 */
export function webAppBundling(projectRoot: string): BundlingOptions {
  const vite = path.join(projectRoot, 'node_modules', 'vite', 'bin', 'vite.js');
  return {
    // Required by the type, never pulled: tryBundle builds or throws, it never hands over to Docker.
    image: DockerImage.fromRegistry('public.ecr.aws/docker/library/node:22-slim'),
    local: {
      tryBundle(outputDir: string): boolean {
        if (!existsSync(path.join(projectRoot, WEB_VITE_CONFIG))) throw new Error(`the web app cannot be built: ${WEB_VITE_CONFIG} is missing`);
        const args = webBuildArguments(outputDir);
        const build = spawnSync(process.execPath, [vite, ...args], { cwd: projectRoot, stdio: ['ignore', 2, 2] });
        if (build.error || build.status !== 0) {
          throw new Error(`the web app build failed (${build.error?.message ?? `exit code ${build.status}`}): node ${vite} ${args.join(' ')}`);
        }
        if (!existsSync(path.join(outputDir, 'index.html'))) throw new Error(`the web app build wrote no index.html to ${outputDir}`);
        return true;
      },
    },
  };
}
