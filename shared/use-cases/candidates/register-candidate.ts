import { checkRegistration, Conflict, fullName, referentialFor, RuleViolation } from '../../domain';
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
  const { session } = await applySessionChange(deps, sessionId, actorOf(caller), ({ session, registrations }, at) => {
    assertManagesSession(caller, session);
    assertPlanningOpen(session);
    if (registrations.length >= MAX_CANDIDATES_PER_SESSION) {
      throw new Conflict(`session ${sessionId} has ${registrations.length} candidates, the most one session takes; register this candidate in another session`);
    }
    registration = {
      id: registrationId,
      sessionId,
      candidate: input.candidate,
      attempt: input.attempt,
      previouslyValidatedBlocks: input.attempt === 'retake' ? [...new Set(input.previouslyValidatedBlocks)] : [],
      ...(input.attempt === 'retake' ? { previousSessionDate: input.previousSessionDate } : {}),
      newTraining: input.attempt === 'retake' ? input.newTraining : false,
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
