import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The file that marks a demo seed under way in a data folder; it goes once the seed is done. */
function markerOf(dataDir: string): string {
  return join(dataDir, 'demo-seed-unfinished');
}

/**
 * Runs `seed` with the marker in place: a seed that fails or is interrupted (Ctrl-C) leaves the
 * marker behind, and the next start says the folder holds part of a demo.
 */
export async function markedSeed<T>(dataDir: string, seed: () => Promise<T>): Promise<T> {
  const marker = markerOf(dataDir);
  writeFileSync(marker, new Date().toISOString());
  const seeded = await seed();
  rmSync(marker, { force: true });
  return seeded;
}

/** What to tell a person whose data folder holds a demo seed that did not finish, or nothing. */
export function unfinishedSeedWarning(dataDir: string): string | undefined {
  const marker = markerOf(dataDir);
  if (!existsSync(marker)) return undefined;
  const startedAt = readFileSync(marker, 'utf8').trim();
  return `The demo seed started at ${startedAt} did not finish: ${dataDir} holds part of a demo (its people may be missing from the sign-in page). Stop, delete that folder and start again to seed the demo whole.`;
}
