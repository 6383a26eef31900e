import { addDays, frenchDate, fullName, localDate, offsetAt, referentialFor, zonedIso, type PvResult, type Referential, type Violation, violationMessage } from '../../domain';
import type { AuditEvent } from '../audit';
import { gridSigners } from '../exam-day/day-context';
import { calendarOf, type JurorRecord, type RegistrationRecord, type SessionPlanning } from '../sessions/records';
import type { MailMessage, NotificationKind, Recipient } from './ports';

/** The actions whose audit events may notify someone, whatever their details. */
export const NOTIFYING_ACTIONS = [
  'deliverable.received',
  'deliverables.frozen',
  'grid.filled',
  'results.released',
  'committee.rejected',
  'session.annulled',
] as const;

/** The human steps whose `workflow.waiting` event notifies the people the workflow waits for. */
export const NOTIFYING_WAITS = ['declarations', 'pv-seal'] as const;

/** What the messages of a session's event are written from: the session as it stands, and its jurors from the registry. */
export interface NotificationContext {
  planning: SessionPlanning;
  /** The registry records of the jurors assigned to the session. */
  jurors: readonly JurorRecord[];
}

/** Whether an audit event may notify anyone; its messages then need the session's context. */
export function mayNotify(event: Pick<AuditEvent, 'action' | 'details' | 'subject'>): boolean {
  if (event.subject.type !== 'session') return false;
  if ((NOTIFYING_ACTIONS as readonly string[]).includes(event.action)) return true;
  return event.action === 'workflow.waiting' && (NOTIFYING_WAITS as readonly string[]).includes(String(event.details.step));
}


/** An instant in French, in the session's zone with its offset: `1er juin 2027 à 14:03 (Europe/Paris, UTC+02:00)`. */
export function frenchInstant(instant: Date | string, timeZone: string): string {
  const at = typeof instant === 'string' ? new Date(instant) : instant;
  return `${frenchDate(localDate(at, timeZone))} à ${zonedIso(at, timeZone).slice(11, 16)} (${timeZone}, UTC${offsetAt(at, timeZone)})`;
}

const RESULTS: Record<PvResult, string> = {
  admitted: 'admis·e : vous obtenez le titre',
  'partially-admitted': 'admis·e partiellement : vous validez une partie des blocs de compétences',
  'not-admitted': 'non admis·e : aucun bloc de compétences n’est validé lors de cette session',
  absent: 'absent·e',
};

const APPEAL_GROUNDS: Record<string, string> = {
  'modalities-not-respected': 'modalités de l’épreuve non respectées',
  'durations-not-respected': 'durées de l’épreuve non respectées',
  'confidentiality-compromised': 'confidentialité des échanges compromise',
};

const SIGNATURE = [
  '—',
  'Certiflow, pour le centre d’examen.',
  'Ce message est envoyé automatiquement : merci de ne pas y répondre.',
].join('\n');

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** The HTML part of a message: its paragraphs, lines starting with "- " as a list. */
function htmlOf(text: string): string {
  const blocks = text.split(/\n{2,}/).map((block) => {
    const lines = block.split('\n');
    if (lines.every((line) => line.startsWith('- '))) return `<ul>${lines.map((line) => `<li>${escapeHtml(line.slice(2))}</li>`).join('')}</ul>`;
    return `<p>${lines.map(escapeHtml).join('<br>')}</p>`;
  });
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8"></head><body>${blocks.join('')}</body></html>`;
}

function message(kind: NotificationKind, recipient: Recipient, person: { email: string; firstName: string; lastName: string }, subject: string, paragraphs: string[]): MailMessage {
  const text = [`Bonjour ${fullName(person)},`, ...paragraphs, SIGNATURE].join('\n\n');
  return { kind, recipient, to: person.email, toName: fullName(person), subject, text, html: htmlOf(text) };
}

function referentialOf(titleCode: string): Pick<Referential, 'rncpCode' | 'title' | 'blocks' | 'deliverables'> | undefined {
  try {
    return referentialFor(titleCode);
  } catch {
    return undefined;
  }
}

/** How a message names the session: `la session de certification RNCP34757 (Développeur·se en intelligence artificielle) du 15 juin 2027`. */
function sessionName(planning: SessionPlanning): string {
  const { session } = planning;
  const ref = referentialOf(session.titleCode);
  return `la session de certification ${session.titleCode}${ref ? ` (${ref.title})` : ''} du ${frenchDate(session.sessionDate)}`;
}

function candidateRecipient(registration: RegistrationRecord): Recipient {
  return { role: 'candidate', id: registration.id };
}

