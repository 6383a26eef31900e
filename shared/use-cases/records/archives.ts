import { createHash } from 'node:crypto';
import { Forbidden, NotFound } from '../../domain';
import { actorOf, type Caller } from '../caller';
import type { AuditSubject } from '../audit';
import type { Deps } from '../deps';
import { loadPlanning } from '../sessions/planning-reads';
import { publicSession, type SessionPlanning } from '../sessions/records';
import type { StoredRecord } from './documents';
import type { ExportFile, PublishedExport } from './ports';

/** What the exports read and where they hand the archive. */
export type ArchiveDeps = Pick<Deps, 'sessions' | 'records' | 'audit' | 'exports' | 'now' | 'newId'>;

/** How long an export's download link lasts. */
const EXPORT_LINK_SECONDS = 900;

/** An export as its caller receives it: the link, and what the archive holds. */
export interface ArchiveExport extends PublishedExport {
  expiresInSeconds: number;
  files: Array<{ path: string; size: number }>;
}

const json = (path: string, value: unknown): ExportFile => ({ path, bytes: new TextEncoder().encode(JSON.stringify(value, null, 2)) });

function assertCommittee(caller: Caller): void {
  if (!caller.roles.includes('quality')) throw new Forbidden({ en: 'a whole record is exported by the quality committee only', fr: 'seul le comité qualité exporte un dossier complet' });
}

/** The sealed records, diplomas, decisions and history of a session, read back by version; `only` keeps those of one registration. */
function storedRecords(planning: SessionPlanning, only?: string): Array<{ path: string; record: StoredRecord }> {
  const pv = planning.pv?.seal;
  const mine = (registrationId: string) => !only || only === registrationId;
  return [
    ...(pv?.pv && !only ? [{ path: 'pv.pdf', record: pv.pv }] : []),
    ...(pv?.grids ?? []).filter((g) => mine(g.registrationId)).map((g) => ({ path: `grids/${g.registrationId}.pdf`, record: g.document })),
    ...planning.certificates.filter((c) => c.document && mine(c.registrationId)).map((c) => ({ path: `certificates/${c.registrationId}-${c.kind}.pdf`, record: c.document! })),
    ...planning.decisions.filter((d) => d.document).map((d) => ({ path: `decisions/${d.id}.pdf`, record: d.document! })),
  ];
}

async function readRecords(deps: Pick<Deps, 'records'>, prefix: string, records: Array<{ path: string; record: StoredRecord }>): Promise<ExportFile[]> {
  const files: ExportFile[] = [];
  for (const { path, record } of records) {
    const bytes = await deps.records.read(record.key, record.s3VersionId);
    if (!bytes) throw new NotFound({
      en: `the record ${record.key} (version ${record.s3VersionId}) is missing from the records bucket`,
      fr: `le document ${record.key} (version ${record.s3VersionId}) est absent de l'espace d'archivage`,
    });
    files.push({ path: `${prefix}${path}`, bytes });
  }
  return files;
}

/** Publishes the files with a manifest naming each file's SHA-256, so the archive can be checked, and records who exported what. */
async function publish(deps: ArchiveDeps, caller: Caller, subject: AuditSubject, name: string, files: ExportFile[]): Promise<ArchiveExport> {
  const manifest = json('manifest.json', {
    generatedAt: deps.now().toISOString(),
    generatedBy: caller.id,
    files: files.map((f) => ({ path: f.path, size: f.bytes.length, sha256: createHash('sha256').update(f.bytes).digest('hex') })),
  });
  const all = [manifest, ...files];
  const published = await deps.exports.publishZip(`${name}-${deps.newId()}.zip`, all, `${name}.zip`, EXPORT_LINK_SECONDS);
  await deps.audit.append({ subject, at: deps.now().toISOString(), eventId: deps.newId(), actor: actorOf(caller), action: 'record.exported', details: { sha256: published.sha256, size: published.size, files: all.length } });
  return { ...published, expiresInSeconds: EXPORT_LINK_SECONDS, files: all.map((f) => ({ path: f.path, size: f.bytes.length })) };
}

