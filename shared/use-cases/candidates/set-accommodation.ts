import { describeInstant, RuleViolation, violation } from '../../domain';
import { actorOf, type Caller } from '../caller';
import type { Deps } from '../deps';
import { examDayStartsAt } from '../exam-day/day-context';
import { calendarOf, type RegistrationRecord } from '../sessions/records';
import { assertManagesSession } from '../sessions/session-access';
import { applySessionChange } from '../sessions/session-changes';
import { registrationOf } from '../sessions/planning-reads';
import type { FullRegistrationView } from './registration-views';

/** Extra time announced after the session started (EXAM-2). */
export class AccommodationTooLate extends RuleViolation {}

/**
 * Records extra time granted to a candidate for a disability, with its justification (EXAM-2):
 * the only way a candidate's durations may change, announced by the start of the session; from
 * then on none can be added.
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
    const startsAt = examDayStartsAt(planning.session);
    const started = ['exam-day', 'deliberated', 'failed'].includes(planning.session.status) || new Date(at).getTime() >= startsAt.getTime();
    if (started) {
      const { timeZone } = calendarOf(planning.session);
      throw new AccommodationTooLate([
        violation('EXAM-2', {
          en: `extra time is announced by the start of the session, ${describeInstant(startsAt, timeZone)}; it can no longer be added`,
          fr: `le temps supplémentaire d'un aménagement est annoncé au plus tard au début de la session, le ${describeInstant(startsAt, timeZone, 'fr')} ; il ne peut plus être accordé`,
        }),
      ]); // EXAM-2
    }
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
