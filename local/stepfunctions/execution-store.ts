import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ExecutionStatus, HistoryEvent } from './types';

/** Where a running execution stands: the top-level state it is in, so a restart can re-enter it. */
export interface ExecutionPosition {
  stateName: string;
  /** the state's raw input */
  input: unknown;
  /** end of a Wait state (epoch ms, virtual clock), kept across restarts */
  waitUntil?: number;
  /** end of a callback task's TimeoutSeconds (epoch ms, virtual clock), kept across restarts */
  taskDeadline?: number;
  /** the token the callback task currently waits for */
  taskToken?: string;
}

/** Everything known about one execution; persisted as one JSON file. */
export interface ExecutionRecord {
  executionArn: string;
  stateMachineArn: string;
  stateMachineName: string;
  name: string;
  status: ExecutionStatus;
  /** execution input as the JSON string StartExecution received */
  input: string;
  output?: string;
  error?: string;
  cause?: string;
  /** epoch ms, virtual clock */
  startDate: number;
  stopDate?: number;
  /** end of the top-level TimeoutSeconds (epoch ms, virtual clock) */
  timeoutAt?: number;
  position?: ExecutionPosition;
  history: HistoryEvent[];
}

/** Keeps execution records as JSON files under `<dataDir>/<state machine>/<execution>.json`. */
export class ExecutionStore {
  private readonly writes = new Map<string, { running: Promise<void>; again: boolean }>();

  constructor(private readonly dataDir: string) {}

  /** Every record saved so far (unreadable files are reported through `onError` and skipped). */
  async loadAll(onError: (file: string, error: unknown) => void): Promise<ExecutionRecord[]> {
    await mkdir(this.dataDir, { recursive: true });
    const records: ExecutionRecord[] = [];
    for (const machine of await readdir(this.dataDir, { withFileTypes: true })) {
      if (!machine.isDirectory()) continue;
      const folder = join(this.dataDir, machine.name);
      for (const file of await readdir(folder)) {
        if (!file.endsWith('.json')) continue;
        try {
          records.push(JSON.parse(await readFile(join(folder, file), 'utf8')) as ExecutionRecord);
        } catch (error) {
          onError(join(folder, file), error);
        }
      }
    }
    return records;
  }

  /** Schedules a write of the record's current state; writes of one record never overlap. */
  save(record: ExecutionRecord): Promise<void> {
    const key = record.executionArn;
    const inFlight = this.writes.get(key);
    if (inFlight) {
      inFlight.again = true;
      return inFlight.running;
    }
    const slot = { running: Promise.resolve(), again: false };
    slot.running = (async () => {
      try {
        do {
          slot.again = false;
          await this.write(record);
        } while (slot.again);
      } finally {
        this.writes.delete(key);
      }
    })();
    this.writes.set(key, slot);
    return slot.running;
  }

  /** Resolves once every scheduled write has reached the disk. */
  async flush(): Promise<void> {
    while (this.writes.size > 0) await Promise.allSettled([...this.writes.values()].map((slot) => slot.running));
  }

  private async write(record: ExecutionRecord): Promise<void> {
    const folder = join(this.dataDir, record.stateMachineName);
    await mkdir(folder, { recursive: true });
    const file = join(folder, `${record.name}.json`);
    const temporary = `${file}.${process.pid}.tmp`;
    await writeFile(temporary, JSON.stringify(record));
    await rename(temporary, file);
  }
}
