import { actorOf, type Caller } from '../caller';
import type { Deps } from '../deps';
import { calendarOf, type RegistrationRecord } from '../sessions/records';
import type { FullRegistrationView } from './registration-views';
import { assertManagesSession, assertPlanningOpen } from '../sessions/session-access';
import { applySessionChange } from '../sessions/session-changes';
import { registrationOf } from '../sessions/planning-reads';

/**
 * Records extra time granted to a candidate for a disability, with its justification (EXAM-2):
 * the only way a candidate's durations may change.
 */
export async function setAccommodation(
  deps: Pick<Deps, 'sessions' | 'now' | 'newId'>,
  caller: Caller,
  sessionId: string,
  registrationId: string,
  input: { extraMinutes: number; justification: string },
): Promise<FullRegistrationView> {
  let updated: RegistrationRecord | undefined;
  const { session } = await applySessionChange(deps, sessionId, actorOf(caller), (planning, at) => {
    assertManagesSession(caller, planning.session);
    assertPlanningOpen(planning.session);
    const registration = registrationOf(planning, registrationId);
    updated = { ...registration, accommodation: { ...input, grantedBy: caller.id, grantedAt: at } }; // EXAM-2
    return {
      items: [{ kind: 'registration', record: updated }],
      action: 'candidate.accommodation-granted',
      details: { registrationId, extraMinutes: input.extraMinutes },
    };
  });
  return { ...updated!, timeZone: calendarOf(session).timeZone };
}
