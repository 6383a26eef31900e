import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CertiflowClient } from '../../client/certiflow-client';
import { ROWS_PER_TRANSACTION } from '../../shared/use-cases/imports/import-rows';
import { daysFromNow, jurorBody, newSession } from './support/fixtures';
import { Inspector } from './support/inspect';
import { startTestRuntime, type TestRuntime } from './support/test-runtime';

/** A date `days` after the local clock's today, as a French spreadsheet writes it: DD/MM/YYYY. */
function frenchDate(now: Date, days: number): string {
  const [year, month, day] = daysFromNow(now, days).split('-');
  return `${day}/${month}/${year}`;
}

describe('importing candidates and jurors from CSV files', () => {
  let env: TestRuntime;
  let inspect: Inspector;
  let manager: CertiflowClient;
  let now: Date;
  let sessionId: string;
  let csv: string;
  const tag = randomUUID().slice(0, 6);

  beforeAll(async () => {
    env = await startTestRuntime();
    inspect = new Inspector(env.runtime);
    manager = await env.clientAs('managers', { sub: `manager-${tag}`, centreId: `centre-${tag}` });
    now = env.runtime.clock.now();
    sessionId = await newSession(manager, now, 90);
    // As a spreadsheet in France exports it: a byte-order mark, ";", CRLF, French headers, a quoted cell holding ";".
    csv = [
      '\uFEFFPrénom;Nom;Courriel;Identifiant;Tentative;Blocs validés;Date session précédente;Nouvelle formation',
      `Alice;Martin;alice.${tag}@example.org;alice-${tag};première;;;`,
      `Chloé;"Petit; née Roux";chloe.${tag}@example.org;chloe-${tag};reprise;A1 + A2;${frenchDate(now, -200)};non`,
      `David;Durand;david.${tag}@example.org;david-${tag};reprise;A1;${frenchDate(now, -400)};non`,
      `Inès;Lefèvre;ines.${tag}@example.org;ines-${tag};;;;`,
      '',
    ].join('\r\n');
  });
  afterAll(async () => {
    await env?.stop();
  });

  async function registeredUsers(): Promise<string[]> {
    const listed = await manager.listRegistrations(sessionId);
    expect(listed.status).toBe(200);
    return listed.data!.registrations.map((r) => ('userId' in r.candidate ? r.candidate.userId : '')).sort();
  }

  it('RETAKE-4: a preview names the line and the column of a retake more than a year after the last session without new training, and writes nothing', async () => {
    const preview = await manager.importCandidates(sessionId, { csv, commit: false });
    expect(preview.status, JSON.stringify(preview.error)).toBe(200);
    const report = preview.data!;
    expect(report).toMatchObject({ committed: false, written: 0, summary: { ok: 3, error: 1, dropped: 0 } });
    expect(report.rows.map((r) => [r.line, r.status])).toEqual([
      [2, 'ok'],
      [3, 'ok'],
      [4, 'error'],
      [5, 'ok'],
    ]);
    expect(report.rows[1]!.values).toMatchObject({ Nom: 'Petit; née Roux', 'Blocs validés': 'A1 + A2' });
    expect(report.rows[2]!.errors).toEqual([{ field: 'Date session précédente', ruleId: 'RETAKE-4', message: expect.stringMatching(/^RETAKE-4: David Durand last sat on .*; after .* a new training is required before sitting again$/) }]);
    expect(await registeredUsers()).toEqual([]);
  });

  it('RETAKE-4: a commit with that line kept is refused (422) naming it, and writes nothing; in French when Accept-Language asks', async () => {
    const refused = await manager.importCandidates(sessionId, { csv, commit: true }, { idempotencyKey: randomUUID() });
    expect(refused.status).toBe(422);
    expect(refused.error).toMatchObject({ code: 'ImportRefused', message: expect.stringMatching(/^line 4 has errors: correct it in the file, or leave it out with dropLines/), violations: [{ ruleId: 'RETAKE-4' }] });
    expect(await registeredUsers()).toEqual([]);

    const french = manager.speaking('fr');
    const preview = await french.importCandidates(sessionId, { csv, commit: false });
    expect(preview.data!.rows[2]!.errors[0]!.message).toMatch(/^RETAKE-4 : la dernière session de David Durand date du .* ; après le .*, une nouvelle formation est requise avant de se présenter à nouveau$/);
    const refusedInFrench = await french.importCandidates(sessionId, { csv, commit: true }, { idempotencyKey: randomUUID() });
    expect(refusedInFrench.status).toBe(422);
    expect(refusedInFrench.error!.message).toMatch(/^la ligne 4 comporte des erreurs : corrigez-la dans le fichier, ou écartez-la avec dropLines, puis validez de nouveau l'import ; rien n'a été enregistré$/);
    expect(refusedInFrench.error!.violations![0]!.message).toMatch(/^RETAKE-4 : .* \(ligne 4\)$/);
    expect(await registeredUsers()).toEqual([]);
  });

  it('RETAKE-2, RETAKE-4: a commit with that line dropped registers the others with their audit events; a retry with the same Idempotency-Key answers the same and registers nobody twice', async () => {
    const key = randomUUID();
    const committed = await manager.importCandidates(sessionId, { csv, commit: true, dropLines: [4] }, { idempotencyKey: key });
    expect(committed.status, JSON.stringify(committed.error)).toBe(200);
    expect(committed.data).toMatchObject({ committed: true, written: 3, summary: { ok: 3, error: 0, dropped: 1 } });
    expect(await registeredUsers()).toEqual([`alice-${tag}`, `chloe-${tag}`, `ines-${tag}`]);
    const chloe = (await manager.listRegistrations(sessionId)).data!.registrations.find((r) => 'userId' in r.candidate && r.candidate.userId === `chloe-${tag}`)!;
    expect(chloe).toMatchObject({ attempt: 'retake', previouslyValidatedBlocks: ['A1', 'A2'], previousSessionDate: daysFromNow(now, -200), newTraining: false });

    const retried = await manager.importCandidates(sessionId, { csv, commit: true, dropLines: [4] }, { idempotencyKey: key });
    expect(retried.status).toBe(200);
    expect(retried.data).toEqual(committed.data);
    expect(await registeredUsers()).toEqual([`alice-${tag}`, `chloe-${tag}`, `ines-${tag}`]);
    const actions = (await inspect.partition(`AUDIT#SESSION#${sessionId}`)).map((e) => e.action);
    expect(actions.filter((a) => a === 'candidates.imported')).toHaveLength(1);
    expect(actions.filter((a) => a === 'candidate.registered')).toHaveLength(3);

    const again = await manager.importCandidates(sessionId, { csv, commit: false }, { idempotencyKey: randomUUID() });
    expect(again.data!.rows.find((r) => r.line === 2)!.errors).toEqual([{ field: 'Identifiant', message: `candidate alice-${tag} is already registered to session ${sessionId}` }]);
  });

  it('JURY-2: a jurors file names the e-mail column for an e-mail not in the registry and for a lapsed habilitation; a commit without them assigns the habilitated jurors', async () => {
    const create = async (overrides: Record<string, unknown> = {}) => (await env.certifier.createJuror(jurorBody(now, overrides))).data!.juror;
    const [camille, dominique] = [await create(), await create({ profession: 'data engineer' })];
    const lapsed = await create({ habilitations: [{ issuedBy: 'Simplon', validFrom: daysFromNow(now, -365), validUntil: daysFromNow(now, 30) }] });
    const file = ['e-mail', camille.email.toUpperCase(), `inconnu.${tag}@example.org`, lapsed.email, dominique.email].join('\n');

    const preview = await manager.speaking('fr').importJurors(sessionId, { csv: file, commit: false });
    expect(preview.status, JSON.stringify(preview.error)).toBe(200);
    expect(preview.data!.summary).toEqual({ ok: 2, error: 2, dropped: 0 });
    expect(preview.data!.rows[1]!.errors).toEqual([{ field: 'e-mail', ruleId: 'JURY-2', message: expect.stringMatching(/^JURY-2 : aucun juré du registre du certificateur n'a l'adresse e-mail inconnu\./) }]);
    expect(preview.data!.rows[2]!.errors).toEqual([{ field: 'e-mail', ruleId: 'JURY-2', message: expect.stringMatching(/a expiré le/) }]);

    const committed = await manager.importJurors(sessionId, { csv: file, commit: true, dropLines: [3, 4] }, { idempotencyKey: randomUUID() });
    expect(committed.status, JSON.stringify(committed.error)).toBe(200);
    expect(committed.data).toMatchObject({ committed: true, written: 2 });
    const session = await manager.getSession(sessionId);
    expect(session.data!.session.jurors.map((j) => j.jurorId).sort()).toEqual([camille.id, dominique.id].sort());
  });

  it(`${ROWS_PER_TRANSACTION} rows fill one transaction of DynamoDB's 100 items: 60 candidates are written in 2 transactions, ${ROWS_PER_TRANSACTION} and ${60 - ROWS_PER_TRANSACTION} rows`, async () => {
    const big = await newSession(manager, now, 120);
    const file = ['prenom,nom,email,identifiant', ...Array.from({ length: 60 }, (_, n) => `Prénom${n},Nom${n},p${n}.${tag}@example.org,bulk-${n}-${tag}`)].join('\n');
    const committed = await manager.importCandidates(big, { csv: file, commit: true }, { idempotencyKey: randomUUID() });
    expect(committed.status, JSON.stringify(committed.error)).toBe(200);
    expect(committed.data).toMatchObject({ committed: true, written: 60 });
    expect((await manager.listRegistrations(big)).data!.registrations).toHaveLength(60);
    const imported = (await inspect.partition(`AUDIT#SESSION#${big}`)).filter((e) => e.action === 'candidates.imported').map((e) => (e.details as { registered: number }).registered);
    expect(imported.sort((a, b) => b - a)).toEqual([ROWS_PER_TRANSACTION, 60 - ROWS_PER_TRANSACTION]);
  });
});
