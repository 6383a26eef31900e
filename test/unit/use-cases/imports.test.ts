import { describe, expect, it } from 'vitest';
import { Conflict, Forbidden, InvalidInput } from '../../../shared/domain/errors';
import { createSessionBody } from '../../../shared/schemas/session-schemas';
import type { Caller } from '../../../shared/use-cases/caller';
import { setTrainers } from '../../../shared/use-cases/candidates/set-trainers';
import { registerCandidate } from '../../../shared/use-cases/candidates/register-candidate';
import type { SittingRecord } from '../../../shared/use-cases/exam-day/records';
import { importCandidates } from '../../../shared/use-cases/imports/import-candidates';
import { importJurors } from '../../../shared/use-cases/imports/import-jurors';
import { ImportRefused, ROWS_PER_TRANSACTION, type ImportReport } from '../../../shared/use-cases/imports/import-rows';
import { createJuror } from '../../../shared/use-cases/jurors/registry';
import { assignJuror } from '../../../shared/use-cases/jurors/assign-juror';
import { createSession } from '../../../shared/use-cases/sessions/create-session';
import { inMemoryDeps } from '../support/in-memory-sessions';

const manager: Caller = { id: 'manager-1', roles: ['managers'], centreId: 'centre-1' };
const certifier: Caller = { id: 'certifier-1', roles: ['certifiers'] };
const SESSION_DATE = '2027-06-15';

async function planningSession() {
  const env = inMemoryDeps();
  const session = await createSession(env.deps, manager, createSessionBody.parse({ titleCode: 'RNCP34757', sessionDate: SESSION_DATE, address: '12 rue des Lilas, 69001 Lyon' }));
  return { ...env, sessionId: session.id };
}

const HEADER = 'Prénom;Nom;Courriel;Identifiant;Tentative;Blocs validés;Date session précédente;Nouvelle formation';

/** The file of the tests: a first attempt, a retake within the year (DD/MM/YYYY), a bad e-mail, a retake too late without training, an unknown block. */
const FILE = [
  `\uFEFF${HEADER}`,
  'Alice;Martin;alice@example.org;cand-alice;;;;',
  'Chloé;Petit;chloe@example.org;cand-chloe;reprise;A1 A2;14/09/2026;non',
  'Bruno;Durand;bruno.example.org;cand-bruno;première;;;',
  'David;Roux;david@example.org;cand-david;reprise;A1;02/03/2026;non',
  'Emma;Blanc;emma@example.org;cand-emma;reprise;A9;01/02/2027;oui',
].join('\r\n');

function row(report: ImportReport, line: number) {
  return report.rows.find((r) => r.line === line)!;
}

