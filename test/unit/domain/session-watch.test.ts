import { describe, expect, it } from 'vitest';
import { INTAKE_RISK_HOURS, watchSessionRisks, type DistributionRecord, type WatchedSession } from '../../../shared/domain';

const HOUR = 3_600_000;
const ALL_BUT_DIST_4: DistributionRecord[] = (['DIST-1', 'DIST-2', 'DIST-3', 'DIST-5', 'DIST-6', 'DIST-7'] as const).map((ruleId) => ({ ruleId, distributedOn: '2026-09-01', recordedBy: 'm-1' }));

/** A session on 2027-06-15 in Paris, frozen, sealed, with nothing overdue: at risk of nothing until a field says otherwise. */
function session(overrides: Partial<WatchedSession> = {}): WatchedSession {
  return {
    sessionId: 's-1',
    centreId: 'centre-1',
    status: 'planning',
    calendar: { date: '2027-06-15', timeZone: 'Europe/Paris' },
    frozen: true,
    candidates: [],
    distributions: [],
    sealed: true,
    ...overrides,
  };
}

function kinds(sessions: WatchedSession[], now: string | Date) {
  return watchSessionRisks(sessions, new Date(now)).sessions.flatMap((s) => s.risks.map((risk) => risk.kind));
}

/** Intake of a 2027-06-15 Paris session closes at 00:00 of D−5 local: 2027-06-10T00:00+02:00. */
const PARIS_INTAKE_CLOSES = Date.parse('2027-06-09T22:00:00Z');
const open = (overrides: Partial<WatchedSession> = {}) =>
  session({ status: 'intake', frozen: false, candidates: [{ registrationId: 'r-1', missing: ['project-report'] }, { registrationId: 'r-2', missing: [] }], ...overrides });

