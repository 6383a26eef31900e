import { Conflict, InvalidInput, NotFound } from '../../domain';
import { actorOf, WORKFLOW_ACTOR, type Caller } from '../caller';
import type { Deps } from '../deps';
import { calendarOf, type DeliverableVersionRecord } from '../sessions/records';
import { assertManagesSession } from '../sessions/session-access';
import { applySessionChange } from '../sessions/session-changes';
import { computeJurySet } from './jury-sets';
import { registrationOf } from '../sessions/planning-reads';

/**
 * `FreezeDeliverables`, at the intake deadline: each candidate's jury set is fixed — the latest
 * accepted version of each owed deliverable received in time (DELIV-7); missing and late ones
 * are listed (DELIV-4, DELIV-5). The session moves to jury review. Idempotent.
 */
export async function freezeDeliverables(deps: Pick<Deps, 'sessions' | 'now' | 'newId'>, sessionId: string): Promise<{ missing: number; late: number }> {
  const planning = await applySessionChange(deps, sessionId, WORKFLOW_ACTOR, (current, at) => {
    if (current.session.frozenAt) return undefined;
    const sets = current.registrations.map((registration) => computeJurySet(current, registration, at));
    return {
      session: { status: 'jury-review', frozenAt: at },
      items: sets.map((record) => ({ kind: 'jurySet' as const, record })),
      action: 'deliverables.frozen',
      details: {
        missing: sets.flatMap((s) => s.missing.map((m) => ({ registrationId: s.registrationId, ruleId: m.ruleId, message: m.message }))),
        late: sets.flatMap((s) => s.lateVersionIds),
      },
    };
  });
  return {
    missing: planning.jurySets.reduce((total, set) => total + set.missing.length, 0),
    late: planning.jurySets.reduce((total, set) => total + set.lateVersionIds.length, 0),
  };
}

/**
 * The manager's decision on a late deliverable, once the jury solicited them (DELIV-5): admitted
 * versions join the jury's set, others stay on record only.
 */
export async function decideLateDeliverable(
  deps: Pick<Deps, 'sessions' | 'now' | 'newId'>,
  caller: Caller,
  sessionId: string,
  uploadId: string,
  input: { decision: 'admitted' | 'not-admitted'; reason: string },
): Promise<{ version: DeliverableVersionRecord; timeZone: string }> {
  let decided: DeliverableVersionRecord | undefined;
  const { session } = await applySessionChange(deps, sessionId, actorOf(caller), (planning, at) => {
    assertManagesSession(caller, planning.session);
    const version = planning.deliverables.find((v) => v.id === uploadId);
    if (!version) throw new NotFound({ en: `no deliverable version ${uploadId} in session ${sessionId}`, fr: `aucune version de livrable ${uploadId} dans la session ${sessionId}` });
    if (!version.late) {
      throw new InvalidInput(
        {
          en: `deliverable version ${uploadId} arrived in time; only late deliverables take a decision (DELIV-5)`,
          fr: `la version de livrable ${uploadId} est arrivée dans les délais ; seuls les livrables en retard font l'objet d'une décision (DELIV-5)`,
        },
        'uploadId',
      );
    }
    if (version.status !== 'accepted') {
      const rules = version.violations.map((v) => v.ruleId).join(', ');
      throw new Conflict({
        en: `deliverable version ${uploadId} was refused (${rules}); it cannot be admitted`,
        fr: `la version de livrable ${uploadId} a été refusée (${rules}) ; elle ne peut pas être admise`,
      });
    }
    if (version.lateDecision?.decision === input.decision && version.lateDecision.reason === input.reason) {
      decided = version;
      return undefined;
    }
    decided = { ...version, lateDecision: { ...input, decidedBy: caller.id, decidedAt: at } }; // DELIV-5
    const withDecision = { ...planning, deliverables: planning.deliverables.map((v) => (v.id === uploadId ? decided! : v)) };
    const registration = registrationOf(planning, version.registrationId);
    const items = [{ kind: 'deliverable' as const, record: decided }];
    const jurySet = planning.session.frozenAt ? [{ kind: 'jurySet' as const, record: computeJurySet(withDecision, registration, planning.session.frozenAt) }] : [];
    return { items: [...items, ...jurySet], action: 'deliverable.late-decision', details: { uploadId, ...input } };
  });
  return { version: decided!, timeZone: calendarOf(session).timeZone };
}
