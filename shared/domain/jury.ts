import { checkOf, type Check } from './check';
import { addDays, compareIsoDates, describeDate, describeInstant, localDate, type IsoDate, type SessionCalendar } from './dates';
import { DELIVERABLE_LEAD_DAYS, describeIntakeClose, intakeClosesAt } from './deliverables';
import { RuleViolation, violation, type Violation } from './errors';
import { fullName, type Person } from './people';
import type { DeliverableType } from './referential/schema';
import { frenchDe } from './sentence';

/** Minimum number of jurors in a session (JURY-1). */
export const MIN_JURORS = 2;
/** Minimum years of professional experience of a juror (JURY-2). */
export const MIN_JUROR_EXPERIENCE_YEARS = 2;
/** Days before the session by which each juror must hold the guide (JURY-7, DIST-4). */
export const GUIDE_TO_JURY_LEAD_DAYS = 14;

/** The certifier's authorisation for a person to sit on juries, valid between two dates inclusive. */
export interface Habilitation {
  id: string;
  /** The certifier that granted it, e.g. Simplon. */
  issuedBy: string;
  validFrom: IsoDate;
  validUntil: IsoDate;
  /** Set when the certifier withdrew it; invalid from that day on. */
  revokedOn?: IsoDate;
}

/** A juror of a session: a professional of the field with a habilitation (JURY-2). */
export interface Juror extends Person {
  /** Their trade: AI developer, data analyst, data engineer, full-stack developer… */
  profession: string;
  yearsOfExperience: number;
  habilitation?: Habilitation;
}

/** A candidate of a session, as the jury rules see them; `id` is the candidate's id. */
export interface SessionCandidate extends Person {
  registrationId: string;
  /** The people who trained this candidate for the title (JURY-3). */
  trainerIds: string[];
}

/** What a session's jury check needs. */
export interface SessionJuryInput {
  sessionDate: IsoDate;
  jurors: readonly Juror[];
  candidates: readonly SessionCandidate[];
}

/** The session has fewer than 2 jurors (JURY-1). */
export class JuryTooSmall extends RuleViolation {}
/** A juror lacks the experience or a valid habilitation (JURY-2). */
export class JurorNotQualified extends RuleViolation {}
/** A trainer of the session's candidates sits on its jury (JURY-3). */
export class TrainerOnJury extends RuleViolation {}

/** JURY-2: whether a habilitation is valid on `date`, with the reason when it is not. */
export function checkHabilitation(juror: Juror, date: IsoDate): Check {
  const name = fullName(juror);
  const h = juror.habilitation;
  const day = describeDate(date, 'fr');
  if (!h) {
    return checkOf([
      violation('JURY-2', { en: `${name} holds no habilitation from the certifier; record one valid on ${date}`, fr: `${name} ne détient aucune habilitation du certificateur ; enregistrez-en une valide le ${day}` }),
    ]);
  }
  if (compareIsoDates(date, h.validFrom) < 0) {
    return checkOf([
      violation('JURY-2', {
        en: `${name}'s habilitation is valid only from ${h.validFrom}, after the session on ${date}`,
        fr: `l'habilitation ${frenchDe(name)} n'est valide qu'à partir du ${describeDate(h.validFrom, 'fr')}, après la session du ${day}`,
      }),
    ]);
  }
  if (compareIsoDates(date, h.validUntil) > 0) {
    return checkOf([
      violation('JURY-2', {
        en: `${name}'s habilitation expired on ${h.validUntil}, before the session on ${date}; it must be renewed`,
        fr: `l'habilitation ${frenchDe(name)} a expiré le ${describeDate(h.validUntil, 'fr')}, avant la session du ${day} ; elle doit être renouvelée`,
      }),
    ]);
  }
  if (h.revokedOn && compareIsoDates(date, h.revokedOn) >= 0) {
    return checkOf([violation('JURY-2', { en: `${name}'s habilitation was withdrawn on ${h.revokedOn}`, fr: `l'habilitation ${frenchDe(name)} a été retirée le ${describeDate(h.revokedOn, 'fr')}` })]);
  }
  return checkOf([]);
}

/**
 * Checks a session's jury: at least 2 jurors (JURY-1); each a professional with at least 2
 * years of experience and a habilitation valid on the session date (JURY-2); none a trainer
 * of the session's candidates (JURY-3).
 */