describe('importing candidates from a CSV file', () => {
  it('RETAKE-2, RETAKE-4: a preview reports each line with its values and its errors, naming the column as the file headed it, and writes nothing', async () => {
    const { deps, sessions, sessionId } = await planningSession();
    const before = sessions.audit.length;
    const report = await importCandidates(deps, manager, sessionId, { csv: FILE, commit: false }, { importId: 'import-1', language: 'en' });
    expect(report.summary).toEqual({ ok: 2, error: 3, dropped: 0 });
    expect(report).toMatchObject({ committed: false, written: 0 });
    expect(row(report, 2)).toEqual({
      line: 2,
      status: 'ok',
      values: { Prénom: 'Alice', Nom: 'Martin', Courriel: 'alice@example.org', Identifiant: 'cand-alice', Tentative: '', 'Blocs validés': '', 'Date session précédente': '', 'Nouvelle formation': '' },
      errors: [],
    });
    expect(row(report, 3)).toMatchObject({ status: 'ok', values: { Tentative: 'reprise', 'Blocs validés': 'A1 A2', 'Date session précédente': '14/09/2026', 'Nouvelle formation': 'non' } });
    expect(row(report, 4)).toMatchObject({ status: 'error', errors: [{ field: 'Courriel', message: 'an e-mail address' }] });
    expect(row(report, 5).errors).toEqual([{ field: 'Date session précédente', ruleId: 'RETAKE-4', message: expect.stringMatching(/^RETAKE-4: David Roux last sat on 2026-03-02; after 2027-03-02 a new training is required/) }]);
    expect(row(report, 6).errors).toEqual([{ field: 'Blocs validés', ruleId: 'RETAKE-2', message: expect.stringMatching(/^RETAKE-2: block A9 does not exist in RNCP34757/) }]);
    expect(sessions.audit.length).toBe(before);
    expect((await sessions.load(sessionId))!.registrations).toEqual([]);
  });

  it('RETAKE-4: the messages are in the language of the request', async () => {
    const { deps, sessionId } = await planningSession();
    const report = await importCandidates(deps, manager, sessionId, { csv: FILE, commit: false }, { importId: 'import-1', language: 'fr' });
    expect(row(report, 4).errors).toEqual([{ field: 'Courriel', message: 'une adresse e-mail' }]);
    expect(row(report, 5).errors[0]!.message).toMatch(/^RETAKE-4 : la dernière session de David Roux date du 2 mars 2026 ; après le 2 mars 2027, une nouvelle formation est requise/);
  });

  it('reads the cells the single route takes in another form, and says what it cannot read', async () => {
    const { deps, sessionId } = await planningSession();
    const csv = [HEADER, 'Anne;Noir;anne@example.org;cand-anne;peut-être;;;', 'Paul;Vert;paul@example.org;cand-paul;reprise;;mars 2026;bof', 'Léa;Gris;lea@example.org;cand-lea;;A1;;', 'Hugo;Brun;hugo@example.org;cand-hugo;reprise;;2026-09-01;'].join('\n');
    const report = await importCandidates(deps, manager, sessionId, { csv, commit: false }, { importId: 'import-1', language: 'en' });
    expect(row(report, 2).errors).toEqual([{ field: 'Tentative', message: '"peut-être" is not an attempt: write "première" (first) or "reprise" (retake)' }]);
    expect(row(report, 3).errors.map((e) => e.field)).toEqual(['Date session précédente', 'Nouvelle formation']);
    expect(row(report, 4).errors).toEqual([{ field: 'Blocs validés', message: 'only for a retake: leave it empty, or write "reprise" as the attempt' }]);
    expect(row(report, 5).errors).toEqual([{ field: 'Nouvelle formation', message: 'required for a retake: whether the candidate followed a new training since' }]);
  });

  it('a candidate twice in the file, or already registered to the session, is an error on the identifier column', async () => {
    const { deps, sessionId } = await planningSession();
    await registerCandidate(deps, manager, sessionId, { attempt: 'first', candidate: { userId: 'cand-zoe', firstName: 'Zoé', lastName: 'Leroy', email: 'zoe@example.org' } });
    const csv = [HEADER, 'Alice;Martin;alice@example.org;cand-alice;;;;', 'Zoé;Leroy;zoe@example.org;cand-zoe;;;;', 'Alice;Martin;alice@example.org;cand-alice;;;;'].join('\n');
    const report = await importCandidates(deps, manager, sessionId, { csv, commit: false }, { importId: 'import-1', language: 'en' });
    expect(row(report, 3).errors).toEqual([{ field: 'Identifiant', message: `candidate cand-zoe is already registered to session ${sessionId}` }]);
    expect(row(report, 4).errors).toEqual([{ field: 'Identifiant', message: 'the same candidate (cand-alice) as line 2: keep one of the two lines' }]);
    const dropped = await importCandidates(deps, manager, sessionId, { csv, commit: false, dropLines: [2] }, { importId: 'import-1', language: 'en' });
    expect(row(dropped, 2).status).toBe('dropped');
    expect(row(dropped, 4).status).toBe('ok');
  });

  it('RETAKE-2: a person the results ledger holds is read from it: registered as a first attempt, the row names the attempt column', async () => {
    const { deps, sessions, sessionId } = await planningSession();
    const sitting: SittingRecord = { userId: 'cand-alice', sessionId: 'older', titleCode: 'RNCP34757', sessionDate: '2026-11-02', timeZone: 'Europe/Paris', registrationId: 'r-0', result: 'partially-admitted', blocksValidatedNow: ['A1'], blocksHeld: ['A1'], deliberatedAt: '2026-11-02T17:00:00Z' };
    sessions.sittings.push(sitting);
    const report = await importCandidates(deps, manager, sessionId, { csv: FILE, commit: false }, { importId: 'import-1', language: 'en' });
    expect(row(report, 2).errors).toEqual([{ field: 'Tentative', ruleId: 'RETAKE-2', message: expect.stringMatching(/^RETAKE-2: the results ledger shows Alice Martin last sat RNCP34757 on 2026-11-02, holding A1: register them as sitting again/) }]);
  });

  it('a commit is refused while a line not dropped has an error, naming the lines and the rules, and writes nothing', async () => {
    const { deps, sessions, sessionId } = await planningSession();
    const before = sessions.audit.length;
    const error = (await importCandidates(deps, manager, sessionId, { csv: FILE, commit: true, dropLines: [4] }, { importId: 'import-1', language: 'en' }).catch((e: unknown) => e)) as ImportRefused;
    expect(error).toBeInstanceOf(ImportRefused);
    expect(error.kind).toBe('rule');
    expect(error.sentence.en).toBe('lines 5 and 6 have errors: correct them in the file, or leave them out with dropLines, and commit again; nothing was written');
    expect(error.sentence.fr).toBe('les lignes 5 et 6 comportent des erreurs : corrigez-les dans le fichier, ou écartez-les avec dropLines, puis validez de nouveau l\'import ; rien n\'a été enregistré');
    expect(error.violations.map((v) => v.ruleId)).toEqual(['RETAKE-4', 'RETAKE-2']);
    expect(error.violations[0]!.message).toMatch(/\(line 5\)$/);
    expect(sessions.audit.length).toBe(before);
  });

  it('a commit with the faulty lines dropped registers the others in one transaction, each with its audit event; a retry of the same import writes nothing twice', async () => {
    const { deps, sessions, sessionId } = await planningSession();
    const before = sessions.audit.length;
    const body = { csv: FILE, commit: true, dropLines: [4, 5, 6] };
    const report = await importCandidates(deps, manager, sessionId, body, { importId: 'import-1', language: 'en' });
    expect(report).toMatchObject({ committed: true, written: 2, summary: { ok: 2, error: 0, dropped: 3 } });
    const planning = (await sessions.load(sessionId))!;
    expect(planning.registrations.map((r) => [r.candidate.userId, r.attempt, r.previousSessionDate])).toEqual([
      ['cand-alice', 'first', undefined],
      ['cand-chloe', 'retake', '2026-09-14'],
    ]);
    expect(planning.session.version).toBe(2);
    const events = sessions.audit.slice(before);
    expect(events.map((e) => e.action)).toEqual(['candidates.imported', 'candidate.registered', 'candidate.registered']);
    expect(events[0]!.details).toEqual({ importId: 'import-1', registered: 2, lines: [2, 3], rows: 5, dropped: 3 });
    expect(events[1]!.details).toMatchObject({ candidateUserId: 'cand-alice', importId: 'import-1', line: 2 });
    expect(new Set(events.map((e) => e.at)).size).toBe(1);

    const again = await importCandidates(deps, manager, sessionId, body, { importId: 'import-1', language: 'en' });
    expect(again).toEqual(report);
    expect((await sessions.load(sessionId))!.registrations).toHaveLength(2);
    expect(sessions.audit.length).toBe(before + 3);
  });

  it(`more rows than one transaction holds (${ROWS_PER_TRANSACTION}) are written in parts; after a failure between parts, a retry of the same import writes the rest once`, async () => {
    const { deps, sessions, sessionId } = await planningSession();
    const csv = ['prénom;nom;email;identifiant', ...Array.from({ length: 60 }, (_, n) => `Prénom${n};Nom${n};p${n}@example.org;cand-${n}`)].join('\n');
    const commit = sessions.commit.bind(sessions);
    let commits = 0;
    sessions.commit = async (change) => {
      if (++commits === 2) throw new Error('DynamoDB unavailable');
      return commit(change);
    };
    await expect(importCandidates(deps, manager, sessionId, { csv, commit: true }, { importId: 'import-big', language: 'en' })).rejects.toThrow('DynamoDB unavailable');
    expect((await sessions.load(sessionId))!.registrations).toHaveLength(ROWS_PER_TRANSACTION);
    const report = await importCandidates(deps, manager, sessionId, { csv, commit: true }, { importId: 'import-big', language: 'en' });
    expect(report).toMatchObject({ committed: true, written: 60, summary: { ok: 60, error: 0, dropped: 0 } });
    const registrations = (await sessions.load(sessionId))!.registrations;
    expect(new Set(registrations.map((r) => r.candidate.userId)).size).toBe(60);
    const imported = sessions.audit.filter((e) => e.action === 'candidates.imported').map((e) => e.details.registered);
    expect(imported).toEqual([ROWS_PER_TRANSACTION, 60 - ROWS_PER_TRANSACTION]);
    expect(sessions.audit.filter((e) => e.action === 'candidate.registered')).toHaveLength(60);
  });

  it('dropLines names data rows of the file: another line is a 400 on dropLines', async () => {
    const { deps, sessionId } = await planningSession();
    const error = (await importCandidates(deps, manager, sessionId, { csv: FILE, commit: false, dropLines: [4, 9] }, { importId: 'i', language: 'en' }).catch((e: unknown) => e)) as InvalidInput;
    expect(error).toBeInstanceOf(InvalidInput);
    expect(error.field).toBe('dropLines');
    expect(error.sentence.fr).toBe('dropLines : 9 ne désigne aucune ligne de données du fichier (la prévisualisation indique la ligne de chacune)');
  });

  it("a manager imports only into their own centre's sessions, and only while planning is open", async () => {
    const { deps, sessionId, sessions } = await planningSession();
    await expect(importCandidates(deps, { ...manager, centreId: 'centre-2' }, sessionId, { csv: FILE, commit: false }, { importId: 'i', language: 'en' })).rejects.toThrow(Forbidden);
    const planning = sessions.planning.get(sessionId)!;
    planning.session.planningClosed = { at: '2027-01-10T09:00:00Z', by: 'manager-1' };
    await expect(importCandidates(deps, manager, sessionId, { csv: FILE, commit: false }, { importId: 'i', language: 'en' })).rejects.toThrow(Conflict);
  });
});

