import { checkRegistration, Conflict, describeDate, fullName, InvalidInput, referentialFor, RuleViolation, violation, type Sentence, type Violation } from '../../domain';
import type { SittingRecord } from '../exam-day/records';
import type { RegisterCandidateInput } from '../../schemas/candidate-schemas';
import { actorOf, type Caller } from '../caller';
import type { Deps } from '../deps';
import { toDomainRegistration } from '../sessions/planning-check';
import { calendarOf, type RegistrationRecord, type SessionPlanning } from '../sessions/records';
import type { FullRegistrationView } from './registration-views';
import { assertManagesSession, assertPlanningOpen } from '../sessions/session-access';
import { applySessionChange } from '../sessions/session-changes';
import { MAX_CANDIDATES_PER_SESSION } from '../limits';


/** The registration breaks a rule: unknown blocks or nothing left to retake (RETAKE-2), too late without training (RETAKE-4). */
export class RegistrationRefused extends RuleViolation {
  constructor(
    violations: readonly Violation[],
    /** The part of the body at fault, when the refusal is about one (an import names its column). */
    readonly field?: 'attempt' | 'previouslyValidatedBlocks' | 'previousSessionDate',
  ) {
    super(violations);
  }
}

/**
 * A person's sittings in the results ledger, those of annulled sessions with no block (QUAL-2: an
 * annulled session's results stand void; the person still sat it, which RETAKE-4 counts).
 */
export async function standingSittings(deps: Pick<Deps, 'sessions'>, userId: string): Promise<SittingRecord[]> {
  const sittings = await deps.sessions.sittingsOf(userId);
  if (sittings.length === 0) return sittings;
  const annulled = new Set((await deps.sessions.getMany(sittings.map((s) => s.sessionId))).filter((s) => s.status === 'annulled').map((s) => s.id));
  return sittings.map((s) => (annulled.has(s.sessionId) ? { ...s, blocksValidatedNow: [], blocksHeld: [] } : s)); // QUAL-2
}

/** What the results ledger says of a person's last sitting of a title, to open a RETAKE refusal with. */
function ledgerRecord(name: string, titleCode: string, last: SittingRecord, blocks: readonly string[]): Sentence {
  const held = blocks.length === 0 ? 'aucun bloc' : `${blocks.length === 1 ? 'le bloc' : 'les blocs'} ${blocks.join(', ')}`;
  return {
    en: `the results ledger shows ${name} last sat ${titleCode} on ${last.sessionDate}, holding ${blocks.length > 0 ? blocks.join(', ') : 'no block'}`,
    fr: `le registre des résultats indique que ${name} s'est présenté au titre ${titleCode} pour la dernière fois le ${describeDate(last.sessionDate, 'fr')}, et détient ${held}`,
  };
}

/**
 * What a candidate sitting again brings from before: from the results ledger when the person has
 * sat this title (the blocks they hold, RETAKE-3, and the last session they sat, RETAKE-4), never
 * declared otherwise by hand; else as the manager declares it, for results from before Certiflow.
 */
function earlierResults(ledger: readonly SittingRecord[], titleCode: string, input: RegisterCandidateInput) {
  const sittings = ledger.filter((s) => s.titleCode === titleCode).sort((a, b) => a.sessionDate.localeCompare(b.sessionDate));
  const last = sittings.at(-1);
  const name = fullName(input.candidate);
  if (!last) {
    if (input.attempt === 'first') return { blocks: [] as string[] };
    if (!input.previousSessionDate) {
      throw new InvalidInput(
        {
          en: `previousSessionDate: required for ${name}, who has no result of ${titleCode} on record: the date of the session they last sat (RETAKE-4)`,
          fr: `previousSessionDate : requis pour ${name}, qui n'a aucun résultat enregistré au titre ${titleCode} : la date de la dernière session à laquelle il s'est présenté (RETAKE-4)`,
        },
        'previousSessionDate',
      );
    }
    return { blocks: [...new Set(input.previouslyValidatedBlocks ?? [])], sessionDate: input.previousSessionDate };
  }
  const blocks = [...new Set(sittings.flatMap((s) => s.blocksValidatedNow))].sort();
  const fromLedger = { sittings: sittings.map((s) => ({ sessionId: s.sessionId, sessionDate: s.sessionDate, blocksValidated: s.blocksValidatedNow })) };
  const record = ledgerRecord(name, titleCode, last, blocks);
  if (input.attempt === 'first') {
    throw new RegistrationRefused(
      [violation('RETAKE-2', { en: `${record.en}: register them as sitting again (attempt "retake")`, fr: `${record.fr} : inscrivez-le comme se présentant à nouveau (attempt "retake")` })],
      'attempt',
    ); // RETAKE-2
  }
  const declared = input.previouslyValidatedBlocks ? [...new Set(input.previouslyValidatedBlocks)].sort() : undefined;
  if (declared && declared.join() !== blocks.join()) {
    throw new RegistrationRefused(
      [violation('RETAKE-3', { en: `${record.en}; the blocks held are read from it, not declared otherwise`, fr: `${record.fr} ; les blocs détenus sont lus dans ce registre, et non déclarés autrement` })],
      'previouslyValidatedBlocks',
    ); // RETAKE-3
  }
  if (input.previousSessionDate && input.previousSessionDate !== last.sessionDate) {
    throw new RegistrationRefused(
      [
        violation('RETAKE-4', {
          en: `${record.en}; the year counts from that session, not from ${input.previousSessionDate}`,
          fr: `${record.fr} ; l'année court à compter de cette session, et non du ${describeDate(input.previousSessionDate, 'fr')}`,
        }),
      ],
      'previousSessionDate',
    ); // RETAKE-4
  }
  return { blocks, sessionDate: last.sessionDate, fromLedger };
}

