import { applyCommitteeDecision, checkCommitteeDecision, Conflict, Forbidden, RuleViolation, violation, type Language, type Violation } from '../../domain';
import { actorOf, type Caller } from '../caller';
import type { Deps } from '../deps';
import { incidentIn } from '../exam-day/incidents';
import type { IncidentRecord } from '../exam-day/records';
import { uuidFrom } from '../ids';
import type { PlanningItem } from '../sessions/ports';
import { loadPlanning } from '../sessions/planning-reads';
import { calendarOf, type SessionPlanning } from '../sessions/records';
import { applySessionChange } from '../sessions/session-changes';
import type { OpenCase } from './ports';
import { sha256Of } from './pv-documents';
import { recordKeys } from './pv-seal';
import type { AppealRecord, DecisionRecord } from './records';
import { writeOnce } from './write-once';


function assertCommittee(caller: Caller): void {
  if (!caller.roles.includes('quality')) throw new Forbidden({
      en: 'QUAL-2: only the quality committee rules on appeals and reported violations',
      fr: 'QUAL-2 : seul le comité qualité statue sur les recours et les manquements signalés',
    });
}

/** A case of the committee's queue as the committee reads it. */
export interface CaseView {
  caseId: string;
  sessionId: string;
  kind: 'appeal' | 'juror-absence' | 'breach' | 'late-conflict';
  at: string;
  summary: string;
  ground?: string;
  registrationId?: string;
  notice?: Violation;
}

function caseView(open: OpenCase, language: Language): CaseView {
  if (open.kind === 'appeal') {
    const a = open.appeal;
    return { caseId: a.id, sessionId: open.sessionId, kind: 'appeal', at: a.filedAt, summary: a.statement, ground: a.ground, registrationId: a.registrationId };
  }
  const i = incidentIn(open.incident, language);
  return { caseId: i.id, sessionId: open.sessionId, kind: i.kind, at: i.reportedAt, summary: i.description, notice: i.notice, ...(i.registrationId ? { registrationId: i.registrationId } : {}) };
}

/** QUAL-2: the committee's queue: admissible appeals and the violations and late conflicts routed to it, oldest first. */
export async function committeeQueue(deps: Pick<Deps, 'recordsIndex'>, caller: Caller, query: { limit: number; cursor?: string }, language: Language = 'en'): Promise<{ items: CaseView[]; nextCursor?: string }> {
  assertCommittee(caller);
  const page = await deps.recordsIndex.openCases(query);
  return { items: page.items.map((open) => caseView(open, language)), ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}) };
}

/** The session's cases the decision names, each open; every other id named is listed. */
function casesOf(planning: SessionPlanning, caseIds: readonly string[]): { appeals: AppealRecord[]; incidents: IncidentRecord[] } {
  const appeals = planning.appeals.filter((a) => caseIds.includes(a.id) && a.status === 'open');
  const incidents = planning.incidents.filter((i) => caseIds.includes(i.id) && i.routedTo === 'quality-committee' && !i.decisionId);
  const unknown = caseIds.filter((id) => !appeals.some((a) => a.id === id) && !incidents.some((i) => i.id === id));
  if (unknown.length > 0) {
    throw new RuleViolation(unknown.map((id) => violation('QUAL-2', {
          en: `${id} is not an open case of session ${planning.session.id} before the committee (an admissible appeal, or a violation or late conflict routed to it)`,
          fr: `${id} n'est pas un dossier en cours de la session ${planning.session.id} soumis au comité (un recours recevable, ou un manquement ou un conflit découvert tardivement qui lui a été transmis)`,
        })));
  }
  return { appeals, incidents };
}

/** A decision as the committee and the centre read it. */
export type DecisionView = Omit<DecisionRecord, 'document'> & { timeZone: string; document?: { key: string; sha256: string } };

function decisionView(decision: DecisionRecord, planning: SessionPlanning): DecisionView {
  const { document, ...rest } = decision;
  return { ...rest, timeZone: calendarOf(planning.session).timeZone, ...(document ? { document: { key: document.key, sha256: document.sha256 } } : {}) };
}

/**
 * The quality committee rules on cases of one session (QUAL-2): rejected, or the session annulled,
 * always with a reason. An annulment voids every result of the session everywhere: the results
 * ledger no longer counts its blocks for retakes, verification answers "annulée", its candidates
 * read the reason with their result. The sealed records stay as they are; the dated decision is
 * written beside them. A decision on the same cases, retried, is the same decision.
 */
