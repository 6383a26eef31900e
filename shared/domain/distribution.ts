import { addDays, addMonths, compareIsoDates, daysBetween, describeDate, localDate, type IsoDate, type TimeZone } from './dates';
import { violation, type Violation } from './errors';
import type { Sentence } from './sentence';

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
  when: Sentence;
  deadline: (calendar: CohortCalendar) => IsoDate;
}

const BEFORE_COHORT_WEEKS: Sentence = { en: 'at least 2 weeks before the cohort starts', fr: 'au moins 2 semaines avant le lancement de la promotion' };
const BEFORE_PRAIRIE_END: Sentence = { en: 'before the end of the prairie', fr: 'avant la fin de la prairie' };

/** The distribution table of RULES.md, rows DIST-1 to DIST-7 in order. */
export const DISTRIBUTION_RULES: readonly DistributionRule[] = [
  { id: 'DIST-1', document: 'guide-section-1', audience: 'project-team', when: { en: 'at least 1 month before the cohort starts', fr: 'au moins 1 mois avant le lancement de la promotion' }, deadline: (c) => addMonths(c.cohortStart, -1) }, // DIST-1
  { id: 'DIST-2', document: 'guide', audience: 'trainers', when: BEFORE_COHORT_WEEKS, deadline: (c) => addDays(c.cohortStart, -14) }, // DIST-2
  { id: 'DIST-3', document: 'guide', audience: 'learners', when: BEFORE_PRAIRIE_END, deadline: (c) => c.prairieEnd }, // DIST-3
  { id: 'DIST-4', document: 'guide', audience: 'jury', when: { en: 'at least 2 weeks before the session', fr: 'au moins 2 semaines avant la session' }, deadline: (c) => addDays(c.sessionDate, -14) }, // DIST-4
  { id: 'DIST-5', document: 'evaluation-grids', audience: 'trainers', when: BEFORE_COHORT_WEEKS, deadline: (c) => addDays(c.cohortStart, -14) }, // DIST-5
  { id: 'DIST-6', document: 'evaluation-grids', audience: 'learners', when: BEFORE_PRAIRIE_END, deadline: (c) => c.prairieEnd }, // DIST-6
  { id: 'DIST-7', document: 'evaluation-grids', audience: 'jury', when: { en: 'on the day of the session, one per candidate', fr: 'le jour de la session, une par candidat' }, deadline: (c) => c.sessionDate }, // DIST-7
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

const DOCUMENT_FR: Record<DistributionRule['document'], string> = {
  'guide-section-1': 'de la section 1 du guide',
  guide: 'du guide',
  'evaluation-grids': "des grilles d'évaluation",
};

const AUDIENCE_FR: Record<DistributionRule['audience'], string> = {
  'project-team': "à l'équipe projet",
  trainers: 'aux formateurs',
  learners: 'aux apprenants',
  jury: 'au jury',
};

/** The French subject of a distribution's alerts: `la diffusion du guide aux formateurs`. */
function labelFr(rule: DistributionRule): string {
  return `la diffusion ${DOCUMENT_FR[rule.document]} ${AUDIENCE_FR[rule.audience]}`;
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
        alert: violation(rule.id, {
          en: `${label(rule)} went out on ${done.distributedOn}, after ${deadline} (${rule.when.en})`,
          fr: `${labelFr(rule)} a eu lieu le ${describeDate(done.distributedOn, 'fr')}, après la date limite du ${describeDate(deadline, 'fr')} (${rule.when.fr})`,
        }),
      };
    }
    if (daysLeft < 0) {
      const alert = violation(rule.id, {
        en: `${label(rule)} is overdue: it was due by ${deadline} (${rule.when.en})`,
        fr: `${labelFr(rule)} est en retard : elle était attendue au plus tard le ${describeDate(deadline, 'fr')} (${rule.when.fr})`,
      });
      return { ...base, state: 'overdue' as const, alert };
    }
    if (daysLeft <= horizonDays) {
      const alert = violation(rule.id, {
        en: `${label(rule)} is due by ${deadline}, in ${daysLeft} day${daysLeft === 1 ? '' : 's'} (${rule.when.en})`,
        fr: `${labelFr(rule)} est attendue au plus tard le ${describeDate(deadline, 'fr')}, dans ${daysLeft} jour${daysLeft === 1 ? '' : 's'} (${rule.when.fr})`,
      });
      return { ...base, state: 'due-soon' as const, alert };
    }
    return { ...base, state: 'pending' as const };
  });
}
