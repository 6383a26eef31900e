import type { SessionStatus } from '../../../shared/use-cases/sessions/records';
import { messages, type Language } from './i18n';
import { PV_COUNTS } from './pv-counts';

/** The deliverables' names by type, as the candidate, the jury and the session manager read them. */
export const DELIVERABLE_NAMES: Record<Language, Readonly<Record<string, string>>> = {
  fr: {
    'project-report': "Rapport du projet chef d'œuvre",
    'practical-case-1-report': 'Rapport du cas pratique 1',
    'practical-case-2-report': 'Rapport du cas pratique 2',
  },
  en: {
    'project-report': 'Capstone project report',
    'practical-case-1-report': 'Practical case 1 report',
    'practical-case-2-report': 'Practical case 2 report',
  },
};

/**
 * A session's status in the words of the people who run it (the jury, the session manager, the
 * quality committee); each area words some statuses its own way over these.
 */
export const SESSION_STATUS: Record<Language, Readonly<Record<SessionStatus, string>>> = {
  fr: {
    planning: 'En planification',
    intake: 'Dépôt des livrables',
    'jury-review': 'Examen par le jury',
    'ready-for-exam': "Prête pour le jour d'examen",
    'exam-day': "Jour d'examen",
    deliberated: 'Délibérée',
    sealed: 'PV scellé',
    'results-released': 'Résultats publiés',
    annulled: 'Annulée',
    failed: 'Interrompue',
  },
  en: {
    planning: 'Planning',
    intake: 'Deliverables intake',
    'jury-review': 'Jury review',
    'ready-for-exam': 'Ready for the exam day',
    'exam-day': 'Exam day',
    deliberated: 'Deliberated',
    sealed: 'PV sealed',
    'results-released': 'Results released',
    annulled: 'Annulled',
    failed: 'Stopped',
  },
};

const PV_ROLE_FR: Readonly<Record<string, string>> = { juror: 'Juré', 'session-manager': 'Responsable de session' };
const PV_ROLE_EN: Readonly<Record<string, string>> = { juror: 'Juror', 'session-manager': 'Session manager' };

/**
 * The words several areas use alike: the deliverables' names, a session's name and facts, and
 * the PV's words (PV-2..7). An area's own dictionary refers to them, so that they stay the same.
 */
export const WORDS = messages({
  fr: {
    deliverable: (type: string, fallback: string = type) => DELIVERABLE_NAMES.fr[type] ?? fallback,
    sessionOf: (date: string, title: string) => `Session du ${date} — ${title}`,
    place: 'Lieu',
    status: 'État',
    timeZone: 'Fuseau horaire',
    accommodation: 'Aménagement',
    annulmentReason: "Motif de l'annulation",
    annulledOn: 'Annulée le',
    blockers: 'Ce qui bloque la session',
    candidate: 'Candidat',
    startOral: "Démarrer l'oral",
    certification: 'Certification',
    centre: 'Centre organisateur',
    result: 'Résultat',
    blocksValidated: 'Blocs validés',
    capacity: 'Qualité',
    pvRole: (role: string) => PV_ROLE_FR[role] ?? role,
    signature: 'Signature',
    notSigned: 'Non signé',
    pvComplete: 'Rien ne manque : le PV peut être scellé.',
    pvCounts: PV_COUNTS.fr,
    retentionLock: (mode: string, until: string) =>
      mode === 'COMPLIANCE' ? `Verrouillé en mode conformité (S3 Object Lock COMPLIANCE) : ni modifiable ni supprimable jusqu'au ${until}` : `Verrouillé (S3 Object Lock ${mode}) jusqu'au ${until}`,
  },
  en: {
    deliverable: (type: string, fallback: string = type) => DELIVERABLE_NAMES.en[type] ?? fallback,
    sessionOf: (date: string, title: string) => `Session of ${date} — ${title}`,
    place: 'Place',
    status: 'Status',
    timeZone: 'Time zone',
    accommodation: 'Accommodation',
    annulmentReason: 'Reason for the annulment',
    annulledOn: 'Annulled on',
    blockers: 'What blocks the session',
    candidate: 'Candidate',
    startOral: 'Start the oral',
    certification: 'Certification',
    centre: 'Organising centre',
    result: 'Result',
    blocksValidated: 'Blocks validated',
    capacity: 'Capacity',
    pvRole: (role: string) => PV_ROLE_EN[role] ?? role,
    signature: 'Signature',
    notSigned: 'Not signed',
    pvComplete: 'Nothing is missing: the PV can be sealed.',
    pvCounts: PV_COUNTS.en,
    retentionLock: (mode: string, until: string) =>
      mode === 'COMPLIANCE' ? `Locked in compliance mode (S3 Object Lock COMPLIANCE): neither alterable nor deletable until ${until}` : `Locked (S3 Object Lock ${mode}) until ${until}`,
  },
});
