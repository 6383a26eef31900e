import { violation, type Violation } from './errors';
import type { Referential } from './referential/schema';

/** A validated block as documents print it. */
export interface CertifiedBlock {
  code: string;
  title: string;
  partialCertificationCode: string;
}

/**
 * What the candidate receives (RETAKE-1): the "parchemin" (diploma) for the whole title, a
 * "livret de certification" listing the validated blocks, or nothing, with the reason.
 */
export type Certificate =
  | { kind: 'parchemin'; rncpCode: string; title: string; blocks: CertifiedBlock[] }
  | { kind: 'livret'; rncpCode: string; title: string; blocks: CertifiedBlock[] }
  | { kind: 'none'; rncpCode: string; reason: Violation };

/** RETAKE-1: every block validated → parchemin; some → livret listing them; none → nothing. */
export function certificateFor(ref: Referential, blocksValidated: readonly string[]): Certificate {
  const blocks = ref.blocks
    .filter((b) => blocksValidated.includes(b.code))
    .map((b) => ({ code: b.code, title: b.title, partialCertificationCode: b.partialCertificationCode }));
  if (blocks.length === ref.blocks.length) return { kind: 'parchemin', rncpCode: ref.rncpCode, title: ref.title, blocks }; // RETAKE-1
  if (blocks.length > 0) return { kind: 'livret', rncpCode: ref.rncpCode, title: ref.title, blocks }; // RETAKE-1
  return {
    kind: 'none',
    rncpCode: ref.rncpCode,
    reason: violation('RETAKE-1', {
      en: `no block of ${ref.rncpCode} is validated, so neither a parchemin nor a livret is issued`,
      fr: `aucun bloc de ${ref.rncpCode} n'est validé : ni parchemin ni livret n'est délivré`,
    }),
  };
}
