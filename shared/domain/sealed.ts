import { describeInstant } from './dates';
import { RuleViolation, violation } from './errors';
import type { Sentence } from './sentence';

/** A sealed PV or grid cannot be altered (PV-7). */
export class SealedRecordImmutable extends RuleViolation {}

/** A record that is sealed once complete: a PV or a grid. */
export interface Sealable {
  sealedAt?: Date;
}

/**
 * PV-7: throws {@link SealedRecordImmutable} when `record` is sealed; call before any change.
 * `what` names the record in each language, the French with its article (`le PV pv-1`, `la grille de …`).
 */
export function assertNotSealed(record: Sealable, what: Sentence): void {
  if (record.sealedAt) {
    throw new SealedRecordImmutable([
      violation('PV-7', {
        en: `${what.en} was sealed on ${record.sealedAt.toISOString()} and is kept unaltered; it can no longer be changed`,
        fr: `${what.fr} est sous scellé depuis le ${describeInstant(record.sealedAt, 'UTC', 'fr')} : son contenu est conservé sans altération et ne peut plus être modifié`,
      }), // PV-7
    ]);
  }
}

function stable(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Date)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}

/**
 * PV-7 at the storage edge: when `before` is sealed, `after` must be identical to it.
 * Throws {@link SealedRecordImmutable} otherwise.
 */
export function assertSealedUnchanged<T extends Sealable>(before: T, after: T, what: Sentence): void {
  if (before.sealedAt && stable(before) !== stable(after)) assertNotSealed(before, what); // PV-7
}