describe('the session watch', () => {
  it(`DELIV-4: a session is at risk from exactly ${INTAKE_RISK_HOURS} h before intake closes, not a millisecond earlier`, () => {
    expect(kinds([open()], new Date(PARIS_INTAKE_CLOSES - 48 * HOUR))).toEqual(['intake-at-risk']);
    expect(kinds([open()], new Date(PARIS_INTAKE_CLOSES - 48 * HOUR - 1))).toEqual([]);
  });

  it('DELIV-4: once intake has closed the freeze lists what is missing: no longer at risk', () => {
    expect(kinds([open()], new Date(PARIS_INTAKE_CLOSES - 1))).toEqual(['intake-at-risk']);
    expect(kinds([open()], new Date(PARIS_INTAKE_CLOSES))).toEqual([]);
  });

  it('DELIV-4: the deadline is counted in the session\'s zone (Guadeloupe closes 6 hours after Paris)', () => {
    const guadeloupe = open({ calendar: { date: '2027-06-15', timeZone: 'America/Guadeloupe' } });
    const guadeloupeCloses = Date.parse('2027-06-10T04:00:00Z');
    expect(kinds([guadeloupe], new Date(guadeloupeCloses - 48 * HOUR))).toEqual(['intake-at-risk']);
    expect(kinds([guadeloupe], new Date(guadeloupeCloses - 48 * HOUR - 1))).toEqual([]);
    expect(kinds([guadeloupe], new Date(PARIS_INTAKE_CLOSES))).toEqual(['intake-at-risk']);
  });

  it('DELIV-4: names each candidate still lacking an owed deliverable, and no one complete', () => {
    const [risk] = watchSessionRisks([open()], new Date(PARIS_INTAKE_CLOSES - 10 * HOUR)).sessions[0]!.risks;
    expect(risk).toEqual({
      kind: 'intake-at-risk',
      findings: [
        {
          ruleId: 'DELIV-4',
          message: 'DELIV-4: intake closes in 10 h and registration r-1 still lacks project-report',
          messageFr: "DELIV-4 : la clôture des dépôts a lieu dans 10 h et il manque encore project-report pour l'inscription r-1",
        },
      ],
    });
  });

  it('DELIV-4: a session whose candidates hold every deliverable, or that is frozen already, is not at risk', () => {
    const now = new Date(PARIS_INTAKE_CLOSES - HOUR);
    expect(kinds([open({ candidates: [{ registrationId: 'r-1', missing: [] }] })], now)).toEqual([]);
    expect(kinds([open({ candidates: [] })], now)).toEqual([]);
    expect(kinds([open({ frozen: true })], now)).toEqual([]);
  });

  it('DELIV-4: a session still in planning near the deadline is at risk too', () => {
    expect(kinds([open({ status: 'planning' })], new Date(PARIS_INTAKE_CLOSES - HOUR))).toEqual(['intake-at-risk']);
  });

  it('DIST-4: a distribution not recorded by its deadline is overdue from the next day in the session\'s zone', () => {
    const late = session({ cohort: { startDate: '2026-10-01', prairieEnd: '2026-11-01' }, distributions: ALL_BUT_DIST_4 });
    expect(kinds([late], '2027-06-01T21:59:59Z')).toEqual([]);
    expect(kinds([late], '2027-06-01T22:00:00Z')).toEqual(['distribution-overdue']);
    const [risk] = watchSessionRisks([late], new Date('2027-06-02T08:00:00Z')).sessions[0]!.risks;
    expect(risk!.findings.map((finding) => finding.ruleId)).toEqual(['DIST-4']);
  });

  it('DIST-1: a distribution recorded late is done, not overdue; a session without cohort dates has no distribution deadlines', () => {
    const recordedLate = session({ cohort: { startDate: '2026-10-01', prairieEnd: '2026-11-01' }, distributions: [...ALL_BUT_DIST_4, { ruleId: 'DIST-4', distributedOn: '2027-06-05', recordedBy: 'm-1' }] });
    expect(kinds([recordedLate], '2027-06-10T08:00:00Z')).toEqual([]);
    expect(kinds([session()], '2027-06-10T08:00:00Z')).toEqual([]);
  });

  it('DIST-1..DIST-7: every overdue row is listed by its rule', () => {
    const nothingRecorded = session({ cohort: { startDate: '2026-10-01', prairieEnd: '2026-11-01' } });
    const [risk] = watchSessionRisks([nothingRecorded], new Date('2027-06-16T08:00:00Z')).sessions[0]!.risks;
    expect(risk!.findings.map((finding) => finding.ruleId)).toEqual(['DIST-1', 'DIST-2', 'DIST-3', 'DIST-4', 'DIST-5', 'DIST-6', 'DIST-7']);
  });

  it('JURY-4, DELIB-4, PV-6: a human step the workflow marked overdue is reported with its rule until it is done', () => {
    const now = '2027-06-14T08:00:00Z';
    const ruleOf = (step: string) => watchSessionRisks([session({ overdue: { step, since: '2027-06-13T22:00:00Z' } })], new Date(now)).sessions[0]!.risks[0]!.findings[0]!.ruleId;
    expect(ruleOf('declarations')).toBe('JURY-4');
    expect(ruleOf('candidate')).toBe('DELIB-4');
    expect(ruleOf('pv-seal')).toBe('PV-6');
    expect(ruleOf('planning')).toBeUndefined();
    expect(kinds([session({ overdue: { step: 'planning', since: '2026-06-13T22:00:00Z' } })], now)).toEqual(['step-overdue']);
    expect(kinds([session()], now)).toEqual([]);
  });

  it('PV-6: a PV not sealed is late from 00:00 of the day after the exam in the session\'s zone', () => {
    const paris = session({ sealed: false, status: 'deliberated' });
    expect(kinds([paris], '2027-06-15T21:59:59.999Z')).toEqual([]);
    expect(kinds([paris], '2027-06-15T22:00:00Z')).toEqual(['pv-not-sealed']);
    const guadeloupe = session({ sealed: false, status: 'deliberated', calendar: { date: '2027-06-15', timeZone: 'America/Guadeloupe' } });
    expect(kinds([guadeloupe], '2027-06-15T22:00:00Z')).toEqual([]);
    expect(kinds([guadeloupe], '2027-06-16T03:59:59.999Z')).toEqual([]);
    expect(kinds([guadeloupe], '2027-06-16T04:00:00Z')).toEqual(['pv-not-sealed']);
  });

  it('PV-6: a sealed PV is never late; an exam day not yet come never makes one late', () => {
    expect(kinds([session({ sealed: true, status: 'sealed' })], '2027-07-01T08:00:00Z')).toEqual([]);
    expect(kinds([session({ sealed: false, status: 'exam-day' })], '2027-06-15T12:00:00Z')).toEqual([]);
  });

  it('DELIV-4, DIST-4, PV-6: counts each kind once per session, over every session watched', () => {
    const now = new Date('2027-06-16T08:00:00Z');
    const report = watchSessionRisks(
      [
        session({ sessionId: 'late-pv', sealed: false, overdue: { step: 'pv-seal', since: '2027-06-15T20:00:00Z' } }),
        session({ sessionId: 'late-pv-and-dist', sealed: false, cohort: { startDate: '2026-10-01', prairieEnd: '2026-11-01' }, distributions: ALL_BUT_DIST_4 }),
        session({ sessionId: 'next-week', calendar: { date: '2027-06-22', timeZone: 'Europe/Paris' }, frozen: false, candidates: [{ registrationId: 'r-1', missing: ['e3-report'] }] }),
        session({ sessionId: 'fine', calendar: { date: '2027-09-01', timeZone: 'Europe/Paris' }, sealed: false }),
      ],
      now,
    );
    expect(report.counts).toEqual({ watched: 4, intakeAtRisk: 1, distributionOverdue: 1, stepOverdue: 1, pvNotSealed: 2 });
    expect(report.sessions.map((s) => [s.sessionId, s.risks.map((risk) => risk.kind)])).toEqual([
      ['late-pv', ['step-overdue', 'pv-not-sealed']],
      ['late-pv-and-dist', ['distribution-overdue', 'pv-not-sealed']],
      ['next-week', ['intake-at-risk']],
    ]);
  });
});
