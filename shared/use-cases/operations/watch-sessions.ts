import { watchSessionRisks, type SessionWatchReport, type WatchedSession } from '../../domain';
import { logger } from '../../observability/logger';
import { SESSION_WATCH_METRICS } from '../../observability/business-metrics';
import type { Deps } from '../deps';
import { scopeOf } from '../deliverables/deliverable-access';
import { calendarOf, type SessionPlanning, type SessionStatus } from '../sessions/records';

/** Statuses after which a session needs no watching: its results are out, void, or its workflow stopped (the execution alarms cover that). */
const CLOSED: ReadonlySet<SessionStatus> = new Set<SessionStatus>(['results-released', 'annulled', 'failed']);

/** Sessions loaded at once. */
const LOAD_CONCURRENCY = 10;

/** At most this many sessions are listed in the log line (the counts always cover all). */
const LOGGED_SESSIONS = 200;

/** What the watch reads of a session's aggregate: owed deliverables without an accepted version (DELIV-1, DELIV-4), distributions, the overdue step, the seal. */
export function watchedSessionOf(planning: SessionPlanning): WatchedSession {
  const { session } = planning;
  return {
    sessionId: session.id,
    centreId: session.centreId,
    status: session.status,
    calendar: calendarOf(session),
    ...(session.cohort ? { cohort: { startDate: session.cohort.startDate, prairieEnd: session.cohort.prairieEnd } } : {}),
    frozen: session.frozenAt !== undefined,
    candidates: planning.registrations.map((registration) => ({
      registrationId: registration.id,
      missing: scopeOf(planning, registration)
        .deliverables.filter(
          (type) => !planning.deliverables.some((version) => version.registrationId === registration.id && version.deliverableType === type.id && version.status === 'accepted'),
        )
        .map((type) => type.id),
    })),
    distributions: planning.distributions.map((distribution) => ({ ruleId: distribution.ruleId, distributedOn: distribution.distributedOn, recordedBy: distribution.recordedBy })),
    ...(session.overdue ? { overdue: { step: session.overdue.step, since: session.overdue.since } } : {}),
    sealed: session.sealedAt !== undefined,
  };
}

async function loadAll(deps: Pick<Deps, 'sessions'>, sessionIds: readonly string[]): Promise<SessionPlanning[]> {
  const loaded: SessionPlanning[] = [];
  for (let start = 0; start < sessionIds.length; start += LOAD_CONCURRENCY) {
    const batch = await Promise.all(sessionIds.slice(start, start + LOAD_CONCURRENCY).map((id) => deps.sessions.load(id)));
    for (const [index, planning] of batch.entries()) {
      if (planning) loaded.push(planning);
      else logger.warn('running execution of no known session', { sessionId: sessionIds[start + index] });
    }
  }
  return loaded;
}

/**
 * The hourly watch of the open sessions (those whose lifecycle execution runs): finds the ones
 * at risk (DELIV-4, DIST-1..DIST-7, JURY-4, DELIB-4, PV-5, PV-6), publishes how many of each as
 * business metrics and logs the sessions behind them, each with its findings.
 */
export async function watchSessions(deps: Pick<Deps, 'sessions' | 'workflow' | 'metrics' | 'now'>): Promise<SessionWatchReport> {
  const plannings = await loadAll(deps, await deps.workflow.running());
  const watched = plannings.filter((planning) => !CLOSED.has(planning.session.status)).map(watchedSessionOf);
  const report = watchSessionRisks(watched, deps.now());
  deps.metrics.publishCounts(Object.fromEntries(Object.entries(report.counts).map(([key, value]) => [SESSION_WATCH_METRICS[key as keyof typeof SESSION_WATCH_METRICS], value])));
  const details = { counts: report.counts, sessions: report.sessions.slice(0, LOGGED_SESSIONS), unlisted: Math.max(0, report.sessions.length - LOGGED_SESSIONS) };
  if (report.sessions.length > 0) logger.warn('sessions at risk', details);
  else logger.info('no session at risk', details);
  return report;
}