export function checkSessionJury(input: SessionJuryInput): Check {
  const { sessionDate, jurors, candidates } = input;
  const found: Violation[] = [];
  const distinct = new Set(jurors.map((j) => j.id));
  if (distinct.size < MIN_JURORS) {
    const s = distinct.size === 1 ? '' : 's';
    found.push(violation('JURY-1', { en: `the session has ${distinct.size} juror${s}; at least ${MIN_JURORS} are required`, fr: `la session compte ${distinct.size} juré${s} ; il en faut au moins ${MIN_JURORS}` })); // JURY-1
  }
  for (const juror of jurors) {
    const name = fullName(juror);
    if (juror.profession.trim() === '') {
      found.push(violation('JURY-2', { en: `${name} has no profession recorded; a juror is a professional of the field`, fr: `aucune profession n'est enregistrée pour ${name} ; un juré est un professionnel du métier` })); // JURY-2
    }
    if (juror.yearsOfExperience < MIN_JUROR_EXPERIENCE_YEARS) {
      const years = juror.yearsOfExperience;
      found.push(
        violation('JURY-2', {
          en: `${name} has ${years} year${years === 1 ? '' : 's'} of experience; at least ${MIN_JUROR_EXPERIENCE_YEARS} are required`,
          fr: `${name} a ${years} an${years === 1 ? '' : 's'} d'expérience ; il en faut au moins ${MIN_JUROR_EXPERIENCE_YEARS}`,
        }),
      ); // JURY-2
    }
    found.push(...checkHabilitation(juror, sessionDate).violations); // JURY-2
    const trained = candidates.filter((c) => c.trainerIds.includes(juror.id));
    if (trained.length > 0) {
      const trainees = trained.map(fullName).join(', ');
      found.push(violation('JURY-3', { en: `${name} trained ${trainees} and cannot sit on this session's jury`, fr: `${name} a formé ${trainees} et ne peut pas siéger dans le jury de cette session` })); // JURY-3
    }
  }
  return checkOf(found);
}

/**
 * Throws when the session's jury breaks JURY-1, JURY-2 or JURY-3: {@link JuryTooSmall},
 * {@link JurorNotQualified} or {@link TrainerOnJury} after the first rule broken, carrying every violation.
 */
export function assertSessionJury(input: SessionJuryInput): void {
  const { violations } = checkSessionJury(input);
  const first = violations[0];
  if (!first) return;
  if (first.ruleId === 'JURY-1') throw new JuryTooSmall(violations);
  if (first.ruleId === 'JURY-2') throw new JurorNotQualified(violations);
  throw new TrainerOnJury(violations);
}

/** A juror stepping out while the jury should be together (JURY-6). */
export interface JurorAbsence {
  jurorId: string;
  from: Date;
  to: Date;
}

/** A candidate's exam, from its start to its end. */
export interface ExamPeriod {
  registrationId: string;
  candidateName: string;
  startAt: Date;
  endAt: Date;
}

/**
 * JURY-6: the jury stays together for every exam. Each absence overlapping an exam is a
 * violation to report to the quality committee, which leads to annulment.
 */
export function checkJuryPresence(jurors: readonly Person[], exams: readonly ExamPeriod[], absences: readonly JurorAbsence[]): Check {
  const found: Violation[] = [];
  for (const absence of absences) {
    const juror = jurors.find((j) => j.id === absence.jurorId);
    const name = juror ? fullName(juror) : absence.jurorId;
    for (const exam of exams) {
      if (absence.from < exam.endAt && absence.to > exam.startAt) {
        found.push(
          violation('JURY-6', {
            en: `${name} was absent during ${exam.candidateName}'s exam; the jury must stay together, and this is reported to the quality committee`,
            fr: `${name} a quitté le jury pendant l'épreuve ${frenchDe(exam.candidateName)} ; le jury doit rester réuni, et ce manquement est signalé au comité qualité`,
          }),
        ); // JURY-6
      }
    }
  }
  return checkOf(found);
}

/** When a juror received the guide (a day) and the candidates' deliverables (an instant). */
export interface JurorReceipts {
  jurorId: string;
  guideReceivedOn?: IsoDate;
  deliverablesReceivedAt?: Date;
}

/**
 * JURY-7: each juror receives the deliverables by the time intake closes, 5 days before the
 * session (DELIV-4), and the guide at least 2 weeks before (DIST-4), both counted in the
 * session's time zone. A receipt not yet recorded is a violation once its deadline has passed at `now`.
 */
