import { Conflict } from '../../domain/errors';
import type { Actor } from '../caller';
import { StaleVersion, type PlanningItem, type SessionStore } from './ports';
import type { SessionPlanning, SessionRecord } from './records';
import { loadPlanning } from './planning-reads';

/** What applying a session change needs. */
export interface SessionChangeDeps {
  sessions: SessionStore;
  now: () => Date;
  newId: () => string;
}

/** A change decided on the current planning: the session's new fields, the items to write, the audit entry. */
export interface DecidedChange {
  session?: Partial<Omit<SessionRecord, 'id' | 'version' | 'updatedAt' | 'createdAt' | 'createdBy' | 'centreId'>>;
  items?: PlanningItem[];
  action: string;
  details: Record<string, unknown>;
  /** Further audit events of the same change, written in its transaction: an import records each row it writes. */
  events?: Array<{ action: string; details: Record<string, unknown> }>;
}

/** Options of {@link applySessionChange}. */
export interface ApplyOptions {
  /** The version the caller last saw (If-Match): a mismatch is a 409, never retried. */
  expectedVersion?: number;
  /** How often to re-read and re-decide when a concurrent writer got there first; 4 by default. */
  attempts?: number;
  /** Checks the caller may act on the session, before the version check: a caller without access gets 403, never the version. */
  authorize?: (planning: SessionPlanning) => void;
}

/**
 * Reads a session's planning, lets `decide` check it and describe the change (or return
 * undefined when it already holds, which makes retries idempotent), and writes the change with
 * its audit event in one transaction. A concurrent write is retried from a fresh read unless
 * the caller named the version it saw.
 */
export async function applySessionChange(
  deps: SessionChangeDeps,
  sessionId: string,
  actor: Actor,
  decide: (planning: SessionPlanning, at: string) => DecidedChange | undefined | Promise<DecidedChange | undefined>,
  options: ApplyOptions = {},
): Promise<SessionPlanning> {
  const attempts = options.expectedVersion === undefined ? (options.attempts ?? 4) : 1;
  for (let attempt = 1; ; attempt++) {
    const planning = await loadPlanning(deps.sessions, sessionId);
    options.authorize?.(planning);
    if (options.expectedVersion !== undefined && planning.session.version !== options.expectedVersion) {
      throw new Conflict({
        en: `session ${sessionId} is at version ${planning.session.version}, not ${options.expectedVersion}: someone changed it; reload it and try again`,
        fr: `la session ${sessionId} est à la version ${planning.session.version}, et non ${options.expectedVersion} : quelqu'un l'a modifiée ; rechargez-la et réessayez`,
      });
    }
    const at = deps.now().toISOString();
    const decided = await decide(planning, at);
    if (!decided) return planning;
    const session: SessionRecord = { ...planning.session, ...decided.session, updatedAt: at, version: planning.session.version + 1 };
    try {
      await deps.sessions.commit({
        session,
        expectedVersion: planning.session.version,
        items: decided.items,
        audit: { subject: { type: 'session', id: sessionId }, at, eventId: deps.newId(), actor, action: decided.action, details: decided.details },
        ...(decided.events ? { events: decided.events.map((event) => ({ subject: { type: 'session' as const, id: sessionId }, at, eventId: deps.newId(), actor, ...event })) } : {}),
      });
      return applyItems({ ...planning, session }, decided.items ?? []);
    } catch (error) {
      if (!(error instanceof StaleVersion) || attempt >= attempts) throw error;
    }
  }
}

function applyItems(planning: SessionPlanning, items: readonly PlanningItem[]): SessionPlanning {
  const next = { ...planning };
  for (const item of items) {
    if (item.kind === 'registration') next.registrations = [...next.registrations.filter((r) => r.id !== item.record.id), item.record];
    if (item.kind === 'trainers') next.trainers = item.records;
    if (item.kind === 'assignment') next.assignments = [...next.assignments, item.record];
    if (item.kind === 'unassignment') next.assignments = next.assignments.filter((a) => a.jurorId !== item.jurorId);
    if (item.kind === 'distribution') next.distributions = [...next.distributions, item.record];
    if (item.kind === 'deliverable') next.deliverables = [...next.deliverables.filter((d) => d.id !== item.record.id), item.record];
    if (item.kind === 'jurySet') next.jurySets = [...next.jurySets.filter((j) => j.registrationId !== item.record.registrationId), item.record];
    if (item.kind === 'declaration') next.declarations = [...next.declarations, item.record];
    if (item.kind === 'exam') next.exams = [...next.exams.filter((e) => e.registrationId !== item.record.registrationId), item.record];
    if (item.kind === 'grid') next.grids = [...next.grids.filter((g) => g.registrationId !== item.record.registrationId), item.record];
    if (item.kind === 'incident') next.incidents = [...next.incidents.filter((i) => i.id !== item.record.id), item.record];
    if (item.kind === 'pv') next.pv = item.record;
    if (item.kind === 'certificate') next.certificates = [...next.certificates.filter((c) => c.registrationId !== item.record.registrationId), item.record];
    if (item.kind === 'appeal') next.appeals = [...next.appeals.filter((a) => a.id !== item.record.id), item.record];
    if (item.kind === 'decision') next.decisions = [...next.decisions.filter((d) => d.id !== item.record.id), item.record];
  }
  return next;
}
