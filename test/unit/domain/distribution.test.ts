import { describe, expect, it } from 'vitest';
import { DISTRIBUTION_RULES, distributionDeadlines, distributionStatus, type CohortCalendar } from '../../../shared/domain';
import { at } from './fixtures';

const calendar: CohortCalendar = { cohortStart: '2024-10-31', prairieEnd: '2024-11-29', sessionDate: '2025-06-20', timeZone: 'Europe/Paris' };
const deadline = (id: string) => distributionDeadlines(calendar).find((d) => d.ruleId === id)?.deadline;

describe('distribution of documents', () => {
  it('DIST-1: section 1 of the guide to the project team at least 1 month before the cohort starts', () => {
    expect(deadline('DIST-1')).toBe('2024-09-30');
    expect(distributionDeadlines({ ...calendar, cohortStart: '2025-03-31' })[0]?.deadline).toBe('2025-02-28');
  });

  it('DIST-2: the guide to the trainers at least 2 weeks before the cohort starts', () => {
    expect(deadline('DIST-2')).toBe('2024-10-17');
  });

  it('DIST-3: the guide to the learners before the end of the prairie', () => {
    expect(deadline('DIST-3')).toBe('2024-11-29');
  });

  it('DIST-4: the guide to the jury at least 2 weeks before the session', () => {
    expect(deadline('DIST-4')).toBe('2025-06-06');
  });

  it('DIST-5: the grids to the trainers at least 2 weeks before the cohort starts', () => {
    expect(deadline('DIST-5')).toBe('2024-10-17');
  });

  it('DIST-6: the grids to the learners before the end of the prairie', () => {
    expect(deadline('DIST-6')).toBe('2024-11-29');
  });

  it('DIST-7: the grids to the jury on the day of the session', () => {
    expect(deadline('DIST-7')).toBe('2025-06-20');
    expect(DISTRIBUTION_RULES.map((r) => [r.id, r.document, r.audience])).toEqual([
      ['DIST-1', 'guide-section-1', 'project-team'],
      ['DIST-2', 'guide', 'trainers'],
      ['DIST-3', 'guide', 'learners'],
      ['DIST-4', 'guide', 'jury'],
      ['DIST-5', 'evaluation-grids', 'trainers'],
      ['DIST-6', 'evaluation-grids', 'learners'],
      ['DIST-7', 'evaluation-grids', 'jury'],
    ]);
  });

  it('DIST-1: overdue, due soon, done and done late are told apart at a given moment', () => {
    const status = distributionStatus(
      calendar,
      [
        { ruleId: 'DIST-2', distributedOn: '2024-10-10', recordedBy: 'm' },
        { ruleId: 'DIST-5', distributedOn: '2024-10-20', recordedBy: 'm' },
      ],
      at('2024-10-15T09:00:00Z'),
      20,
    );
    expect(status.map((s) => [s.ruleId, s.state, s.daysLeft])).toEqual([
      ['DIST-1', 'overdue', -15],
      ['DIST-2', 'done', 2],
      ['DIST-3', 'pending', 45],
      ['DIST-4', 'pending', 234],
      ['DIST-5', 'done-late', 2],
      ['DIST-6', 'pending', 45],
      ['DIST-7', 'pending', 248],
    ]);
    expect(status[0]?.alert?.message).toBe('DIST-1: section 1 of the guide to the project team is overdue: it was due by 2024-09-30 (at least 1 month before the cohort starts)');
    expect(status[4]?.alert?.message).toBe('DIST-5: the evaluation grids to the trainers went out on 2024-10-20, after 2024-10-17 (at least 2 weeks before the cohort starts)');
    expect(status[0]?.alert?.messageFr).toBe(
      "DIST-1 : la diffusion de la section 1 du guide à l'équipe projet est en retard : elle était attendue au plus tard le 30 septembre 2024 (au moins 1 mois avant le lancement de la promotion)",
    );
  });

  it('DIST-3: a distribution within the horizon is due soon, with an alert', () => {
    const status = distributionStatus(calendar, [], at('2024-11-27T09:00:00Z'), 3);
    const row = status.find((s) => s.ruleId === 'DIST-3');
    expect(row?.state).toBe('due-soon');
    expect(row?.alert?.message).toBe('DIST-3: the guide to the learners is due by 2024-11-29, in 2 days (before the end of the prairie)');
    expect(row?.alert?.messageFr).toBe('DIST-3 : la diffusion du guide aux apprenants est attendue au plus tard le 29 novembre 2024, dans 2 jours (avant la fin de la prairie)');
    expect(status.find((s) => s.ruleId === 'DIST-4')?.state).toBe('pending');
  });

  it('DIST-3: "today" is the session\'s own day: past midnight in Paris the prairie has ended, still the day before in Guadeloupe', () => {
    const lateEvening = at('2024-11-29T23:30:00Z');
    const paris = distributionStatus(calendar, [], lateEvening, 3).find((s) => s.ruleId === 'DIST-3');
    expect([paris?.state, paris?.daysLeft]).toEqual(['overdue', -1]);
    const guadeloupe = distributionStatus({ ...calendar, timeZone: 'America/Guadeloupe' }, [], lateEvening, 3).find((s) => s.ruleId === 'DIST-3');
    expect([guadeloupe?.state, guadeloupe?.daysLeft]).toEqual(['due-soon', 0]);
  });
});
