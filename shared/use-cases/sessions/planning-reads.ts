import { NotFound } from '../../domain/errors';
import type { JurorRegistry, SessionStore } from './ports';
import type { JurorRecord, RegistrationRecord, SessionPlanning } from './records';

/** A session with all its planning data (one Query), or NotFound. */
export async function loadPlanning(sessions: Pick<SessionStore, 'load'>, sessionId: string): Promise<SessionPlanning> {
  const planning = await sessions.load(sessionId);
  if (!planning) throw new NotFound({ en: `no session ${sessionId}`, fr: `aucune session ${sessionId}` });
  return planning;
}

/** The registry records of the jurors who sit on the session (one BatchGetItem). */
export function assignedJurors(jurors: Pick<JurorRegistry, 'getMany'>, planning: SessionPlanning): Promise<JurorRecord[]> {
  return jurors.getMany(planning.assignments.map((a) => a.jurorId));
}

/** A registration of the session, or NotFound. */
export function registrationOf(planning: SessionPlanning, registrationId: string): RegistrationRecord {
  const registration = planning.registrations.find((r) => r.id === registrationId);
  if (!registration) throw new NotFound({ en: `no registration ${registrationId} in session ${planning.session.id}`, fr: `aucune inscription ${registrationId} dans la session ${planning.session.id}` });
  return registration;
}