function jurorRecipient(juror: JurorRecord): Recipient {
  return { role: 'juror', id: juror.id };
}

function reasonLines(violations: readonly Violation[]): string {
  return violations.map((v) => `- ${violationMessage(v, 'fr')}`).join('\n');
}

/** DELIV-2..7: the candidate learns that a deliverable was received, accepted or refused and why. */
function deliverableReceived(event: AuditEvent, { planning }: NotificationContext): MailMessage[] {
  const version = planning.deliverables.find((v) => v.id === event.details.versionId);
  const registration = version && planning.registrations.find((r) => r.id === version.registrationId);
  if (!version || !registration) return [];
  const { timeZone } = calendarOf(planning.session);
  const name = referentialOf(planning.session.titleCode)?.deliverables.find((d) => d.id === version.deliverableType)?.name ?? version.deliverableType;
  const received = `Votre dépôt « ${name} » pour ${sessionName(planning)} a été reçu le ${frenchInstant(version.receivedAt, timeZone)}`;
  const closesAt = planning.session.intake?.closesAt;
  const byManager = version.uploadedAs === 'session-manager' ? ['Il a été déposé pour vous par votre responsable de session (DELIV-6).'] : [];
  if (version.status === 'refused') {
    const reasons = version.violations.length === 1 ? 'pour la raison suivante' : 'pour les raisons suivantes';
    const next = closesAt && !version.late
      ? `Vous pouvez déposer un fichier corrigé, avec une nouvelle adresse de dépôt, jusqu’à la clôture des dépôts le ${frenchInstant(closesAt, timeZone)} (DELIV-4).`
      : 'Les dépôts sont clos pour cette session : rapprochez-vous de votre responsable de session.';
    return [
      message('deliverable-refused', candidateRecipient(registration), registration.candidate, `Dépôt refusé : ${name}`, [
        `${received}, mais il a été refusé ${reasons} :`,
        reasonLines(version.violations),
        ...byManager,
        `Ce fichier est conservé, mais il ne sera pas transmis au jury. ${next}`,
      ]),
    ];
  }
  const kept = version.late
    ? [`Il est arrivé après la clôture des dépôts${closesAt ? ` du ${frenchInstant(closesAt, timeZone)}` : ''} : il est conservé et marqué en retard, et le responsable de session décidera s’il est transmis au jury (DELIV-5).`]
    : closesAt
      ? [`Jusqu’à la clôture des dépôts, le ${frenchInstant(closesAt, timeZone)}, vous pouvez en déposer une nouvelle version : la dernière version acceptée sera transmise au jury (DELIV-4, DELIV-7).`]
      : [];
  return [
    message('deliverable-accepted', candidateRecipient(registration), registration.candidate, `Dépôt reçu : ${name} (version ${version.version})`, [
      `${received} et accepté : c’est la version ${version.version}, de ${version.pages} pages.`,
      `Empreinte SHA-256 du fichier reçu : ${version.sha256}`,
      ...byManager,
      ...kept,
    ]),
  ];
}

/** JURY-7, JURY-8: at the freeze, each juror's dossier is ready, with the deliverables received in time. */
function dossierReady(event: AuditEvent, { planning, jurors }: NotificationContext): MailMessage[] {
  const { timeZone } = calendarOf(planning.session);
  const candidates = planning.registrations.map((r) => {
    const files = Object.keys(planning.jurySets.find((s) => s.registrationId === r.id)?.selected ?? {}).length;
    return `- ${fullName(r.candidate)} : ${files === 0 ? 'aucun document reçu' : files === 1 ? '1 document' : `${files} documents`}`;
  });
  return jurors.map((juror) =>
    message('dossier-ready', jurorRecipient(juror), juror, `Dossier jury disponible : session du ${frenchDate(planning.session.sessionDate)}`, [
      `Les dépôts des candidats de ${sessionName(planning)} ont été arrêtés le ${frenchInstant(event.at, timeZone)} (DELIV-4, DELIV-7). Votre dossier jury est disponible (JURY-7, JURY-8) : le guide, le référentiel, la grille de chaque candidat et leurs documents.`,
      candidates.join('\n'),
      `Consultez-le sur Certiflow : GET /sessions/${planning.session.id}/dossier`,
    ]),
  );
}

