import { Conflict, violation } from '../../domain';
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
    const held = existing?.sha256;
    throw new Conflict(
      {
        en: `the record ${key} already holds other bytes (SHA-256 ${held ?? 'unknown'}); records are never replaced (PV-7)`,
        fr: `le document ${key} a déjà un autre contenu (SHA-256 ${held ?? 'inconnu'}) ; un document archivé n'est jamais remplacé (PV-7)`,
      },
      [violation('PV-7', { en: `${key} was written before with other content and is kept unaltered`, fr: `le document ${key} a déjà été écrit avec un autre contenu et reste inchangé` })],
    );
  }
}
