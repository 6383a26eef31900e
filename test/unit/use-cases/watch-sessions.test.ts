import { describe, expect, it } from 'vitest';
import type { Caller } from '../../../shared/use-cases/caller';
import type { BusinessMetrics } from '../../../shared/use-cases/operations/ports';
import { watchSessions } from '../../../shared/use-cases/operations/watch-sessions';
import { createSession } from '../../../shared/use-cases/sessions/create-session';
import type { DeliverableVersionRecord, RegistrationRecord, SessionRecord } from '../../../shared/use-cases/sessions/records';
import { inMemoryDeps } from '../support/in-memory-sessions';

const manager: Caller = { id: 'm-1', roles: ['managers'], centreId: 'centre-1' };

/** Records every batch of counts it is given. */
class RecordingMetrics implements BusinessMetrics {
  readonly published: Array<Readonly<Record<string, number>>> = [];

  publishCounts(counts: Readonly<Record<string, number>>): void {
    this.published.push(counts);
  }
}

function registration(sessionId: string, id: string): RegistrationRecord {
  return {
    id,
    sessionId,
    candidate: { userId: `user-${id}`, firstName: 'Alex', lastName: 'Martin', email: `${id}@example.org` },
    attempt: 'first',
    previouslyValidatedBlocks: [],
    newTraining: false,
    registeredAt: '2027-01-10T09:00:00.000Z',
    registeredBy: 'm-1',
  };
}

function accepted(sessionId: string, registrationId: string, deliverableType: string): DeliverableVersionRecord {
  return {
    id: `${registrationId}-${deliverableType}`,
    uploadId: `${registrationId}-${deliverableType}`,
    sessionId,
    registrationId,
    deliverableType,
    key: `uploads/${sessionId}/${registrationId}/${deliverableType}/x.pdf`,
    s3VersionId: 'v1',
    sha256: 'a'.repeat(64),
    uploadedBy: `user-${registrationId}`,
    uploadedAs: 'candidate',
    receivedAt: '2027-06-01T10:00:00.000Z',
    sizeBytes: 1000,
    pages: 25,
    version: 1,
    status: 'accepted',
    violations: [],
    late: false,
  };
}

async function setUp() {
  const world = inMemoryDeps();
  const metrics = new RecordingMetrics();
  const create = async (sessionDate: string, change: Partial<SessionRecord>) => {
    const session = await createSession(world.deps, manager, { titleCode: 'RNCP34757', sessionDate, timeZone: 'Europe/Paris', startTime: '09:00', address: '1 place Bellecour, Lyon', remote: false });
    Object.assign(world.sessions.planning.get(session.id)!.session, change);
    return session.id;
  };
  return { ...world, metrics, deps: { ...world.deps, metrics }, create };
}

describe('watchSessions', () => {
  it('DELIV-4, PV-6: reads the sessions whose execution runs, publishes the counts under their metric names and returns who is at risk', async () => {
    const { deps, sessions, workflow, metrics, setNow, create } = await setUp();
    const intake = await create('2027-06-15', { status: 'intake', intake: { closesAt: '2027-06-09T22:00:00.000Z' } });
    sessions.planning.get(intake)!.registrations.push(registration(intake, 'r-1'), registration(intake, 'r-2'));
    for (const type of ['project-report', 'practical-case-1-report', 'practical-case-2-report']) sessions.planning.get(intake)!.deliverables.push(accepted(intake, 'r-2', type));
    sessions.planning.get(intake)!.deliverables.push(accepted(intake, 'r-1', 'project-report'));
    const unsealed = await create('2027-06-01', { status: 'deliberated' });
    const released = await create('2027-05-20', { status: 'results-released', sealedAt: '2027-05-21T10:00:00.000Z' });
    const ended = await create('2027-05-25', { status: 'deliberated' });
    workflow.ended.add(ended);
    setNow(new Date('2027-06-08T10:00:00Z'));

    const report = await watchSessions(deps);

    expect(report.counts).toEqual({ watched: 2, intakeAtRisk: 1, distributionOverdue: 0, stepOverdue: 0, pvNotSealed: 1 });
    expect(report.sessions.map((s) => [s.sessionId, s.status, s.risks.map((risk) => risk.kind)])).toEqual([
      [intake, 'intake', ['intake-at-risk']],
      [unsealed, 'deliberated', ['pv-not-sealed']],
    ]);
    expect(report.sessions[0]!.risks[0]!.findings).toEqual([
      expect.objectContaining({ ruleId: 'DELIV-4', message: 'DELIV-4: intake closes in 36 h and registration r-1 still lacks practical-case-1-report, practical-case-2-report' }),
    ]);
    expect(report.sessions.map((s) => s.sessionId)).not.toContain(released);
    expect(metrics.published).toEqual([
      { SessionsWatched: 2, SessionsIntakeAtRisk: 1, SessionsDistributionOverdue: 0, SessionsStepOverdue: 0, SessionsPvNotSealed: 1 },
    ]);
  });

  it('publishes zeros when nothing is open, so that the alarms go back to OK', async () => {
    const { deps, metrics } = await setUp();
    const report = await watchSessions(deps);
    expect(report).toEqual({ counts: { watched: 0, intakeAtRisk: 0, distributionOverdue: 0, stepOverdue: 0, pvNotSealed: 0 }, sessions: [] });
    expect(metrics.published).toEqual([{ SessionsWatched: 0, SessionsIntakeAtRisk: 0, SessionsDistributionOverdue: 0, SessionsStepOverdue: 0, SessionsPvNotSealed: 0 }]);
  });

  it('JURY-4: a session the workflow marked overdue on the declarations is reported with its rule', async () => {
    const { deps, setNow, create } = await setUp();
    const blocked = await create('2027-06-15', { status: 'jury-review', frozenAt: '2027-06-09T22:00:00.000Z', overdue: { step: 'declarations', since: '2027-06-13T22:00:00.000Z', reason: 'JURY-4: …' } });
    setNow(new Date('2027-06-14T08:00:00Z'));
    const report = await watchSessions(deps);
    expect(report.sessions).toEqual([
      {
        sessionId: blocked,
        centreId: 'centre-1',
        status: 'jury-review',
        risks: [{ kind: 'step-overdue', findings: [expect.objectContaining({ ruleId: 'JURY-4', message: 'JURY-4: the declarations step has waited past its time since 2027-06-13T22:00:00.000Z' })] }],
      },
    ]);
  });
});
