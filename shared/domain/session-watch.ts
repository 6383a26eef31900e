import { addDays, compareIsoDates, describeDate, localDate, type IsoDate, type SessionCalendar } from './dates';
import { intakeClosesAt } from './deliverables';
import { distributionStatus, type DistributionRecord } from './distribution';
import { violation } from './errors';
import type { Sentence } from './sentence';

/** How long before intake closes a session with deliverables still missing is at risk (DELIV-4). */
export const INTAKE_RISK_HOURS = 48;

/** The human steps the workflow marks overdue, and the rule each one serves (none for planning: a product choice). */
const OVERDUE_STEP_RULES: Readonly<Record<string, string | undefined>> = {
  declarations: 'JURY-4',
  candidate: 'DELIB-4',
  'pv-seal': 'PV-6',
};

/** What the watch needs to know of one open session, read from its stored data. */
export interface WatchedSession {
  sessionId: string;
  centreId: string;
  /** The session's status, for the report. */
  status: string;
  /** The exam day and the zone every day of the session is counted in. */
  calendar: SessionCalendar;
  /** The cohort's dates, when the manager set them: the distribution deadlines need them (DIST-1..7). */
  cohort?: { startDate: IsoDate; prairieEnd: IsoDate };
  /** Whether the deliverables were frozen for the jury (DELIV-7): intake is over. */
  frozen: boolean;
  /** Per registered candidate, the owed deliverables without an accepted version (DELIV-1, DELIV-4). */
  candidates: ReadonlyArray<{ registrationId: string; missing: readonly string[] }>;
  distributions: readonly DistributionRecord[];
  /** The human step the workflow recorded as not done in time, until it is done. */
  overdue?: { step: string; since: string };
  /** Whether the PV was sealed (PV-6). */
  sealed: boolean;
}

/** The kinds of risk the watch reports, each one a business metric. */
export type SessionRiskKind = 'intake-at-risk' | 'distribution-overdue' | 'step-overdue' | 'pv-not-sealed';

/** One finding behind a risk: the rule it threatens (none for a product choice) and a sentence for a person, in English and in French. */
export interface RiskFinding {
  ruleId?: string;
  message: string;
  messageFr?: string;
}

/** One risk found on a session: its kind and what was found. */
export interface SessionRisk {
  kind: SessionRiskKind;
  findings: RiskFinding[];
}

/** A session with at least one risk. */
export interface SessionAtRisk {
  sessionId: string;
  centreId: string;
  status: string;
  risks: SessionRisk[];
}

/** How many sessions carry each kind of risk, and how many were watched. */
export interface SessionRiskCounts {
  watched: number;
  intakeAtRisk: number;
  distributionOverdue: number;
  stepOverdue: number;
  pvNotSealed: number;
}

/** The watch's findings: counts by kind and the sessions behind them. */
export interface SessionWatchReport {
  counts: SessionRiskCounts;
  sessions: SessionAtRisk[];
}

/**
 * DELIV-4: intake closes at 00:00 of D−5 in the session's zone; a session not yet frozen whose
 * deadline is at most {@link INTAKE_RISK_HOURS} hours away (and not yet reached) while a candidate
 * still lacks an accepted owed deliverable is at risk of a jury set with missing files.
 */
function intakeRisk(session: WatchedSession, now: Date): SessionRisk | undefined {
  if (session.frozen) return undefined;
  const left = intakeClosesAt(session.calendar).getTime() - now.getTime(); // DELIV-4
  if (left <= 0 || left > INTAKE_RISK_HOURS * 3_600_000) return undefined;
  const lacking = session.candidates.filter((candidate) => candidate.missing.length > 0);
  if (lacking.length === 0) return undefined;
  const hours = Math.floor(left / 3_600_000);
  return {
    kind: 'intake-at-risk',
    findings: lacking.map((candidate) =>
      violation('DELIV-4', {
        en: `intake closes in ${hours} h and registration ${candidate.registrationId} still lacks ${candidate.missing.join(', ')}`,
        fr: `la clôture des dépôts a lieu dans ${hours} h et il manque encore ${candidate.missing.join(', ')} pour l'inscription ${candidate.registrationId}`,
      }),
    ),
  };
}

