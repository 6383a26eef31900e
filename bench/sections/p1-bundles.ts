import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { build, type Metafile } from 'esbuild';
import { LAMBDA_BUNDLING } from '../../infra/constructs/lambda-bundling';
import { PROJECT_ROOT } from '../../infra/project-root';
import { allFunctions, type FunctionDefinition } from '../../shared/wiring/functions';
import type { BenchSection, Figure } from '../support/figure';
import { median } from '../support/stats';

const run = promisify(execFile);

/** What a bare handler imports and constructs for each AWS package a function's bundle holds. */
const BARE_USE: Record<string, { imports: string; uses: string }> = {
  '@aws-sdk/client-dynamodb': { imports: "import { DynamoDBClient, DescribeTableCommand } from '@aws-sdk/client-dynamodb';", uses: 'new DynamoDBClient({}), DescribeTableCommand' },
  '@aws-sdk/lib-dynamodb': { imports: "import { DynamoDBDocumentClient, QueryCommand, TransactWriteCommand, GetCommand } from '@aws-sdk/lib-dynamodb';", uses: 'DynamoDBDocumentClient, QueryCommand, TransactWriteCommand, GetCommand' },
  '@aws-sdk/client-s3': { imports: "import { S3Client, GetObjectCommand, PutObjectCommand, HeadObjectCommand } from '@aws-sdk/client-s3';", uses: 'new S3Client({}), GetObjectCommand, PutObjectCommand, HeadObjectCommand' },
  '@aws-sdk/s3-presigned-post': { imports: "import { createPresignedPost } from '@aws-sdk/s3-presigned-post';", uses: 'createPresignedPost' },
  '@aws-sdk/s3-request-presigner': { imports: "import { getSignedUrl } from '@aws-sdk/s3-request-presigner';", uses: 'getSignedUrl' },
  '@aws-sdk/client-sfn': { imports: "import { SFNClient, SendTaskSuccessCommand, StartExecutionCommand } from '@aws-sdk/client-sfn';", uses: 'new SFNClient({}), SendTaskSuccessCommand, StartExecutionCommand' },
  '@aws-sdk/client-sesv2': { imports: "import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';", uses: 'new SESv2Client({}), SendEmailCommand' },
};

/** The AWS packages (of `BARE_USE`) whose code a bundle holds, read from its metafile. */
export function awsPackagesOf(metafile: Metafile): string[] {
  const inputs = Object.keys(metafile.inputs);
  return Object.keys(BARE_USE).filter((pkg) => inputs.some((input) => input.includes(`node_modules/${pkg}/`)));
}

async function bundle(entry: string, outfile: string): Promise<Metafile> {
  const result = await build({ ...LAMBDA_BUNDLING, entryPoints: [entry], outfile, absWorkingDir: PROJECT_ROOT, metafile: true, logLevel: 'error' });
  return result.metafile;
}

/** Import time (ms) and resident memory added (MiB) of a module, in a fresh Node process. */
async function coldImport(file: string): Promise<{ ms: number; mib: number }> {
  const script = `const before = process.memoryUsage().rss; const t = performance.now(); await import(${JSON.stringify(file)}); const ms = performance.now() - t; console.log(JSON.stringify({ ms, mib: (process.memoryUsage().rss - before) / 1048576 }));`;
  const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], { env: { ...process.env, AWS_REGION: 'eu-west-3', POWERTOOLS_SERVICE_NAME: 'certiflow' } });
  return JSON.parse(stdout.trim().split('\n').pop()!) as { ms: number; mib: number };
}

/** Cold imports of two modules, alternated so that machine noise falls on both alike; medians. */
async function coldImports(file: string, bare: string, runs: number) {
  const ours: Array<{ ms: number; mib: number }> = [];
  const theirs: Array<{ ms: number; mib: number }> = [];
  for (let i = 0; i < runs; i++) {
    ours.push(await coldImport(file));
    theirs.push(await coldImport(bare));
  }
  return {
    ms: median(ours.map((x) => x.ms)),
    bareMs: median(theirs.map((x) => x.ms)),
    mib: median(ours.map((x) => x.mib)),
    bareMib: median(theirs.map((x) => x.mib)),
  };
}

/** The figures of one function: bundle size, cold import time and memory, each against its bare handler. */
export async function measureFunction(definition: FunctionDefinition, dir: string, runs: number): Promise<Figure[]> {
  const outfile = join(dir, `${definition.id}.mjs`);
  const packages = awsPackagesOf(await bundle(join(PROJECT_ROOT, definition.handler), outfile));
  const bareEntry = join(dir, `${definition.id}.bare.ts`);
  writeFileSync(
    bareEntry,
    `${packages.map((pkg) => BARE_USE[pkg]!.imports).join('\n')}\nconst used = [${packages.map((pkg) => BARE_USE[pkg]!.uses).join(', ')}];\nexport const handler = async () => used.length;\n`,
  );
  const bareFile = join(dir, `${definition.id}.bare.mjs`);
  await bundle(bareEntry, bareFile);
  const cold = await coldImports(outfile, bareFile, runs);
  const baselineName = `bare handler with ${packages.map((pkg) => pkg.replace('@aws-sdk/', '')).join(' + ') || 'no AWS client'}`;
  const kib = (file: string) => statSync(file).size / 1024;
  return [
    { section: 'P1', name: `${definition.id} bundle`, value: kib(outfile), baseline: kib(bareFile), unit: 'KiB', baselineName, goal: 1.2 },
    { section: 'P1', name: `${definition.id} cold import`, value: cold.ms, baseline: cold.bareMs, unit: 'ms', baselineName, goal: 1.2 },
    { section: 'P1', name: `${definition.id} memory after import`, value: cold.mib, baseline: cold.bareMib, unit: 'MiB', baselineName },
  ];
}

/**
 * P1: every function's bundle (built with the deployment's esbuild options) and its cold import,
 * against a bare handler that imports and constructs the same AWS clients, built the same way.
 * `only` restricts to function ids containing it; `runs` cold imports each, alternated.
 */
export function bundlesSection(options: { only?: string; runs?: number } = {}): BenchSection {
  return {
    id: 'P1',
    title: 'Function bundles and cold imports vs a bare handler importing the same AWS clients (goal ≤ 1.2)',
    async measure() {
      // Inside the project, so that the bare handlers resolve the same node_modules.
      mkdirSync(join(PROJECT_ROOT, 'node_modules/.cache'), { recursive: true });
      const dir = mkdtempSync(join(PROJECT_ROOT, 'node_modules/.cache/certiflow-bundles-'));
      try {
        const figures: Figure[] = [];
        for (const definition of allFunctions().filter((d) => !options.only || d.id.includes(options.only))) {
          figures.push(...(await measureFunction(definition, dir, options.runs ?? 5)));
        }
        return figures;
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
