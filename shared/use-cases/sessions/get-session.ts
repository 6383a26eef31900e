import { describeInstant, localInstant } from '../../domain/dates';
import { DEFAULT_START_TIME } from '../../domain/session';
import type { Violation } from '../../domain/errors';
import type { Caller } from '../caller';
import type { Deps } from '../deps';
import { eligibilityOf, missingDeclarations } from '../deliverables/jury-access';
import { planningViolations } from './planning-check';
import type { WorkflowStatus } from './ports';
import { calendarOf, publicSession, type PublicSession, type SessionPlanning, type SessionStatus, type TrainerRecord } from './records';
import { fullName } from '../../domain/people';
import { frenchDe, sentenceIn, type Language, type Sentence } from '../../domain/sentence';
import { sessionReader } from './session-access';
import { assignedJurors, loadPlanning } from './planning-reads';

/** What the session waits for next, and from whom. */
export interface NextStep {
  step: 'close-planning' | 'workflow' | 'intake-deadline' | 'declarations' | 'exam-day' | 'candidate' | 'pv-seal' | 'none';
  /** A sentence a person can act on. */
  waitsFor: string;
  /** The role that must act, when a person must. */
  by?: 'managers';
  /** When it will happen by itself, for a deadline. */
  at?: string;
}

/** A session as `GET /sessions/{id}` shows it. */
export interface SessionView extends PublicSession {
  /**
   * The execution's status, as ops see it in the Step Functions console: for the centre (its
   * managers, the quality committee) only. A juror neither needs it nor may read the account's
   * internals its ARN names, and the exam-day pages jurors keep open read their session every few
   * seconds without asking Step Functions each time. It is read after the record, so for a moment
   * it can show the state the record's next change leads to (a wait entered right after its task wrote).
   */
  workflow?: WorkflowStatus;
  next: NextStep;
  /** What keeps the session from its next step, by rule. */
  blockers: Violation[];
  jurors: Array<{ jurorId: string; firstName: string; lastName: string }>;
  candidates: number;
  /**
   * The cohort's trainers (JURY-3), as `PUT /sessions/{id}/trainers` last set them: for the
   * centre's managers and the quality committee only, never for the jurors.
   */
  trainers?: TrainerRecord[];
  /** For a juror of the session: which of `jurors` they are, so that they find themself among the signers of the PV and the grids. */
  you?: { jurorId: string };
}

/** What the session waits for next, in English and in French: `waitsFor` is said in the caller's language. */
type NextStepSaid = Omit<NextStep, 'waitsFor'> & { waitsFor: Sentence };

/** A stored reason (failure, overdue step) as a sentence: its French when recorded, else its English in both. */
function storedReason(stored: { reason: string; reasonFr?: string }): Sentence {
  return { en: stored.reason, fr: stored.reasonFr ?? stored.reason };
}

