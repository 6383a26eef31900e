import { Conflict, type HolderIdentity } from '../../domain';
import { actorOf, type Caller } from '../caller';
import type { Deps } from '../deps';
import { registrationOf } from '../sessions/planning-reads';
import { calendarOf, type RegistrationRecord } from '../sessions/records';
import { assertManagesSession } from '../sessions/session-access';
import { applySessionChange } from '../sessions/session-changes';
import type { FullRegistrationView } from './registration-views';

/**
 * A manager of the centre records or corrects a candidate's civil-status identity, which the
 * CPF export needs to report their certification (the holders' export). It changes nothing of the
 * exam, so it may be given at any time, except on an annulled session. Idempotent.
 */
export async function setHolderIdentity(deps: Pick<Deps, 'sessions' | 'now' | 'newId'>, caller: Caller, sessionId: string, registrationId: string, holder: HolderIdentity): Promise<FullRegistrationView> {
  let updated: RegistrationRecord | undefined;
  const { session } = await applySessionChange(deps, sessionId, actorOf(caller), (planning) => {
    assertManagesSession(caller, planning.session);
    if (planning.session.annulment) throw new Conflict({ en: `QUAL-2: session ${sessionId} was annulled; its results are never exported`, fr: `QUAL-2 : la session ${sessionId} a été annulée ; ses résultats ne sont jamais exportés` });
    const registration = registrationOf(planning, registrationId);
    updated = { ...registration, holder };
    if (JSON.stringify(registration.holder) === JSON.stringify(holder)) return undefined;
    return { items: [{ kind: 'registration', record: updated }], action: 'candidate.holder-identity-recorded', details: { registrationId } };
  });
  return { ...updated!, timeZone: calendarOf(session).timeZone };
}