describe('importing jurors from a CSV file', () => {
  const habilitation = { issuedBy: 'Simplon', validFrom: '2026-01-01', validUntil: '2028-12-31' };

  async function withRegistry() {
    const env = await planningSession();
    const juror = (email: string, overrides: Record<string, unknown> = {}) =>
      createJuror(env.deps, certifier, { firstName: 'Camille', lastName: email.split('@')[0]!, email, profession: 'AI developer', yearsOfExperience: 6, habilitations: [habilitation], ...overrides });
    const jurors = {
      qualified: await juror('camille@example.org'),
      second: await juror('dominique@example.org', { profession: 'data engineer' }),
      expired: await juror('sacha@example.org', { habilitations: [{ ...habilitation, validUntil: '2027-03-31' }] }),
      trainer: await juror('paul.formateur@example.org'),
    };
    await setTrainers(env.deps, manager, env.sessionId, [{ firstName: 'Paul', lastName: 'Formateur', email: 'paul.formateur@example.org' }]);
    return { ...env, jurors };
  }

  it('JURY-2, JURY-3: a preview names the e-mail column for an e-mail not in the registry, an expired habilitation, a trainer of the cohort, a juror twice or already sitting', async () => {
    const { deps, sessionId, jurors } = await withRegistry();
    await assignJuror(deps, manager, sessionId, jurors.second.id);
    const csv = ['E-mail', 'Camille@Example.org', 'nobody@example.org', 'sacha@example.org', 'paul.formateur@example.org', 'camille@example.org', 'dominique@example.org'].join('\n');
    const report = await importJurors(deps, manager, sessionId, { csv, commit: false }, { importId: 'jurors-1', language: 'en' });
    expect(row(report, 2)).toEqual({ line: 2, status: 'ok', values: { 'E-mail': 'Camille@Example.org' }, errors: [] });
    expect(row(report, 3).errors).toEqual([{ field: 'E-mail', ruleId: 'JURY-2', message: expect.stringMatching(/^JURY-2: no juror of the certifier's registry has the e-mail nobody@example.org; only the certifier records jurors/) }]);
    expect(row(report, 4).errors).toEqual([{ field: 'E-mail', ruleId: 'JURY-2', message: expect.stringMatching(/habilitation expired on 2027-03-31/) }]);
    expect(row(report, 5).errors).toEqual([{ field: 'E-mail', ruleId: 'JURY-3', message: expect.stringMatching(/^JURY-3: Camille paul.formateur trains this session's cohort/) }]);
    expect(row(report, 6).errors).toEqual([{ field: 'E-mail', message: 'the same juror (Camille camille) as line 2: keep one of the two lines' }]);
    expect(row(report, 7).errors).toEqual([{ field: 'E-mail', message: 'Camille dominique already sits on this session: leave the line out' }]);
    const french = await importJurors(deps, manager, sessionId, { csv, commit: false }, { importId: 'jurors-1', language: 'fr' });
    expect(row(french, 3).errors[0]!.message).toMatch(/^JURY-2 : aucun juré du registre du certificateur n'a l'adresse e-mail nobody@example.org ; seul le certificateur enregistre les jurés/);
  });

  it('JURY-2: a commit assigns the habilitated jurors, each with its audit event, and a retry of the same import assigns nobody twice', async () => {
    const { deps, sessions, sessionId, jurors } = await withRegistry();
    const csv = ['courriel;nom', 'camille@example.org;Camille', 'dominique@example.org;Dominique', 'sacha@example.org;Sacha'].join('\n');
    await expect(importJurors(deps, manager, sessionId, { csv, commit: true }, { importId: 'jurors-1', language: 'en' })).rejects.toThrow(/^line 4 has errors/);
    const before = sessions.audit.length;
    const report = await importJurors(deps, manager, sessionId, { csv, commit: true, dropLines: [4] }, { importId: 'jurors-1', language: 'en' });
    expect(report).toMatchObject({ committed: true, written: 2, summary: { ok: 2, error: 0, dropped: 1 } });
    expect((await sessions.load(sessionId))!.assignments.map((a) => [a.jurorId, a.importId])).toEqual([
      [jurors.qualified.id, 'jurors-1'],
      [jurors.second.id, 'jurors-1'],
    ]);
    expect(sessions.audit.slice(before).map((e) => e.action)).toEqual(['jurors.imported', 'juror.assigned', 'juror.assigned']);
    expect(await importJurors(deps, manager, sessionId, { csv, commit: true, dropLines: [4] }, { importId: 'jurors-1', language: 'en' })).toEqual(report);
    expect(sessions.audit.length).toBe(before + 3);
    const other = await importJurors(deps, manager, sessionId, { csv, commit: false, dropLines: [4] }, { importId: 'jurors-2', language: 'en' });
    expect(other.summary).toEqual({ ok: 0, error: 2, dropped: 1 });
  });
});