function nextStepSaid(planning: SessionPlanning, blockers: readonly Violation[]): NextStepSaid {
  const { session } = planning;
  if (session.status === 'failed') {
    const reason = session.failure ? storedReason(session.failure) : { en: 'the workflow failed', fr: 'le processus de la session a échoué' };
    return { step: 'none', waitsFor: { en: `nothing: ${reason.en}`, fr: `rien : ${reason.fr}` } };
  }
  if (session.status === 'intake' && session.intake) {
    const closesAt = new Date(session.intake.closesAt);
    const { timeZone } = calendarOf(session);
    return {
      step: 'intake-deadline',
      waitsFor: {
        en: `candidates' deliverables until intake closes at ${describeInstant(closesAt, timeZone)}, 5 days before the session (DELIV-4)`,
        fr: `les livrables des candidats, jusqu'à la clôture des dépôts le ${describeInstant(closesAt, timeZone, 'fr')}, 5 jours avant la session (DELIV-4)`,
      },
      at: session.intake.closesAt,
    };
  }
  const overdueStep: Partial<Record<SessionStatus, NextStep['step']>> = { planning: 'close-planning', 'jury-review': 'declarations', 'exam-day': 'candidate', deliberated: 'pv-seal' };
  if (session.overdue && overdueStep[session.status]) return { step: overdueStep[session.status]!, waitsFor: storedReason(session.overdue), by: 'managers' };
  if (session.status === 'exam-day') {
    const current = planning.registrations.find((r) => r.id === session.examDay?.current);
    const name = current && fullName(current.candidate);
    return {
      step: 'candidate',
      waitsFor: name
        ? { en: `${name}'s exam and deliberation (EXAM-1, DELIB-4)`, fr: `l'épreuve ${frenchDe(name)} et la délibération du jury (EXAM-1, DELIB-4)` }
        : { en: 'the workflow to call the next candidate', fr: "l'appel du candidat suivant par le processus de la session" },
    };
  }
  if (session.status === 'deliberated') {
    return {
      step: 'pv-seal',
      waitsFor: {
        en: 'the PV to be signed by the jurors and the session manager, stamped and sealed (PV-4, PV-6)',
        fr: "la signature du PV par les jurés et le responsable de session, l'apposition du cachet et le scellement (PV-4, PV-6)",
      },
      by: 'managers',
    };
  }
  if (session.status === 'jury-review') {
    return {
      step: 'declarations',
      waitsFor:
        blockers.length === 0
          ? { en: 'every juror to declare their links with the candidates (JURY-4)', fr: 'la déclaration, par chaque juré, de ses liens avec les candidats (JURY-4)' }
          : { en: 'the blockers to be resolved: declarations, or another juror assigned (JURY-4)', fr: "la levée des blocages : les déclarations attendues, ou l'affectation d'un autre juré (JURY-4)" },
    };
  }
  if (session.status === 'ready-for-exam') {
    const { date, timeZone } = calendarOf(session);
    const startsAt = localInstant(date, session.startTime ?? DEFAULT_START_TIME, timeZone);
    return {
      step: 'exam-day',
      waitsFor: { en: `the exam day, which starts at ${describeInstant(startsAt, timeZone)}`, fr: `le jour d'examen, qui commence le ${describeInstant(startsAt, timeZone, 'fr')}` },
      at: startsAt.toISOString(),
    };
  }
  if (session.planningClosed) {
    return {
      step: 'workflow',
      waitsFor: {
        en: 'the workflow to check the jury and registrations and open intake',
        fr: "la vérification du jury et des inscriptions par le processus de la session, puis l'ouverture des dépôts",
      },
    };
  }
  if (session.pendingStep?.step !== 'planning') return { step: 'workflow', waitsFor: { en: 'the workflow to open planning', fr: "l'ouverture de la planification par le processus de la session" } };
  return {
    step: 'close-planning',
    waitsFor:
      blockers.length === 0
        ? { en: 'the session manager to close planning', fr: 'la clôture de la planification par le responsable de session' }
        : { en: 'the session manager to resolve the blockers, then close planning', fr: 'la levée des blocages par le responsable de session, puis la clôture de la planification' },
    by: 'managers',
  };
}

/** What the session waits for next, said in `language`. */
function nextStep(planning: SessionPlanning, blockers: readonly Violation[], language: Language): NextStep {
  const said = nextStepSaid(planning, blockers);
  return { ...said, waitsFor: sentenceIn(said.waitsFor, language) };
}

/**
 * Reads a session the caller may see: its record, for the centre its workflow status read from the execution,
 * what it waits for next and what blocks it, with rule IDs; what it waits for, and why it stopped
 * or is overdue, said in `language`. The centre (its managers, the quality committee) also reads
 * the cohort's trainers; a juror of the session, which juror they are.
 */
export async function getSession(deps: Pick<Deps, 'sessions' | 'jurors' | 'workflow'>, caller: Caller, sessionId: string, language: Language = 'en'): Promise<SessionView> {
  const planning = await loadPlanning(deps.sessions, sessionId);
  const reader = await sessionReader(caller, planning, deps.jurors);
  const [assigned, workflow] = await Promise.all([assignedJurors(deps.jurors, planning), reader.centre ? deps.workflow.describe(sessionId) : undefined]);
  const blockers =
    planning.session.status === 'planning'
      ? planningViolations(planning, assigned)
      : planning.session.status === 'jury-review'
        ? [...eligibilityOf(planning, assigned).violations, ...missingDeclarations(planning, assigned)]
        : [];
  return {
    ...publicSession(planning.session, language),
    ...(workflow ? { workflow } : {}),
    next: nextStep(planning, blockers, language),
    blockers,
    jurors: assigned.map((j) => ({ jurorId: j.id, firstName: j.firstName, lastName: j.lastName })),
    candidates: planning.registrations.length,
    ...(reader.centre ? { trainers: planning.trainers } : {}),
    ...(reader.juror ? { you: { jurorId: reader.juror.id } } : {}),
  };
}