/**
 * A session's whole record, as one archive for the quality committee: the session, registrations,
 * deliverable versions, jury sets, declarations, the exam day, grids, PV, incidents, appeals and
 * decisions, every audit event and jury receipt, and the sealed documents read back by version.
 */
export async function exportSessionArchive(deps: ArchiveDeps, caller: Caller, sessionId: string): Promise<ArchiveExport> {
  assertCommittee(caller);
  const planning = await loadPlanning(deps.sessions, sessionId);
  const [events, receipts] = await Promise.all([deps.audit.eventsOf({ type: 'session', id: sessionId }), deps.sessions.downloadsOf(sessionId)]);
  const { session, ...items } = planning;
  const history = session.executionHistory;
  const files = [
    json('session.json', publicSession(session)),
    json('records.json', items),
    json('audit-events.json', events),
    json('jury-receipts.json', receipts),
    ...(await readRecords(deps, 'documents/', [
      ...storedRecords(planning),
      ...(history ? [{ path: 'execution-history.json', record: { key: history.key, s3VersionId: history.s3VersionId, sha256: history.sha256, contentType: 'application/json', size: 0 } }] : []),
    ])),
  ];
  return publish(deps, caller, { type: 'session', id: sessionId }, `session-${sessionId}`, files);
}

/**
 * A person's whole record as a candidate, as one archive for the quality committee: every
 * registration, with its session's deliverable versions, jury set, exam, grid, PV row,
 * diploma or booklet, appeals and decisions, the audit events that name them, the results
 * ledger, and their sealed documents.
 */
export async function exportPersonArchive(deps: ArchiveDeps, caller: Caller, userId: string): Promise<ArchiveExport> {
  assertCommittee(caller);
  const registrations = await deps.sessions.registrationsOfCandidate(userId);
  if (registrations.length === 0) throw new NotFound({ en: `no registration on record for person ${userId}`, fr: `aucune inscription n'est enregistrée pour la personne ${userId}` });
  const files: ExportFile[] = [json('results-ledger.json', await deps.sessions.sittingsOf(userId))];
  for (const registration of registrations) {
    const planning = await loadPlanning(deps.sessions, registration.sessionId);
    const id = registration.id;
    const mentions = (value: unknown) => JSON.stringify(value).includes(id) || JSON.stringify(value).includes(userId);
    const prefix = `sessions/${registration.sessionId}/`;
    files.push(
      json(`${prefix}record.json`, {
        session: publicSession(planning.session),
        registration: planning.registrations.find((r) => r.id === id),
        deliverables: planning.deliverables.filter((d) => d.registrationId === id),
        jurySet: planning.jurySets.find((s) => s.registrationId === id),
        declarations: planning.declarations.filter((d) => d.registrationId === id),
        exam: planning.exams.find((e) => e.registrationId === id),
        grid: planning.grids.find((g) => g.registrationId === id),
        pvRow: planning.pv?.part2.find((r) => r.registrationId === id),
        pvSeal: planning.pv?.seal ? { at: planning.pv.seal.at, sha256: planning.pv.seal.pv?.sha256 } : undefined,
        certificate: planning.certificates.find((c) => c.registrationId === id),
        incidents: planning.incidents.filter((i) => i.registrationId === id),
        appeals: planning.appeals.filter((a) => a.registrationId === id),
        decisions: planning.decisions.filter((d) => planning.session.annulment?.decisionId === d.id || d.caseIds.some((c) => planning.appeals.some((a) => a.id === c && a.registrationId === id))),
      }),
      json(`${prefix}audit-events.json`, (await deps.audit.eventsOf({ type: 'session', id: registration.sessionId })).filter(mentions)),
      ...(await readRecords(deps, `${prefix}documents/`, storedRecords(planning, id))),
    );
  }
  return publish(deps, caller, { type: 'person', id: userId }, `person-${userId}`, files);
}