/** JURY-4: each juror who has not declared on every candidate is asked to. */
function declarationAwaited({ planning, jurors }: NotificationContext): MailMessage[] {
  const eve = addDays(planning.session.sessionDate, -1);
  return jurors.flatMap((juror) => {
    if (!planning.assignments.some((a) => a.jurorId === juror.id)) return [];
    const pending = planning.registrations.filter((r) => !planning.declarations.some((d) => d.jurorId === juror.id && d.registrationId === r.id));
    if (pending.length === 0) return [];
    return [
      message('declaration-awaited', jurorRecipient(juror), juror, `Déclaration de liens attendue : session du ${frenchDate(planning.session.sessionDate)}`, [
        `Pour ${sessionName(planning)}, déclarez pour chaque candidat si vous le connaissez, personnellement ou professionnellement (JURY-4) ; un juré qui a un lien avec un candidat ne l’évalue pas. Votre déclaration est attendue pour :`,
        pending.map((r) => `- ${fullName(r.candidate)}`).join('\n'),
        `Déclarez au plus tard la veille de la session, le ${frenchDate(eve)} : POST /sessions/${planning.session.id}/declarations`,
      ]),
    ];
  });
}

/** DELIB-4: every juror of the candidate signs the grid just filled, by its hash. */
function gridSignatureAwaited(event: AuditEvent, { planning, jurors }: NotificationContext): MailMessage[] {
  const registrationId = String(event.details.registrationId);
  const registration = planning.registrations.find((r) => r.id === registrationId);
  const grid = planning.grids.find((g) => g.registrationId === registrationId);
  if (!registration || !grid || grid.hash !== event.details.hash || grid.completedAt) return [];
  const { timeZone } = calendarOf(planning.session);
  const signers = gridSigners(planning, jurors, registrationId).filter((id) => !grid.signatures.some((s) => s.jurorId === id && s.hash === grid.hash));
  const name = fullName(registration.candidate);
  return jurors
    .filter((juror) => signers.includes(juror.id))
    .map((juror) =>
      message('grid-signature-awaited', jurorRecipient(juror), juror, `Grille à signer : ${name}`, [
        `La grille d’évaluation de ${name} (${sessionName(planning)}) a été remplie le ${frenchInstant(event.at, timeZone)} ; c’est sa révision ${grid.revision}.`,
        `Chaque juré du candidat la signe (DELIB-4) : relisez-la, puis signez son empreinte ${grid.hash}.`,
        `POST /sessions/${planning.session.id}/candidates/${registrationId}/grid/signatures`,
      ]),
    );
}

/** PV-4: each juror named on part 3 who has not signed the PV is asked to. */
function pvSignatureAwaited({ planning, jurors }: NotificationContext): MailMessage[] {
  const pv = planning.pv;
  if (!pv || pv.seal) return [];
  const unsigned = pv.part3.jurors.filter((j) => !pv.signatures?.some((s) => s.signerId === j.id)).map((j) => j.id);
  return jurors
    .filter((juror) => unsigned.includes(juror.id))
    .map((juror) =>
      message('pv-signature-awaited', jurorRecipient(juror), juror, `PV à signer : session du ${frenchDate(planning.session.sessionDate)}`, [
        `Tous les candidats de ${sessionName(planning)} ont été délibérés ou déclarés absents. Le procès-verbal est signé par chaque juré et par le responsable de session (PV-4) : lisez le projet, puis signez son empreinte SHA-256.`,
        `GET /sessions/${planning.session.id}/pv.pdf, puis POST /sessions/${planning.session.id}/pv/signatures`,
      ]),
    );
}

/** RETAKE-1, QUAL-1: each candidate learns their result, their document and until when they may appeal. */
function resultsReleased(event: AuditEvent, { planning }: NotificationContext): MailMessage[] {
  const { session } = planning;
  const { timeZone } = calendarOf(session);
  const ref = referentialOf(session.titleCode);
  const certificates = (event.details.certificates as Array<{ registrationId: string; kind: 'parchemin' | 'livret'; verificationCode: string }> | undefined) ?? [];
  const appealsCloseAt = typeof event.details.appealsCloseAt === 'string' ? event.details.appealsCloseAt : session.results?.appealsCloseAt;
  return planning.registrations.flatMap((registration) => {
    const row = planning.pv?.part2.find((r) => r.registrationId === registration.id);
    if (!row?.result) return [];
    const blocks = row.blocksValidated.map((code) => `- ${code} : ${ref?.blocks.find((b) => b.code === code)?.title ?? code}`);
    const certificate = certificates.find((c) => c.registrationId === registration.id);
    const document = certificate
      ? [`Votre ${certificate.kind === 'parchemin' ? 'parchemin' : 'livret de certification'} est délivré ; son code de vérification est ${certificate.verificationCode} (RETAKE-1).`]
      : [];
    return [
      message('results-released', candidateRecipient(registration), registration.candidate, `Résultats de votre session de certification ${session.titleCode}`, [
        `Les résultats de ${sessionName(planning)} sont publiés, le ${frenchInstant(event.at, timeZone)}.`,
        `Votre résultat : ${RESULTS[row.result]}.`,
        ...(blocks.length > 0 ? ['Blocs de compétences validés :', blocks.join('\n')] : []),
        ...document,
        `Consultez votre résultat : GET /sessions/${session.id}/candidates/${registration.id}/result`,
        ...(appealsCloseAt
          ? [`Si les modalités ou les durées de l’épreuve n’ont pas été respectées, ou si la confidentialité des échanges a été compromise, vous pouvez former un recours jusqu’au ${frenchInstant(appealsCloseAt, timeZone)} (QUAL-1).`]
          : []),
      ]),
    ];
  });
}

