import {
  computeScope,
  loadReferential,
  referentialFor,
  type Juror,
  type Referential,
  type ReferentialDefinition,
  type Registration,
  type SessionCandidate,
} from '../../../shared/domain';

export const ref: Referential = referentialFor('RNCP34757');

/** A made-up title, unlike RNCP34757 in every count, to prove no rule code is title-specific. */
export const TOY_DEFINITION: ReferentialDefinition = {
  rncpCode: 'RNCP99999',
  title: 'Pâtissier·ère de démonstration',
  certifier: 'Exemple',
  modalities: [
    { code: 'E1', name: 'Réalisation', parts: ['report', 'presentation'] },
    { code: 'E2', name: 'Dossier technique', parts: ['report'] },
  ],
  blocks: [
    { code: 'B1', title: 'Préparer les pâtes', partialCertificationCode: 'RNCP99999BC01', modalities: ['E1'] },
    { code: 'B2', title: 'Décorer', partialCertificationCode: 'RNCP99999BC02', modalities: ['E1', 'E2'] },
  ],
  competencies: [
    { code: 'K1', block: 'B1', modalities: ['E1'] },
    { code: 'K2', block: 'B1', modalities: ['E1'] },
    { code: 'K3', block: 'B2', modalities: ['E1'] },
    { code: 'K4', block: 'B2', modalities: ['E2'] },
  ],
  deliverables: [
    { id: 'realisation-report', name: 'Dossier de réalisation', label: 'realisation report', modality: 'E1', minPages: 3, maxPages: 4 },
    { id: 'technical-file', name: 'Dossier technique', label: 'technical file', modality: 'E2', minPages: 1, maxPages: 2 },
  ],
  exam: {
    segments: [
      { id: 'show', name: 'Présentation', minutes: 20, modality: 'E1' },
      { id: 'file', name: 'Échange sur le dossier', minutes: 10, modality: 'E2' },
    ],
    slotMinutes: 40,
  },
};

export const toy: Referential = loadReferential(TOY_DEFINITION);

export const first = (id = 'reg-1', candidateId = 'cand-1'): Registration => ({ kind: 'first-attempt', id, sessionId: 'ses-1', candidateId });

export const retake = (validated: string[], previousSessionDate = '2025-03-10', newTraining = false): Registration => ({
  kind: 'retake',
  id: 'reg-r',
  sessionId: 'ses-2',
  candidateId: 'cand-r',
  previouslyValidatedBlocks: validated,
  previousSessionDate,
  newTraining,
});

export const fullScope = computeScope(ref, first());

export const juror = (id: string, firstName: string, lastName: string, over: Partial<Juror> = {}): Juror => ({
  id,
  firstName,
  lastName,
  profession: 'AI developer',
  yearsOfExperience: 5,
  habilitation: { id: `hab-${id}`, issuedBy: 'Simplon', validFrom: '2024-01-01', validUntil: '2026-12-31' },
  ...over,
});

export const alex = juror('j-alex', 'Alex', 'Martin');
export const sam = juror('j-sam', 'Sam', 'Bernard');
export const lou = juror('j-lou', 'Lou', 'Petit');

export const candidate = (id: string, firstName: string, lastName: string, trainerIds: string[] = ['t-1']): SessionCandidate => ({
  id,
  firstName,
  lastName,
  registrationId: `reg-${id}`,
  trainerIds,
});

export const camille = candidate('cand-camille', 'Camille', 'Durand');
export const noah = candidate('cand-noah', 'Noah', 'Leroy');

/** Every competency of a scope set to `acquired` except those listed. */
export function decisionsFor(competencyCodes: readonly string[], notAcquired: readonly string[] = []): Record<string, 'acquired' | 'not_acquired'> {
  return Object.fromEntries(competencyCodes.map((c) => [c, notAcquired.includes(c) ? 'not_acquired' : 'acquired']));
}

export const at = (iso: string): Date => new Date(iso);
