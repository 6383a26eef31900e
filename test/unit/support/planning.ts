import type { SessionPlanning, SessionRecord } from '../../../shared/use-cases/sessions/records';

/** A session's planning with nothing in it but `session` and what `overrides` adds. */
export function planningOf(session: SessionRecord, overrides: Partial<SessionPlanning> = {}): SessionPlanning {
  return {
    session,
    registrations: [],
    trainers: [],
    assignments: [],
    distributions: [],
    deliverables: [],
    jurySets: [],
    declarations: [],
    exams: [],
    grids: [],
    incidents: [],
    certificates: [],
    appeals: [],
    decisions: [],
    ...overrides,
  };
}
