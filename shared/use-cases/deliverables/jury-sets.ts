import { selectJurySet, type DeliverableVersion, type LateDeliverableDecision } from '../../domain';
import { calendarOf, type DeliverableVersionRecord, type JurySetRecord, type RegistrationRecord, type SessionPlanning } from '../sessions/records';
import { scopeOf } from './deliverable-access';

/** A stored version as the deliverable rules see it. */
export function toDomainVersion(record: DeliverableVersionRecord): DeliverableVersion {
  return {
    id: record.id,
    registrationId: record.registrationId,
    deliverableType: record.deliverableType,
    uploader: { id: record.uploadedBy, as: record.uploadedAs },
    receivedAt: new Date(record.receivedAt),
    pages: record.pages,
    contentHash: record.sha256,
    version: record.version,
    status: record.status,
    violations: record.violations,
    late: record.late,
  };
}

function lateDecisions(versions: readonly DeliverableVersionRecord[]): LateDeliverableDecision[] {
  return versions.flatMap((v) =>
    v.lateDecision
      ? [{ versionId: v.id, decidedBy: v.lateDecision.decidedBy, decidedAt: new Date(v.lateDecision.decidedAt), decision: v.lateDecision.decision, reason: v.lateDecision.reason }]
      : [],
  );
}

/**
 * A registration's jury set (DELIV-7): the latest accepted version of each owed deliverable
 * received before the deadline, or a late one the manager admitted (DELIV-5); what is missing
 * (DELIV-4); the late versions still waiting for a decision.
 */
export function computeJurySet(planning: SessionPlanning, registration: RegistrationRecord, frozenAt: string): JurySetRecord {
  const versions = planning.deliverables.filter((v) => v.registrationId === registration.id);
  const set = selectJurySet(
    scopeOf(planning, registration),
    registration.id,
    calendarOf(planning.session),
    versions.map(toDomainVersion),
    lateDecisions(versions),
  );
  return {
    registrationId: registration.id,
    selected: Object.fromEntries(
      Object.entries(set.selected).map(([type, chosen]) => {
        const record = versions.find((v) => v.id === chosen.id)!;
        return [type, { versionId: record.id, s3VersionId: record.s3VersionId, sha256: record.sha256 }];
      }),
    ),
    missing: set.missing,
    lateVersionIds: versions.filter((v) => v.status === 'accepted' && v.late && !v.lateDecision).map((v) => v.id),
    frozenAt,
  };
}