/** DIST-1..DIST-7: a distribution not recorded by its deadline, today read in the session's zone. */
function distributionRisk(session: WatchedSession, now: Date): SessionRisk | undefined {
  if (!session.cohort) return undefined;
  const calendar = { cohortStart: session.cohort.startDate, prairieEnd: session.cohort.prairieEnd, sessionDate: session.calendar.date, timeZone: session.calendar.timeZone };
  const overdue = distributionStatus(calendar, session.distributions, now, 0).filter((row) => row.state === 'overdue'); // DIST-1..DIST-7
  if (overdue.length === 0) return undefined;
  return { kind: 'distribution-overdue', findings: overdue.flatMap((row) => (row.alert ? [row.alert] : [])) };
}

/**
 * A human step the workflow marked overdue (its RecordStepOverdue state, cleared once the step is
 * done): JURY-4 declarations, DELIB-4 a candidate's grid, PV-6 the seal; planning has no rule ID
 * (product choice: human steps never dead-end).
 */
function stepRisk(session: WatchedSession): SessionRisk | undefined {
  if (!session.overdue) return undefined;
  const ruleId = OVERDUE_STEP_RULES[session.overdue.step];
  const { step, since } = session.overdue;
  const sentence: Sentence = { en: `the ${step} step has waited past its time since ${since}`, fr: `l'étape ${step} a dépassé son délai depuis ${since}` };
  return { kind: 'step-overdue', findings: [ruleId ? violation(ruleId, sentence) : { message: sentence.en, messageFr: sentence.fr }] };
}

/**
 * PV-5, PV-6: the PV is completed at the end of the session and sealed once complete; from the day
 * after the exam day, in the session's zone, a PV not sealed yet is late.
 */
function pvRisk(session: WatchedSession, now: Date): SessionRisk | undefined {
  if (session.sealed) return undefined;
  const dayAfter = addDays(session.calendar.date, 1);
  if (compareIsoDates(localDate(now, session.calendar.timeZone), dayAfter) < 0) return undefined; // PV-5, PV-6
  return { kind: 'pv-not-sealed', findings: [violation('PV-6', { en: `the exam day was ${session.calendar.date} and the PV is not sealed yet`, fr: `le jour de l'épreuve était le ${describeDate(session.calendar.date, 'fr')} et le PV n'est pas encore scellé` })] };
}

/**
 * Which open sessions are at risk at `now`, and how many of each kind (DELIV-4, DIST-1..DIST-7,
 * JURY-4, DELIB-4, PV-5, PV-6): intake closing within 48 hours with deliverables missing, a
 * distribution overdue, a human step waiting past its time, a PV not sealed the day after the
 * exam. Every day is a day of the session's own zone (RULES.md, Calendar). Pure: `now` is given.
 */
export function watchSessionRisks(sessions: readonly WatchedSession[], now: Date): SessionWatchReport {
  const atRisk = sessions.flatMap((session): SessionAtRisk[] => {
    const risks = [intakeRisk(session, now), distributionRisk(session, now), stepRisk(session), pvRisk(session, now)].filter((risk): risk is SessionRisk => risk !== undefined);
    return risks.length === 0 ? [] : [{ sessionId: session.sessionId, centreId: session.centreId, status: session.status, risks }];
  });
  const count = (kind: SessionRiskKind) => atRisk.filter((session) => session.risks.some((risk) => risk.kind === kind)).length;
  return {
    counts: {
      watched: sessions.length,
      intakeAtRisk: count('intake-at-risk'),
      distributionOverdue: count('distribution-overdue'),
      stepOverdue: count('step-overdue'),
      pvNotSealed: count('pv-not-sealed'),
    },
    sessions: atRisk,
  };
}
