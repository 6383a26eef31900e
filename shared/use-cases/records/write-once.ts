import { Conflict } from '../../domain';
import type { RecordsArchive, StoredRecord } from './documents';

/**
 * Writes a record that must exist once (PV-7). A retry that finds the key already holding the
 * same bytes (the documents are rendered from the data alone) takes that record; other bytes
 * under the key are a conflict, and the record there stays as it was.
 */
export async function writeOnce(archive: Pick<RecordsArchive, 'put' | 'find'>, key: string, bytes: Uint8Array, contentType: string, sha256: string): Promise<StoredRecord> {
  try {
    return await archive.put(key, bytes, contentType);
  } catch (error) {
    if (!(error instanceof Conflict)) throw error;
    const existing = await archive.find(key);
    if (existing?.sha256 === sha256) return existing;
    throw new Conflict(`the record ${key} already holds other bytes (SHA-256 ${existing?.sha256 ?? 'unknown'}); records are never replaced (PV-7)`, [
      { ruleId: 'PV-7', message: `PV-7: ${key} was written before with other content and is kept unaltered` },
    ]);
  }
}
