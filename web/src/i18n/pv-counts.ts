import type { PvCounts } from '../../../shared/domain/pv';
import type { Language } from '../../../shared/domain/sentence';
import { pluriel } from './plural';

/** PV-2: the counts of the PV's part 1, as the jury and the session manager read them. */
export const PV_COUNTS: Record<Language, (counts: PvCounts) => string> = {
  fr: (c) =>
    `${c.registered} ${pluriel(c.registered, 'inscrit', 'inscrits')}, ${c.absent} ${pluriel(c.absent, 'absent', 'absents')}, ${c.admitted} admis, ${c.partiallyAdmitted} admis partiellement, ${c.notAdmitted} non admis`,
  en: (c) => `${c.registered} registered, ${c.absent} absent, ${c.admitted} admitted, ${c.partiallyAdmitted} partially admitted, ${c.notAdmitted} not admitted`,
};
