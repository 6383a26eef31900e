import { assessConflictFinding, Forbidden, fullName, InvalidInput, routeBreach, violation, storedTextIn, type Language, type Violation } from '../../domain';
import { actorOf, type Caller } from '../caller';
import type { Deps } from '../deps';
import { assignedJurors, loadPlanning, registrationOf } from '../sessions/planning-reads';
import { calendarOf, type JurorRecord, type SessionPlanning } from '../sessions/records';
import { assertCanReadSession, sittingJuror } from '../sessions/session-access';
import { applySessionChange } from '../sessions/session-changes';
import type { IncidentRecord } from './records';

/** What someone reports on the day. */
export type IncidentReport =
  | { kind: 'juror-absence'; jurorId: string; from?: string; to?: string; description: string }
  | { kind: 'breach'; state: 'avoidable' | 'established'; description: string; registrationId?: string }
  | { kind: 'late-conflict'; jurorId: string; registrationId: string; description: string };

/**
 * Routes an incident (JURY-5, JURY-6, EXAM-6): a juror's absence goes to the quality committee; a
 * breach that can still be avoided goes to the session manager first, an established one to the
 * committee; a conflict found late (not declared in time) goes to the committee, which may annul
 * the session, and changes nothing on the day: it never swaps a juror.
 */
function routed(planning: SessionPlanning, jurors: readonly JurorRecord[], report: IncidentReport, at: Date): Pick<IncidentRecord, 'routedTo' | 'notice'> {
  const jurorName = (id: string) => {
    const juror = jurors.find((j) => j.id === id);
    if (!juror) throw new InvalidInput({ en: `jurorId: ${id} does not sit on session ${planning.session.id}`, fr: `jurorId : ${id} ne siège pas à la session ${planning.session.id}` }, 'jurorId');
    return fullName(juror);
  };
  if (report.kind === 'juror-absence') {
    const name = jurorName(report.jurorId);
    const notice = violation('JURY-6', {
      en: `${name} left the jury (${report.description}); the jury stays together for the whole exam, so this is reported to the quality committee, which may annul the session`,
      fr: `${name} a quitté le jury (${report.description}) ; le jury siège au complet pendant toute l'épreuve : ce fait est donc signalé au comité qualité, qui peut annuler la session`,
    });
    return { routedTo: 'quality-committee', notice };
  }
  if (report.kind === 'breach') {
    const routing = routeBreach({ id: '', reportedBy: '', reportedAt: at, description: report.description, state: report.state }); // EXAM-6
    return { routedTo: routing.to, notice: routing.notice };
  }
  const registration = registrationOf(planning, report.registrationId);
  const assessment = assessConflictFinding(
    { jurorId: report.jurorId, candidateId: registration.candidate.userId, foundAt: at, description: report.description },
    planning.declarations
      .filter((d) => d.link !== 'none')
      .map((d) => ({ jurorId: d.jurorId, candidateId: registrationOf(planning, d.registrationId).candidate.userId, nature: d.link as 'personal' | 'professional', declaredAt: new Date(d.declaredAt) })),
    { juror: jurorName(report.jurorId), candidate: fullName(registration.candidate) },
  ); // JURY-5
  return {
    routedTo: 'quality-committee',
    notice: assessment.violations[0] ?? declaredInTime(jurorName(report.jurorId), fullName(registration.candidate)),
  };
}

/** JURY-5: a conflict reported on the day that the juror had declared in time. */
function declaredInTime(juror: string, candidate: string): Violation {
  return violation('JURY-5', {
    en: `${juror}'s link with ${candidate} was declared in time; reported to the quality committee for the record`,
    fr: `le lien de ${juror} avec ${candidate} a été déclaré dans les délais ; signalé au comité qualité pour mémoire`,
  });
}

/** An incident as recorded: what was reported, by whom and when, and where it goes. */
export function incidentRecord(planning: SessionPlanning, jurors: readonly JurorRecord[], report: IncidentReport, reported: { id: string; by: IncidentRecord['reportedBy']; at: string }): IncidentRecord {
  return {
    id: reported.id,
    kind: report.kind,
    reportedBy: reported.by,
    reportedAt: reported.at,
    description: report.description,
    ...('state' in report ? { state: report.state } : {}),
    ...('jurorId' in report ? { jurorId: report.jurorId } : {}),
    ...('registrationId' in report && report.registrationId ? { registrationId: report.registrationId } : {}),
    ...(report.kind === 'juror-absence' ? { from: report.from ? new Date(report.from).toISOString() : reported.at, ...(report.to ? { to: new Date(report.to).toISOString() } : {}) } : {}),
    ...routed(planning, jurors, report, new Date(reported.at)),
  };
}

/**
 * A session manager or a juror of the session reports an incident; it is recorded with who, when
 * and what, and routed (JURY-5, JURY-6, EXAM-6). Nothing about the day changes: the quality
 * committee decides.
 */
export async function reportIncident(deps: Pick<Deps, 'sessions' | 'jurors' | 'now' | 'newId'>, caller: Caller, sessionId: string, report: IncidentReport, incidentId = deps.newId()) {
  let incident: IncidentRecord | undefined;
  const planning = await applySessionChange(deps, sessionId, actorOf(caller), async (current, at) => {
    const managesIt = caller.roles.includes('managers') && caller.centreId === current.session.centreId;
    const juror = managesIt ? undefined : await sittingJuror(deps.jurors, caller, current);
    if (!managesIt && !juror) {
      throw new Forbidden({ en: `you neither manage session ${sessionId}'s centre nor sit on its jury`, fr: `vous n'êtes ni responsable du centre de la session ${sessionId} ni membre de son jury` });
    }
    if (current.incidents.some((i) => i.id === incidentId)) return undefined;
    const by: IncidentRecord['reportedBy'] = juror ? { role: 'juror', jurorId: juror.id } : { role: 'session-manager', userId: caller.id };
    incident = incidentRecord(current, await assignedJurors(deps.jurors, current), report, { id: incidentId, by, at });
    return { items: [{ kind: 'incident', record: incident }], action: 'incident.reported', details: { incidentId, kind: report.kind, routedTo: incident.routedTo, ruleId: incident.notice.ruleId } };
  });
  return { incident: incident ?? planning.incidents.find((i) => i.id === incidentId)!, timeZone: calendarOf(planning.session).timeZone };
}

/** An incident as a caller reads it: its description in `language` when Certiflow wrote it in both. */
export function incidentIn(incident: IncidentRecord, language: Language): Omit<IncidentRecord, 'descriptionFr'> {
  return storedTextIn(incident, 'description', language);
}

/** The session's incidents, for its managers and the quality committee, described in `language`. */
export async function listIncidents(deps: Pick<Deps, 'sessions' | 'jurors'>, caller: Caller, sessionId: string, language: Language = 'en') {
  const planning = await loadPlanning(deps.sessions, sessionId);
  await assertCanReadSession(caller, planning, deps.jurors);
  return { sessionId, timeZone: calendarOf(planning.session).timeZone, incidents: planning.incidents.map((i) => incidentIn(i, language)) };
}
