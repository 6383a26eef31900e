import { Conflict, describeInstant, eligibilityMatrix, Forbidden, fullName, NotFound, violation, type ConflictDeclaration, type EligibilityMatrix, type Sentence } from '../../domain';
import { actorOf, type Caller } from '../caller';
import type { Deps } from '../deps';
import { sessionCandidates } from '../sessions/planning-check';
import { calendarOf, type ConflictDeclarationRecord, type JurorRecord, type SessionPlanning } from '../sessions/records';
import { assignedJurors, loadPlanning, registrationOf } from '../sessions/planning-reads';
import { applySessionChange } from '../sessions/session-changes';
import { incidentRecord } from '../exam-day/incidents';
import type { IncidentRecord } from '../exam-day/records';
import { uuidFrom } from '../ids';

/** How long a juror's download URL stays valid: 5 minutes. */
export const DOWNLOAD_URL_SECONDS = 5 * 60;

/** The registry juror behind a caller with the jurors role, if any (one Query on an index). */
function jurorOf(deps: Pick<Deps, 'jurors'>, caller: Caller): Promise<JurorRecord | undefined> {
  return caller.roles.includes('jurors') ? deps.jurors.findByUserId(caller.id) : Promise.resolve(undefined);
}

/** The juror, who must sit on this session; Forbidden otherwise. */
function sitting(juror: JurorRecord | undefined, planning: SessionPlanning): JurorRecord {
  if (!juror || !planning.assignments.some((a) => a.jurorId === juror.id)) {
    throw new Forbidden({ en: `you do not sit on the jury of session ${planning.session.id}`, fr: `vous ne siégez pas au jury de la session ${planning.session.id}` });
  }
  return juror;
}

/** The juror × candidate matrix from the declared links (JURY-4). */
export function eligibilityOf(planning: SessionPlanning, jurors: readonly JurorRecord[]): EligibilityMatrix {
  const conflicts: ConflictDeclaration[] = planning.declarations
    .filter((d) => d.link !== 'none')
    .map((d) => ({
      jurorId: d.jurorId,
      candidateId: registrationOf(planning, d.registrationId).candidate.userId,
      nature: d.link as 'personal' | 'professional',
      declaredAt: new Date(d.declaredAt),
    }));
  return eligibilityMatrix(jurors, sessionCandidates(planning, jurors), conflicts);
}

/** Whether every sitting juror declared on every candidate. */
export function declarationsComplete(planning: SessionPlanning): boolean {
  return planning.assignments.every((a) => planning.registrations.every((r) => planning.declarations.some((d) => d.jurorId === a.jurorId && d.registrationId === r.id)));
}

/**
 * A short-lived download URL of one deliverable of the jury's set, for a sitting juror who may
 * evaluate that candidate: after the freeze (DELIV-7), never a refused or superseded version,
 * never for a candidate the juror declared a link with (JURY-4). Each URL handed out is audited:
 * the record of when the jury received the deliverables (JURY-7).
 */