export function checkJuryReceipts(calendar: SessionCalendar, jurors: readonly Juror[], receipts: readonly JurorReceipts[], now: Date): Check {
  const guideDeadline = addDays(calendar.date, -GUIDE_TO_JURY_LEAD_DAYS);
  const deliverablesDeadline = intakeClosesAt(calendar);
  const today = localDate(now, calendar.timeZone);
  const found: Violation[] = [];
  for (const juror of jurors) {
    const name = fullName(juror);
    const r = receipts.find((x) => x.jurorId === juror.id);
    const guide = r?.guideReceivedOn;
    if (guide ? compareIsoDates(guide, guideDeadline) > 0 : compareIsoDates(today, guideDeadline) > 0) {
      found.push(
        violation('JURY-7', {
          en: `${name} ${guide ? `received the guide on ${guide}` : 'has not received the guide'}; it was due by ${guideDeadline}, 2 weeks before the session`,
          fr: `${name} ${guide ? `a reçu le guide le ${describeDate(guide, 'fr')}` : "n'a pas reçu le guide"} ; il devait lui parvenir au plus tard le ${describeDate(guideDeadline, 'fr')}, 2 semaines avant la session`,
        }),
      ); // JURY-7
    }
    const deliverables = r?.deliverablesReceivedAt;
    if (deliverables ? deliverables.getTime() > deliverablesDeadline.getTime() : now.getTime() > deliverablesDeadline.getTime()) {
      const what = deliverables ? `received the candidates' deliverables at ${describeInstant(deliverables, calendar.timeZone)}` : "has not received the candidates' deliverables";
      const whatFr = deliverables ? `a reçu les livrables des candidats le ${describeInstant(deliverables, calendar.timeZone, 'fr')}` : "n'a pas reçu les livrables des candidats";
      found.push(
        violation('JURY-7', {
          en: `${name} ${what}; they were due by ${describeIntakeClose(calendar)}, ${DELIVERABLE_LEAD_DAYS} days before the session`,
          fr: `${name} ${whatFr} ; ils devaient lui parvenir au plus tard le ${describeIntakeClose(calendar, 'fr')}, ${DELIVERABLE_LEAD_DAYS} jours avant la session`,
        }),
      ); // JURY-7
    }
  }
  return checkOf(found);
}

/** The documents handed to the jury (Q16, Q18), by id; absent ones are undefined. */
export interface DossierJury {
  guideDocumentId?: string;
  referentialDocumentId?: string;
  pvId?: string;
  /** One grid per candidate, by registration id. */
  gridIds: Record<string, string>;
  /** The deliverable type ids the dossier holds, by registration id. */
  deliverables: Record<string, string[]>;
}

/** A candidate as the dossier check needs them: who, and which deliverables they owe. */
export interface DossierCandidate {
  registrationId: string;
  name: string;
  /** Each deliverable owed: `label` names it in English, `name` in French. */
  owed: readonly Pick<DeliverableType, 'id' | 'label' | 'name'>[];
}

/** JURY-8: the dossier jury holds the guide, the referential, one grid per candidate, their deliverables and the PV. */
export function checkDossierJury(dossier: DossierJury, candidates: readonly DossierCandidate[]): Check {
  const found: Violation[] = [];
  if (!dossier.guideDocumentId) found.push(violation('JURY-8', { en: "the dossier jury lacks the guide (mode d'emploi)", fr: "le dossier jury ne contient pas le guide (mode d'emploi)" })); // JURY-8
  if (!dossier.referentialDocumentId) {
    found.push(violation('JURY-8', { en: 'the dossier jury lacks the competency and evaluation referential', fr: "le dossier jury ne contient pas le référentiel de compétences et d'évaluation" }));
  }
  if (!dossier.pvId) found.push(violation('JURY-8', { en: 'the dossier jury lacks the PV', fr: 'le dossier jury ne contient pas le PV' }));
  for (const c of candidates) {
    if (!dossier.gridIds[c.registrationId]) {
      found.push(violation('JURY-8', { en: `the dossier jury lacks ${c.name}'s evaluation grid`, fr: `le dossier jury ne contient pas la grille d'évaluation ${frenchDe(c.name)}` }));
    }
    const held = dossier.deliverables[c.registrationId] ?? [];
    for (const d of c.owed) {
      if (!held.includes(d.id)) found.push(violation('JURY-8', { en: `the dossier jury lacks ${c.name}'s ${d.label}`, fr: `le dossier jury ne contient pas le livrable "${d.name}" ${frenchDe(c.name)}` }));
    }
  }
  return checkOf(found);
}
