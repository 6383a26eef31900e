import { checkRegistration, Conflict, fullName, InvalidInput, referentialFor, RuleViolation, violation } from '../../domain';
import type { SittingRecord } from '../exam-day/records';
import type { RegisterCandidateInput } from '../../schemas/candidate-schemas';
import { actorOf, type Caller } from '../caller';
import type { Deps } from '../deps';
import { toDomainRegistration } from '../sessions/planning-check';
import { calendarOf, type RegistrationRecord } from '../sessions/records';
import type { FullRegistrationView } from './registration-views';
import { assertManagesSession, assertPlanningOpen } from '../sessions/session-access';
import { applySessionChange } from '../sessions/session-changes';
import { MAX_CANDIDATES_PER_SESSION } from '../limits';


/** The registration breaks a rule: unknown blocks or nothing left to retake (RETAKE-2), too late without training (RETAKE-4). */
export class RegistrationRefused extends RuleViolation {}

/**
 * A person's sittings in the results ledger, those of annulled sessions with no block (QUAL-2: an
 * annulled session's results stand void; the person still sat it, which RETAKE-4 counts).
 */
async function standingSittings(deps: Pick<Deps, 'sessions'>, userId: string): Promise<SittingRecord[]> {
  const sittings = await deps.sessions.sittingsOf(userId);
  if (sittings.length === 0) return sittings;
  const annulled = new Set((await deps.sessions.getMany(sittings.map((s) => s.sessionId))).filter((s) => s.status === 'annulled').map((s) => s.id));
  return sittings.map((s) => (annulled.has(s.sessionId) ? { ...s, blocksValidatedNow: [], blocksHeld: [] } : s)); // QUAL-2
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
    if (!input.previousSessionDate) throw new InvalidInput(`previousSessionDate: required for ${name}, who has no result of ${titleCode} on record: the date of the session they last sat (RETAKE-4)`, 'previousSessionDate');
    return { blocks: [...new Set(input.previouslyValidatedBlocks ?? [])], sessionDate: input.previousSessionDate };
  }
  const blocks = [...new Set(sittings.flatMap((s) => s.blocksValidatedNow))].sort();
  const fromLedger = { sittings: sittings.map((s) => ({ sessionId: s.sessionId, sessionDate: s.sessionDate, blocksValidated: s.blocksValidatedNow })) };
  const record = `the results ledger shows ${name} last sat ${titleCode} on ${last.sessionDate}, holding ${blocks.length > 0 ? blocks.join(', ') : 'no block'}`;
  if (input.attempt === 'first') throw new RegistrationRefused([violation('RETAKE-2', `${record}: register them as sitting again (attempt "retake")`)]); // RETAKE-2
  const declared = input.previouslyValidatedBlocks ? [...new Set(input.previouslyValidatedBlocks)].sort() : undefined;
  if (declared && declared.join() !== blocks.join()) throw new RegistrationRefused([violation('RETAKE-3', `${record}; the blocks held are read from it, not declared otherwise`)]); // RETAKE-3
  if (input.previousSessionDate && input.previousSessionDate !== last.sessionDate) throw new RegistrationRefused([violation('RETAKE-4', `${record}; the year counts from that session, not from ${input.previousSessionDate}`)]); // RETAKE-4
  return { blocks, sessionDate: last.sessionDate, fromLedger };
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
  const { session } = await applySessionChange(deps, sessionId, actorOf(caller), ({ session, registrations }, at) => {
    assertManagesSession(caller, session);
    assertPlanningOpen(session);
    if (registrations.length >= MAX_CANDIDATES_PER_SESSION) {
      throw new Conflict(`session ${sessionId} has ${registrations.length} candidates, the most one session takes; register this candidate in another session`);
    }
    const earlier = earlierResults(ledger, session.titleCode, input); // RETAKE-2, RETAKE-3, RETAKE-4
    registration = {
      id: registrationId,
      sessionId,
      candidate: input.candidate,
      attempt: input.attempt,
      previouslyValidatedBlocks: earlier.blocks,
      ...(earlier.sessionDate ? { previousSessionDate: earlier.sessionDate } : {}),
      newTraining: input.attempt === 'retake' ? input.newTraining : false,
      ...(earlier.fromLedger ? { fromLedger: earlier.fromLedger } : {}),
      ...(input.holder ? { holder: input.holder } : {}),
      registeredAt: at,
      registeredBy: caller.id,
    };
    const check = checkRegistration(referentialFor(session.titleCode), toDomainRegistration(registration), session.sessionDate, fullName(input.candidate)); // RETAKE-2, RETAKE-4
    if (!check.ok) throw new RegistrationRefused(check.violations);
    return {
      items: [{ kind: 'registration', record: registration, create: true }],
      action: 'candidate.registered',
      details: { registrationId, candidateUserId: input.candidate.userId, attempt: input.attempt },
    };
  });
  return { ...registration!, timeZone: calendarOf(session).timeZone };
}