export async function juryDownload(
  deps: Pick<Deps, 'sessions' | 'jurors' | 'files' | 'now' | 'newId'>,
  caller: Caller,
  sessionId: string,
  registrationId: string,
  deliverableType: string,
): Promise<{ url: string; expiresInSeconds: number; versionId: string; version: number; sha256: string }> {
  const [planning, callerJuror] = await Promise.all([loadPlanning(deps.sessions, sessionId), jurorOf(deps, caller)]);
  const juror = sitting(callerJuror, planning);
  const registration = registrationOf(planning, registrationId);
  if (planning.declarations.some((d) => d.jurorId === juror.id && d.registrationId === registrationId && d.link !== 'none')) {
    const name = fullName(registration.candidate);
    throw new Forbidden({ en: `JURY-4: you declared a link with ${name} and do not evaluate them`, fr: `JURY-4 : vous avez déclaré un lien avec ${name} et ne l'évaluez pas` });
  }
  const set = planning.jurySets.find((s) => s.registrationId === registrationId);
  if (!set) {
    throw new Conflict({
      en: `the deliverables of session ${sessionId} are frozen for the jury at the intake deadline; they are not available yet (DELIV-7)`,
      fr: `les livrables de la session ${sessionId} sont figés pour le jury à la date limite de dépôt ; ils ne sont pas encore disponibles (DELIV-7)`,
    });
  }
  const copy = set.selected[deliverableType];
  const version = copy && planning.deliverables.find((v) => v.id === copy.versionId);
  if (!copy || !version) {
    throw new NotFound({
      en: `the jury has no ${deliverableType} for this candidate (DELIV-4: it was not received in time)`,
      fr: `le jury n'a pas de livrable ${deliverableType} pour ce candidat (DELIV-4 : il n'a pas été reçu dans les délais)`,
    });
  }
  const fileName = `${registration.candidate.lastName}-${deliverableType}-v${version.version}.pdf`;
  const url = await deps.files.presignDownload(version.key, copy.s3VersionId, fileName, DOWNLOAD_URL_SECONDS); // DELIV-7: these bytes and no others
  const at = deps.now().toISOString();
  await deps.sessions.recordDownload(
    { sessionId, jurorId: juror.id, registrationId, deliverableType, versionId: copy.versionId, sha256: copy.sha256, at },
    {
      subject: { type: 'session', id: sessionId },
      at,
      eventId: deps.newId(),
      actor: actorOf(caller),
      action: 'deliverable.downloaded',
      details: { jurorId: juror.id, registrationId, deliverableType, versionId: copy.versionId, s3VersionId: copy.s3VersionId, sha256: copy.sha256 }, // JURY-7
    },
  );
  return { url, expiresInSeconds: DOWNLOAD_URL_SECONDS, versionId: version.id, version: version.version, sha256: copy.sha256 };
}

/** Where declarations are still the JURY-4 step: after the freeze, until every juror declared. */
const DECLARING = 'jury-review';
/** Where a conflict declared now is a late-found one (JURY-5): the declarations are closed. */
const DECLARED = ['ready-for-exam', 'exam-day', 'deliberated'];

const LINK_FR: Record<ConflictDeclarationRecord['link'], string> = { none: 'aucun', personal: 'personnel', professional: 'professionnel' };

/** JURY-5: the incident's description of a link declared late, with the juror's own words after it. */
function lateLinkDescription({ link, description }: { link: ConflictDeclarationRecord['link']; description?: string }): Sentence {
  return {
    en: `${link} link declared late${description ? `: ${description}` : ''}`,
    fr: `lien ${LINK_FR[link]} déclaré tardivement${description ? ` : ${description}` : ''}`,
  };
}

/**
 * A sitting juror declares, for candidates whose deliverables they received, whether they know
 * them (JURY-4). The eligibility matrix follows; a candidate left with fewer than 2 eligible
 * jurors blocks the session, with the reason, until the manager assigns another juror. Once
 * every juror declared on every candidate and each has 2 eligible jurors, the workflow goes on.
 * A link declared after the juror already declared none, or once the declarations are closed,
 * is a late-found conflict (JURY-5): it is reported to the quality committee, which may annul
 * the session, and changes no juror's eligibility: it cannot be used to swap jurors quietly.
 */
