import { NotFound } from '../errors';
import { loadReferential } from './load';
import { RNCP34757 } from './rncp34757';
import type { Referential } from './schema';

export * from './schema';
export * from './load';
export * from './rncp34757';

/** Every title Certiflow knows, validated once at load (REF-1). */
export const REFERENTIALS: readonly Referential[] = [loadReferential(RNCP34757)];

/** The validated referential of a title; throws {@link NotFound} for an unknown RNCP code. */
export function referentialFor(rncpCode: string): Referential {
  const ref = REFERENTIALS.find((r) => r.rncpCode === rncpCode);
  if (!ref) {
    const known = REFERENTIALS.map((r) => r.rncpCode).join(', ');
    throw new NotFound({ en: `no referential is defined for ${rncpCode}; known titles: ${known}`, fr: `aucun référentiel n'est défini pour ${rncpCode} ; titres connus : ${known}` });
  }
  return ref;
}