/** Who registers a candidate, when, and under which registration id. */
export interface RegistrationStamp {
  id: string;
  at: string;
  by: string;
}

/**
 * The registration `input` makes in a session, checked as {@link registerCandidate} checks it,
 * without writing: the session has room (90 candidates at most), the candidate is not registered
 * to it yet, their earlier results are read from the results ledger when it holds them
 * (RETAKE-2, RETAKE-3, RETAKE-4), and a retake's blocks and timing hold (RETAKE-2, RETAKE-4).
 * Throws the refusal: `Conflict`, `InvalidInput` naming its field, or `RegistrationRefused`.
 * Pure, given the person's standing sittings (`standingSittings`): an import checks each row of
 * a file with it.
 */
export function checkCandidateRegistration(
  planning: Pick<SessionPlanning, 'session' | 'registrations'>,
  ledger: readonly SittingRecord[],
  input: RegisterCandidateInput,
  stamp: RegistrationStamp,
): RegistrationRecord {
  const { session, registrations } = planning;
  if (registrations.length >= MAX_CANDIDATES_PER_SESSION) {
    throw new Conflict({
      en: `session ${session.id} has ${registrations.length} candidates, the most one session takes; register this candidate in another session`,
      fr: `la session ${session.id} compte ${registrations.length} candidats, le maximum qu'une session accueille ; inscrivez ce candidat dans une autre session`,
    });
  }
  if (registrations.some((r) => r.candidate.userId === input.candidate.userId)) {
    throw new Conflict({
      en: `candidate ${input.candidate.userId} is already registered to session ${session.id}`,
      fr: `le candidat ${input.candidate.userId} est déjà inscrit à la session ${session.id}`,
    });
  }
  const earlier = earlierResults(ledger, session.titleCode, input); // RETAKE-2, RETAKE-3, RETAKE-4
  const registration: RegistrationRecord = {
    id: stamp.id,
    sessionId: session.id,
    candidate: input.candidate,
    attempt: input.attempt,
    previouslyValidatedBlocks: earlier.blocks,
    ...(earlier.sessionDate ? { previousSessionDate: earlier.sessionDate } : {}),
    newTraining: input.attempt === 'retake' ? input.newTraining : false,
    ...(earlier.fromLedger ? { fromLedger: earlier.fromLedger } : {}),
    ...(input.holder ? { holder: input.holder } : {}),
    registeredAt: stamp.at,
    registeredBy: stamp.by,
  };
  const check = checkRegistration(referentialFor(session.titleCode), toDomainRegistration(registration), session.sessionDate, fullName(input.candidate)); // RETAKE-2, RETAKE-4
  if (!check.ok) throw new RegistrationRefused(check.violations);
  return registration;
}

/**
 * Registers a candidate to a session in planning: a first attempt, or a retake limited to the
 * blocks not yet validated (RETAKE-2), refused beyond one year without new training (RETAKE-4).
 * A candidate is registered once per session.
 */
export async function registerCandidate(
  deps: Pick<Deps, 'sessions' | 'now' | 'newId'>,
  caller: Caller,
  sessionId: string,
  input: RegisterCandidateInput,
  registrationId = deps.newId(),
): Promise<FullRegistrationView> {
  let registration: RegistrationRecord | undefined;
  const ledger = await standingSittings(deps, input.candidate.userId);
  const { session } = await applySessionChange(deps, sessionId, actorOf(caller), (planning, at) => {
    assertManagesSession(caller, planning.session);
    assertPlanningOpen(planning.session);
    registration = checkCandidateRegistration(planning, ledger, input, { id: registrationId, at, by: caller.id }); // RETAKE-2, RETAKE-3, RETAKE-4
    return {
      items: [{ kind: 'registration', record: registration, create: true }],
      action: 'candidate.registered',
      details: { registrationId, candidateUserId: input.candidate.userId, attempt: input.attempt },
    };
  });
  return { ...registration!, timeZone: calendarOf(session).timeZone };
}