export async function decideCases(
  deps: Pick<Deps, 'sessions' | 'records' | 'documents' | 'now' | 'newId'>,
  caller: Caller,
  sessionId: string,
  input: { caseIds: string[]; outcome: 'rejected' | 'annulled'; reason: string },
): Promise<DecisionView> {
  assertCommittee(caller);
  const caseIds = [...new Set(input.caseIds)].sort();
  const decisionId = uuidFrom(`decision|${sessionId}|${caseIds.join(',')}`);
  let planning = await applySessionChange(deps, sessionId, actorOf(caller), (current, at) => {
    if (current.decisions.some((d) => d.id === decisionId)) return undefined;
    const { session } = current;
    const { appeals, incidents } = casesOf(current, caseIds);
    if (input.outcome === 'annulled' && !['sealed', 'results-released'].includes(session.status)) {
      throw new Conflict({
        en: `QUAL-2: the committee annuls a session whose PV is sealed; session ${sessionId} is in ${session.status}`,
        fr: `QUAL-2 : le comité n'annule qu'une session dont le PV est scellé ; la session ${sessionId} est à l'état ${session.status}`,
      });
    }
    const check = checkCommitteeDecision({ id: decisionId, sessionId, caseIds, decision: input.outcome === 'annulled' ? 'annul-session' : 'no-annulment', reason: input.reason, decidedBy: caller.id, decidedAt: new Date(at) });
    if (!check.ok) throw new RuleViolation(check.violations);
    const decision: DecisionRecord = { id: decisionId, sessionId, caseIds, outcome: input.outcome, reason: input.reason, decidedAt: at, decidedBy: caller.id };
    const voided = input.outcome === 'annulled' ? voidedResults(current, decision) : [];
    const items: PlanningItem[] = [
      { kind: 'decision', record: decision, create: true },
      ...appeals.map((a): PlanningItem => ({ kind: 'appeal', record: { ...a, status: input.outcome === 'annulled' ? 'upheld' : 'rejected', decisionId } })),
      ...incidents.map((i): PlanningItem => ({ kind: 'incident', record: { ...i, decisionId }, update: true })),
    ];
    return {
      ...(input.outcome === 'annulled' ? { session: { status: 'annulled' as const, annulment: { decisionId, reason: input.reason, decidedAt: at } } } : {}),
      items,
      action: input.outcome === 'annulled' ? 'session.annulled' : 'committee.rejected',
      details: { decisionId, caseIds, reason: input.reason, voidedResults: voided },
    };
  });
  const decision = planning.decisions.find((d) => d.id === decisionId)!;
  if (!decision.document) planning = await writeDecisionDocument(deps, planning, decision, caller);
  return decisionView(planning.decisions.find((d) => d.id === decisionId)!, planning);
}

/** QUAL-2: the results an annulment voids, as the domain rules it: every result of the session. */
function voidedResults(planning: SessionPlanning, decision: DecisionRecord): string[] {
  const results = (planning.pv?.part2 ?? []).filter((r) => r.result).map((r) => ({
    sessionId: planning.session.id,
    registrationId: r.registrationId,
    candidateId: r.candidateId,
    result: r.result!,
    blocksValidatedNow: r.blocksValidated,
    status: 'standing' as const,
  }));
  return applyCommitteeDecision(results, { ...decision, decision: 'annul-session', decidedAt: new Date(decision.decidedAt) })
    .filter((r) => r.status === 'void')
    .map((r) => r.registrationId);
}

/** The dated decision in French, written once beside the session's sealed records. */
async function writeDecisionDocument(deps: Pick<Deps, 'sessions' | 'records' | 'documents' | 'now' | 'newId'>, planning: SessionPlanning, decision: DecisionRecord, caller: Caller): Promise<SessionPlanning> {
  const cases = decision.caseIds.map((id) => {
    const appeal = planning.appeals.find((a) => a.id === id);
    if (appeal) return { kind: 'Recours', summary: `${appeal.ground} — ${appeal.statement}` };
    const incident = planning.incidents.find((i) => i.id === id);
    return { kind: incident?.kind === 'late-conflict' ? 'Conflit découvert tardivement' : incident?.kind === 'juror-absence' ? 'Absence d’un juré' : 'Manquement signalé', summary: incident ? incidentIn(incident, 'fr').description : id };
  });
  const { session } = planning;
  const bytes = await deps.documents.decision({
    datedAt: new Date(decision.decidedAt),
    timeZone: calendarOf(session).timeZone,
    sessionDate: session.sessionDate,
    rncpCode: planning.pv?.part1.rncpCode ?? session.titleCode,
    certificationName: planning.pv?.part1.certificationName ?? session.titleCode,
    outcome: decision.outcome,
    reason: decision.reason,
    cases,
  });
  const document = await writeOnce(deps.records, recordKeys.decision(session.id, decision.id), bytes, 'application/pdf', sha256Of(bytes));
  return applySessionChange(deps, session.id, actorOf(caller), (current) =>
    current.decisions.find((d) => d.id === decision.id)?.document
      ? undefined
      : { items: [{ kind: 'decision', record: { ...decision, document } }], action: 'committee.decision-filed', details: { decisionId: decision.id, key: document.key, sha256: document.sha256 } },
  );
}

/** The committee's decisions on a session, for the committee and the centre's managers. */
export async function sessionDecisions(deps: Pick<Deps, 'sessions'>, caller: Caller, sessionId: string): Promise<DecisionView[]> {
  const planning = await loadPlanning(deps.sessions, sessionId);
  if (!caller.roles.includes('quality') && !(caller.roles.includes('managers') && caller.centreId === planning.session.centreId)) {
    throw new Forbidden({
      en: 'the committee\'s decisions on a session are read by the committee and the managers of its centre',
      fr: 'les décisions du comité sur une session sont consultées par le comité et les responsables de son centre',
    });
  }
  return planning.decisions.map((d) => decisionView(d, planning));
}