/** QUAL-2: each appellant whose appeal the committee ruled on learns the decision and its reason. */
function appealAnswered(event: AuditEvent, { planning }: NotificationContext): MailMessage[] {
  const decision = planning.decisions.find((d) => d.id === event.details.decisionId);
  if (!decision) return [];
  const { timeZone } = calendarOf(planning.session);
  const appeals = planning.appeals.filter((a) => decision.caseIds.includes(a.id));
  const seen = new Set<string>();
  return appeals.flatMap((appeal) => {
    const registration = planning.registrations.find((r) => r.id === appeal.registrationId);
    if (!registration || seen.has(registration.id)) return [];
    seen.add(registration.id);
    const outcome =
      decision.outcome === 'annulled'
        ? 'la session est annulée. Ses résultats sont nuls : ils ne comptent plus pour un titre, un bloc ou une nouvelle présentation ; les documents scellés sont conservés, avec la décision datée à côté.'
        : 'votre recours est rejeté. Les résultats de la session sont maintenus.';
    return [
      message('appeal-answered', candidateRecipient(registration), registration.candidate, `Décision sur votre recours : ${decision.outcome === 'annulled' ? 'session annulée' : 'recours rejeté'}`, [
        `La commission qualité a statué le ${frenchInstant(decision.decidedAt, timeZone)} sur votre recours du ${frenchInstant(appeal.filedAt, timeZone)} contre ${sessionName(planning)} (motif invoqué : ${APPEAL_GROUNDS[appeal.ground] ?? appeal.ground}).`,
        `Décision : ${outcome}`,
        `Motif de la décision : ${decision.reason}`,
        'QUAL-1, QUAL-2.',
      ]),
    ];
  });
}

function uniqueByRecipient(messages: MailMessage[]): MailMessage[] {
  const seen = new Set<string>();
  return messages.filter((m) => {
    const key = `${m.recipient.role}#${m.recipient.id}`;
    if (seen.has(key) || !m.to) return false;
    seen.add(key);
    return true;
  });
}

/**
 * The e-mails an audit event calls for, in French, with every instant in the session's zone and
 * its offset: at most one per recipient. A deliverable received, accepted or refused with the
 * refusal's recorded sentences (DELIV-2..7), to its candidate; the jury dossier ready at the
 * freeze (JURY-7, JURY-8), to each juror; a declaration awaited (JURY-4), to each juror yet to
 * declare; a grid signature awaited (DELIB-4), to each juror of the candidate yet to sign; a PV
 * signature awaited (PV-4), to each juror of part 3 yet to sign; the results released
 * (RETAKE-1, QUAL-1), to each candidate with a result; an appeal answered by the quality
 * committee (QUAL-2), to the appellant. Any other event: none. Pure: `context` is the session
 * as it stands when the event is handled.
 */
export function notificationsFor(event: AuditEvent, context: NotificationContext): MailMessage[] {
  if (!mayNotify(event) || context.planning.session.id !== event.subject.id) return [];
  switch (event.action) {
    case 'deliverable.received':
      return uniqueByRecipient(deliverableReceived(event, context));
    case 'deliverables.frozen':
      return uniqueByRecipient(dossierReady(event, context));
    case 'grid.filled':
      return uniqueByRecipient(gridSignatureAwaited(event, context));
    case 'results.released':
      return uniqueByRecipient(resultsReleased(event, context));
    case 'committee.rejected':
    case 'session.annulled':
      return uniqueByRecipient(appealAnswered(event, context));
    case 'workflow.waiting':
      return uniqueByRecipient(event.details.step === 'declarations' ? declarationAwaited(context) : pvSignatureAwaited(context));
    default:
      return [];
  }
}
