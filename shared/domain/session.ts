import { checkOf, type Check } from './check';
import { describeDate, isIsoDate, isTimeZone, localDate, type IsoDate, type TimeZone } from './dates';
import { violation, type Violation } from './errors';
import type { SessionMode } from './exam-day';
import type { Person } from './people';

/** When an exam day starts, in the session's own zone, unless the manager sets another time (product choice). */
export const DEFAULT_START_TIME = '09:00';

/** Why a session may be held remotely (EXAM-5, Q34). */
export const REMOTE_REASONS = ['lockdown', 'disability', 'manager-decision'] as const;

/** The organising centre (the "fabrique") where the session takes place; its address goes on the PV. */
export interface Centre {
  name: string;
  address: string;
}

/** A cohort of learners, whose calendar drives the distribution deadlines (DIST). */
export interface Cohort {
  id: string;
  name: string;
  startDate: IsoDate;
  /** The last day of the "prairie", the onboarding phase. */
  prairieEnd: IsoDate;
  /** The people who trained this cohort; none of them may sit on its jury (JURY-3). */
  trainerIds: string[];
}

/** A certification session of one title (PV-1: it has one PV). */
export interface Session {
  id: string;
  rncpCode: string;
  cohortId: string;
  date: IsoDate;
  /** The IANA zone the session's days and times are counted in (RULES.md, Calendar). */
  timeZone: TimeZone;
  /** When the first oral starts. */
  startsAt: Date;
  centre: Centre;
  mode: SessionMode;
  sessionManager: Person;
  jurorIds: string[];
}

/** A person who sits the exam; `trainerIds` are those who trained them (JURY-3). */
export interface Candidate extends Person {
  email?: string;
  trainerIds: string[];
}

/**
 * A session's own data: a known time zone, a real date that `startsAt` falls on in that zone, a
 * centre address for the PV (PV-2), a valid remote reason (EXAM-5).
 */
export function checkSessionSetup(session: Session): Check {
  const found: Violation[] = [];
  if (!isTimeZone(session.timeZone)) {
    found.push(
      violation('PV-2', {
        en: `"${session.timeZone}" is not an IANA time zone such as Europe/Paris or America/Guadeloupe`,
        fr: `"${session.timeZone}" n'est pas un fuseau horaire IANA tel que Europe/Paris ou America/Guadeloupe`,
      }),
    );
  } else if (!isIsoDate(session.date)) {
    found.push(violation('PV-2', { en: `"${session.date}" is not a session date written YYYY-MM-DD`, fr: `"${session.date}" n'est pas une date de session écrite AAAA-MM-JJ` }));
  } else if (localDate(session.startsAt, session.timeZone) !== session.date) {
    const startDay = localDate(session.startsAt, session.timeZone);
    found.push(
      violation('PV-2', {
        en: `the session starts on ${startDay} in ${session.timeZone}, which is not its date ${session.date}`,
        fr: `la session commence le ${describeDate(startDay, 'fr')} dans le fuseau ${session.timeZone}, ce qui ne correspond pas à sa date, le ${describeDate(session.date, 'fr')}`,
      }),
    );
  }
  if (session.centre.address.trim() === '') {
    found.push(violation('PV-2', { en: "the organising centre's address is required; it goes on part 1 of the PV", fr: "l'adresse du centre organisateur est requise ; elle figure en partie 1 du PV" })); // PV-2
  }
  if (session.mode.kind === 'remote') {
    if (!(REMOTE_REASONS as readonly string[]).includes(session.mode.reason)) {
      found.push(
        violation('EXAM-5', {
          en: `"${session.mode.reason}" is not a reason to hold a session remotely; use lockdown, disability or the session manager's decision`,
          fr: `"${session.mode.reason}" n'est pas un motif pour tenir une session à distance ; utilisez lockdown (confinement), disability (handicap) ou la décision du responsable de session`,
        }),
      ); // EXAM-5
    }
    if (session.mode.decidedBy.trim() === '') found.push(violation('EXAM-5', { en: 'a remote session must record who decided it', fr: "une session à distance doit indiquer qui l'a décidée" }));
  }
  return checkOf(found);
}
