import { DELIVERABLE_LEAD_DAYS, describeIntakeClose, fullName, intakeClosesAt, sentenceIn, type Language, type Sentence, type SessionCalendar, type Violation } from '../../domain';
import type { Caller } from '../caller';
import type { Deps } from '../deps';
import { calendarOf, type DeliverableVersionRecord, type JurySetRecord, type RegistrationRecord, type SessionPlanning } from '../sessions/records';
import { assertCanReadSession } from '../sessions/session-access';
import { assertCandidateOrManager, scopeOf } from './deliverable-access';
import { loadPlanning, registrationOf } from '../sessions/planning-reads';

/** A version as its candidate and manager see it: its checked bytes' SHA-256, never the storage key or object version. */
export type VersionView = Omit<DeliverableVersionRecord, 'key' | 's3VersionId' | 'sessionId'>;

/** When intake closes, as candidates are shown it: the instant with its zone, and why (DELIV-4). */
export interface IntakeDeadline {
  /** 00:00 of D−5 in the session's zone. */
  closesAt: string;
  timeZone: string;
  /** The sentence to show: the instant, the zone and the rule. */
  notice: string;
}

/** One owed deliverable: its versions, and where it stands. */
export interface DeliverableView {
  deliverableType: string;
  label: string;
  pages: { min: number; max: number };
  /** missing: nothing accepted yet; accepted: an accepted version is on file; refused: only refused versions. */
  state: 'missing' | 'accepted' | 'refused';
  /** The version the jury gets (after the freeze) or would get now (before). */
  currentVersionId?: string;
  /** After the freeze: exactly what the jury gets, the version and the SHA-256 of its bytes (DELIV-7). */
  juryCopy?: { versionId: string; sha256: string };
  late: boolean;
  versions: VersionView[];
}

/** A candidate's intake. */
export interface RegistrationIntake {
  registrationId: string;
  candidateName: string;
  /** The session's zone: every instant of this view is stated in it. */
  timeZone: string;
  deadline: IntakeDeadline;
  frozen: boolean;
  deliverables: DeliverableView[];
  /** For the jury: owed deliverables it will not get (DELIV-4). */
  missing: Violation[];
}

/** A version without what only the service needs: its storage key and S3 object version. */
export function versionView(version: DeliverableVersionRecord): VersionView {
  const { key: _key, s3VersionId: _s3VersionId, sessionId: _session, ...rest } = version;
  return rest;
}

/** DELIV-4: until when deliverables are received, and why, in English and in French. */
export function intakeNotice(calendar: SessionCalendar): Sentence {
  return {
    en: `Deliverables are received until ${describeIntakeClose(calendar)}: the jury must hold them ${DELIVERABLE_LEAD_DAYS} days before the session (DELIV-4).`,
    fr: `Les livrables sont reçus jusqu'au ${describeIntakeClose(calendar, 'fr')} : le jury doit en disposer ${DELIVERABLE_LEAD_DAYS} jours avant la session (DELIV-4).`,
  };
}

/** The intake deadline of a session, for people: the instant in the session's zone, and the rule behind it, said in `language`. */
export function intakeDeadlineOf(planning: SessionPlanning, language: Language = 'en'): IntakeDeadline {
  const calendar = calendarOf(planning.session);
  return {
    closesAt: intakeClosesAt(calendar).toISOString(),
    timeZone: calendar.timeZone,
    notice: sentenceIn(intakeNotice(calendar), language),
  };
}

/** The version of each deliverable type the jury gets (or would get now, before the freeze). */
function currentVersionOf(frozen: JurySetRecord | undefined, type: string, accepted: readonly DeliverableVersionRecord[]): string | undefined {
  return frozen ? frozen.selected[type]?.versionId : accepted.filter((v) => !v.late).at(-1)?.id;
}

function registrationIntake(planning: SessionPlanning, registration: RegistrationRecord, language: Language): RegistrationIntake {
  const frozen = planning.jurySets.find((set) => set.registrationId === registration.id);
  const deliverables = scopeOf(planning, registration).deliverables.map((type): DeliverableView => {
    const versions = planning.deliverables.filter((v) => v.registrationId === registration.id && v.deliverableType === type.id);
    const accepted = versions.filter((v) => v.status === 'accepted');
    const current = currentVersionOf(frozen, type.id, accepted);
    return {
      deliverableType: type.id,
      label: type.label,
      pages: { min: type.minPages, max: type.maxPages },
      state: accepted.length > 0 ? 'accepted' : versions.length > 0 ? 'refused' : 'missing',
      ...(current ? { currentVersionId: current } : {}),
      ...(frozen?.selected[type.id] ? { juryCopy: { versionId: frozen.selected[type.id]!.versionId, sha256: frozen.selected[type.id]!.sha256 } } : {}),
      late: accepted.length > 0 && accepted.every((v) => v.late),
      versions: versions.map(versionView),
    };
  });
  return {
    registrationId: registration.id,
    candidateName: fullName(registration.candidate),
    timeZone: calendarOf(planning.session).timeZone,
    deadline: intakeDeadlineOf(planning, language),
    frozen: frozen !== undefined,
    deliverables,
    missing: frozen?.missing ?? [],
  };
}

/** A candidate's deliverables: owed, received, accepted or refused and why, late or not; the deadline's notice in `language`. */
export async function deliverableStatus(
  deps: Pick<Deps, 'sessions' | 'jurors'>,
  caller: Caller,
  sessionId: string,
  registrationId: string,
  language: Language = 'en',
): Promise<RegistrationIntake> {
  const planning = await loadPlanning(deps.sessions, sessionId);
  const registration = registrationOf(planning, registrationId);
  if (!caller.roles.includes('quality')) assertCandidateOrManager(caller, planning, registration);
  return registrationIntake(planning, registration, language);
}

/** The whole session's intake at a glance: who is complete, missing, late; the deadline's notice in `language`. */
export async function intakeSummary(deps: Pick<Deps, 'sessions' | 'jurors'>, caller: Caller, sessionId: string, language: Language = 'en') {
  const planning = await loadPlanning(deps.sessions, sessionId);
  await assertCanReadSession(caller, planning, deps.jurors);
  const candidates = planning.registrations.map((registration) => {
    const intake = registrationIntake(planning, registration, language);
    return {
      registrationId: intake.registrationId,
      candidateName: intake.candidateName,
      complete: intake.deliverables.every((d) => d.state === 'accepted' && !d.late),
      missing: intake.deliverables.filter((d) => d.state !== 'accepted').map((d) => d.deliverableType),
      late: intake.deliverables.filter((d) => d.late).map((d) => d.deliverableType),
      refusedVersions: intake.deliverables.reduce((total, d) => total + d.versions.filter((v) => v.status === 'refused').length, 0),
    };
  });
  return {
    sessionId,
    timeZone: calendarOf(planning.session).timeZone,
    deadline: intakeDeadlineOf(planning, language),
    frozen: planning.session.frozenAt !== undefined,
    complete: candidates.filter((c) => c.complete).length,
    candidates,
  };
}

/** The session's intake at a glance, as `intakeSummary` returns it. */
export type IntakeSummary = Awaited<ReturnType<typeof intakeSummary>>;
