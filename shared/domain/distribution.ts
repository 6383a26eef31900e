import { addDays, addMonths, compareIsoDates, daysBetween, localDate, type IsoDate, type TimeZone } from './dates';
import { violation, type Violation } from './errors';

/** The dates a distribution deadline is counted from. */
export interface CohortCalendar {
  cohortStart: IsoDate;
  /** The last day of the "prairie", the cohort's onboarding phase. */
  prairieEnd: IsoDate;
  sessionDate: IsoDate;
  /** The session's zone, in which "today" is read (RULES.md, Calendar). */
  timeZone: TimeZone;
}

/** One row of the distribution table. */
export interface DistributionRule {
  id: 'DIST-1' | 'DIST-2' | 'DIST-3' | 'DIST-4' | 'DIST-5' | 'DIST-6' | 'DIST-7';
  document: 'guide-section-1' | 'guide' | 'evaluation-grids';
  audience: 'project-team' | 'trainers' | 'learners' | 'jury';
  /** The phrase used in messages, e.g. "at least 1 month before the cohort starts". */
  when: string;
  deadline: (calendar: CohortCalendar) => IsoDate;
}

/** The distribution table of RULES.md, rows DIST-1 to DIST-7 in order. */
export const DISTRIBUTION_RULES: readonly DistributionRule[] = [
  { id: 'DIST-1', document: 'guide-section-1', audience: 'project-team', when: 'at least 1 month before the cohort starts', deadline: (c) => addMonths(c.cohortStart, -1) }, // DIST-1
  { id: 'DIST-2', document: 'guide', audience: 'trainers', when: 'at least 2 weeks before the cohort starts', deadline: (c) => addDays(c.cohortStart, -14) }, // DIST-2
  { id: 'DIST-3', document: 'guide', audience: 'learners', when: 'before the end of the prairie', deadline: (c) => c.prairieEnd }, // DIST-3
  { id: 'DIST-4', document: 'guide', audience: 'jury', when: 'at least 2 weeks before the session', deadline: (c) => addDays(c.sessionDate, -14) }, // DIST-4
  { id: 'DIST-5', document: 'evaluation-grids', audience: 'trainers', when: 'at least 2 weeks before the cohort starts', deadline: (c) => addDays(c.cohortStart, -14) }, // DIST-5
  { id: 'DIST-6', document: 'evaluation-grids', audience: 'learners', when: 'before the end of the prairie', deadline: (c) => c.prairieEnd }, // DIST-6
  { id: 'DIST-7', document: 'evaluation-grids', audience: 'jury', when: 'on the day of the session, one per candidate', deadline: (c) => c.sessionDate }, // DIST-7
];

/** A recorded distribution of a document to an audience. */
export interface DistributionRecord {
  ruleId: DistributionRule['id'];
  distributedOn: IsoDate;
  recordedBy: string;
}

/** Where a distribution stands at a given moment. */
export interface DistributionStatus {
  ruleId: DistributionRule['id'];
  document: DistributionRule['document'];
  audience: DistributionRule['audience'];
  deadline: IsoDate;
  state: 'done' | 'done-late' | 'overdue' | 'due-soon' | 'pending';
  distributedOn?: IsoDate;
  /** Days left until the deadline (negative once past). */
  daysLeft: number;
  /** Set for `done-late`, `overdue` and `due-soon`: the alert to show. */
  alert?: Violation;
}

/** The deadline of every distribution row for a cohort (DIST-1..DIST-7). */
export function distributionDeadlines(calendar: CohortCalendar): { ruleId: DistributionRule['id']; deadline: IsoDate }[] {
  return DISTRIBUTION_RULES.map((r) => ({ ruleId: r.id, deadline: r.deadline(calendar) }));
}

function label(rule: DistributionRule): string {
  const doc = rule.document === 'guide-section-1' ? 'section 1 of the guide' : rule.document === 'guide' ? 'the guide' : 'the evaluation grids';
  return `${doc} to the ${rule.audience.replace('-', ' ')}`;
}

/**
 * Each distribution's state at `now`, today being read in the session's zone: done (on time or late), overdue, due within
 * `horizonDays`, or pending; overdue, late and soon-due rows carry an alert.
 */
export function distributionStatus(calendar: CohortCalendar, records: readonly DistributionRecord[], now: Date, horizonDays: number): DistributionStatus[] {
  const today = localDate(now, calendar.timeZone);
  return DISTRIBUTION_RULES.map((rule) => {
    const deadline = rule.deadline(calendar);
    const daysLeft = daysBetween(today, deadline);
    const base = { ruleId: rule.id, document: rule.document, audience: rule.audience, deadline, daysLeft };
    const done = records.filter((r) => r.ruleId === rule.id).sort((a, b) => compareIsoDates(a.distributedOn, b.distributedOn))[0];
    if (done) {
      if (compareIsoDates(done.distributedOn, deadline) <= 0) return { ...base, state: 'done' as const, distributedOn: done.distributedOn };
      return {
        ...base,
        state: 'done-late' as const,
        distributedOn: done.distributedOn,
        alert: violation(rule.id, `${label(rule)} went out on ${done.distributedOn}, after ${deadline} (${rule.when})`),
      };
    }
    if (daysLeft < 0) return { ...base, state: 'overdue' as const, alert: violation(rule.id, `${label(rule)} is overdue: it was due by ${deadline} (${rule.when})`) };
    if (daysLeft <= horizonDays) return { ...base, state: 'due-soon' as const, alert: violation(rule.id, `${label(rule)} is due by ${deadline}, in ${daysLeft} day${daysLeft === 1 ? '' : 's'} (${rule.when})`) };
    return { ...base, state: 'pending' as const };
  });
}
