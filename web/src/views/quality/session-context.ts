import type { ApiResponse, CertiflowClient } from '../../../../client/certiflow-client';
import type { FullRegistrationView, JurorRegistrationView } from '../../../../shared/use-cases/candidates/registration-views';
import type { IncidentRecord } from '../../../../shared/use-cases/exam-day/records';
import type { SessionView } from '../../../../shared/use-cases/sessions/get-session';

/** What the committee needs to name the people of a session's cases: the session (its zone, its jurors), its registrations and incidents. */
export interface SessionContext {
  session: SessionView;
  registrations: Array<FullRegistrationView | JurorRegistrationView>;
  incidents: IncidentRecord[];
}

/** Reads a session with its registrations and incidents; the first refusal among the three is the answer. */
export async function readSessionContext(client: CertiflowClient, sessionId: string): Promise<ApiResponse<SessionContext>> {
  const [session, registrations, incidents] = await Promise.all([client.getSession(sessionId), client.listRegistrations(sessionId), client.incidents(sessionId)]);
  const failed = [session, registrations, incidents].find((r) => r.status >= 300 || r.data === undefined);
  if (failed) return { status: failed.status, headers: failed.headers, ...(failed.error ? { error: failed.error } : {}) };
  return { status: 200, headers: session.headers, data: { session: session.data!.session, registrations: registrations.data!.registrations, incidents: incidents.data!.incidents } };
}

/** A registration's candidate, by name. */
export function candidateName(context: SessionContext, registrationId: string | undefined): string | undefined {
  const registration = context.registrations.find((r) => r.id === registrationId);
  return registration ? `${registration.candidate.firstName} ${registration.candidate.lastName}` : undefined;
}

/** A juror of the session, by name. */
export function jurorName(context: SessionContext, jurorId: string | undefined): string | undefined {
  const juror = context.session.jurors.find((j) => j.jurorId === jurorId);
  return juror ? `${juror.firstName} ${juror.lastName}` : undefined;
}