export async function declareLinks(
  deps: Pick<Deps, 'sessions' | 'jurors' | 'workflow' | 'now' | 'newId'>,
  caller: Caller,
  sessionId: string,
  declarations: Array<{ registrationId: string; link: ConflictDeclarationRecord['link']; description?: string }>,
): Promise<{ matrix: EligibilityMatrix; complete: boolean; lateConflicts: IncidentRecord[] }> {
  const callerJuror = await jurorOf(deps, caller);
  let matrix: EligibilityMatrix | undefined;
  let lateConflicts: IncidentRecord[] = [];
  const planning = await applySessionChange(deps, sessionId, actorOf(caller), async (current, at) => {
    const juror = sitting(callerJuror, current);
    const { status } = current.session;
    if (status !== DECLARING && !DECLARED.includes(status)) {
      throw new Conflict({
        en: `declarations are made on receiving the deliverables, once they are frozen; session ${sessionId} is in ${status}`,
        fr: `les déclarations se font à la réception des livrables, une fois ceux-ci figés ; la session ${sessionId} est à l'état ${status}`,
      });
    }
    const jurors = await assignedJurors(deps.jurors, current);
    const records: ConflictDeclarationRecord[] = [];
    lateConflicts = [];
    for (const declaration of declarations) {
      registrationOf(current, declaration.registrationId);
      const earlier = current.declarations.find((d) => d.jurorId === juror.id && d.registrationId === declaration.registrationId);
      const late = declaration.link !== 'none' && (DECLARED.includes(status) || earlier?.link === 'none'); // JURY-5
      if (late) {
        const id = uuidFrom(`late-conflict|${sessionId}|${juror.id}|${declaration.registrationId}`);
        if (current.incidents.some((i) => i.id === id)) continue;
        const { en: description, fr: descriptionFr } = lateLinkDescription(declaration);
        lateConflicts.push({ ...incidentRecord(current, jurors, { kind: 'late-conflict', jurorId: juror.id, registrationId: declaration.registrationId, description }, { id, by: { role: 'juror', jurorId: juror.id }, at }), descriptionFr });
        continue;
      }
      if (earlier && earlier.link !== declaration.link) {
        const declaredAt = new Date(earlier.declaredAt);
        const { timeZone } = calendarOf(current.session);
        throw new Conflict({
          en: `you already declared "${earlier.link}" for registration ${declaration.registrationId} at ${describeInstant(declaredAt, timeZone)}; a declared link cannot be withdrawn, ask the manager`,
          fr: `vous avez déjà déclaré "${earlier.link}" pour l'inscription ${declaration.registrationId} le ${describeInstant(declaredAt, timeZone, 'fr')} ; un lien déclaré ne peut pas être retiré, adressez-vous au responsable de session`,
        });
      }
      if (!earlier && status === DECLARING) records.push({ jurorId: juror.id, registrationId: declaration.registrationId, link: declaration.link, ...(declaration.description ? { description: declaration.description } : {}), declaredAt: at });
    }
    const next = { ...current, declarations: [...current.declarations, ...records] };
    matrix = eligibilityOf(next, jurors); // JURY-4
    if (records.length === 0 && lateConflicts.length === 0) return undefined;
    return {
      ...(status === DECLARING ? { session: { blockers: matrix.violations } } : {}),
      items: [...records.map((record) => ({ kind: 'declaration' as const, record })), ...lateConflicts.map((record) => ({ kind: 'incident' as const, record }))],
      action: lateConflicts.length > 0 && records.length === 0 ? 'jury.late-conflict-reported' : 'jury.links-declared',
      details: {
        jurorId: juror.id,
        declarations: records.map((r) => ({ registrationId: r.registrationId, link: r.link })),
        lateConflicts: lateConflicts.map((i) => i.registrationId),
        lacking: matrix.candidatesLackingJurors,
      },
    };
  });
  const complete = planning.session.status === DECLARING ? await completeDeclarationsIfDone(deps, planning, matrix!) : declarationsComplete(planning) && matrix!.ok;
  return { matrix: matrix!, complete, lateConflicts };
}

/** Completes the workflow's declarations step once every juror declared and every candidate has 2 eligible jurors. */
export async function completeDeclarationsIfDone(deps: Pick<Deps, 'workflow'>, planning: SessionPlanning, matrix: EligibilityMatrix): Promise<boolean> {
  const done = declarationsComplete(planning) && matrix.ok;
  if (done && planning.session.pendingStep?.step === 'declarations') {
    await deps.workflow.completeStep(planning.session.pendingStep.taskToken, { eligibility: matrix.rows.map((r) => ({ registrationId: r.registrationId, eligibleJurorIds: r.eligibleJurorIds })) });
  }
  return done;
}

/** The JURY-4 message when a juror is missing declarations; for the session's blockers. */
export function missingDeclarations(planning: SessionPlanning, jurors: readonly JurorRecord[]) {
  return planning.assignments.flatMap((a) => {
    const pending = planning.registrations.filter((r) => !planning.declarations.some((d) => d.jurorId === a.jurorId && d.registrationId === r.id));
    const juror = jurors.find((j) => j.id === a.jurorId);
    if (pending.length === 0) return [];
    const name = juror ? fullName(juror) : a.jurorId;
    const s = pending.length === 1 ? '' : 's';
    return [violation('JURY-4', { en: `${name} has not yet declared on ${pending.length} candidate${s}`, fr: `${name} n'a pas encore déclaré ses liens pour ${pending.length} candidat${s}` })];
  });
}
