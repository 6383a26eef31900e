import { createHash, randomUUID } from 'node:crypto';
import { DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CertiflowClient } from '../../client/certiflow-client';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../local/local-aws';
import { referentialFor } from '../../shared/domain';
import { pdfPages, pdfText, stampPng, xmlSchemaErrors } from './support/documents';
import { decisions, morningOf, openDay, sitOral, toReadyForExam, uploadDeliverables, waitForCall } from './support/exam-day';
import { candidate, daysFromNow } from './support/fixtures';
import { sessionInIntake, type BuiltSession } from './support/sessions';
import { atWait, eventually, startTestRuntime, type TestRuntime } from './support/test-runtime';

const ALL_TYPES = ['project-report', 'practical-case-1-report', 'practical-case-2-report'];
const ref = referentialFor('RNCP34757');
const ALL = ref.competencies.map((c) => c.code);
const of = (...blocks: string[]) => ref.competencies.filter((c) => blocks.includes(c.block)).map((c) => c.code);
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const HOLDER = { birthName: 'Martin', firstNames: ['Alice', 'Éloïse'], birthDate: '1996-04-12', sex: 'F' as const, birthplace: { city: 'Saint-Étienne', inseeCode: '42218' } };

describe('the PV and the records: signed, stamped, sealed, diplomas, verification, appeals, annulment, CPF (PV, RETAKE-1, QUAL)', () => {
  let env: TestRuntime;
  let s3: S3Client;
  let manager: CertiflowClient;
  let otherManager: CertiflowClient;
  let quality: CertiflowClient;
  let day: BuiltSession;
  let [alice, bruno, chloe, david] = [] as BuiltSession['candidates'];
  let draftDuringDay: { bytes: Uint8Array; sha256: string };
  let draft: { bytes: Uint8Array; sha256: string };
  let sealedPv: { key: string; sha256: string };
  const codes: Record<string, string> = {};

  beforeAll(async () => {
    env = await startTestRuntime();
    s3 = new S3Client({ endpoint: env.runtime.urls.s3, forcePathStyle: true, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS });
    manager = await env.clientAs('managers', { sub: 'manager-records', centreId: 'centre-records' });
    otherManager = await env.clientAs('managers', { sub: 'manager-elsewhere', centreId: 'centre-elsewhere' });
    quality = await env.clientAs('quality', { sub: 'quality-records' });
    const now = env.runtime.clock.now();
    day = await sessionInIntake(env, manager, {
      sessionDate: daysFromNow(now, 30),
      registrations: [{ candidate: candidate('Alice') }, { candidate: candidate('Bruno') }, { candidate: candidate('Chloé') }, { candidate: candidate('David') }],
    });
    [alice, bruno, chloe, david] = day.candidates;
    for (const who of [alice!, bruno!, chloe!]) await uploadDeliverables(env, day.sessionId, who, ALL_TYPES);
    await toReadyForExam(env, manager, day);
    await morningOf(env, manager, day.sessionId);
    for (const who of [alice!, bruno!, chloe!]) expect((await manager.checkIn(day.sessionId, who.registrationId, { status: 'present' })).status).toBe(200);
    expect((await manager.checkIn(day.sessionId, david!.registrationId, { status: 'absent' })).status).toBe(200);
    expect(await openDay(env, manager, day.sessionId)).toBe(alice!.registrationId);
  }, 180_000);
  afterAll(async () => {
    s3?.destroy();
    await env?.stop();
  });

  async function deliberate(who: BuiltSession['candidates'][number], acquired: string[], notes: { reasons?: string; recommendations?: string } = {}) {
    await waitForCall(manager, day.sessionId, who.registrationId);
    await sitOral(env, day.jurors[0]!.client, day.sessionId, who.registrationId);
    const filled = await day.jurors[0]!.client.fillGrid(day.sessionId, who.registrationId, { decisions: decisions(ALL, acquired), ...notes });
    expect(filled.status, JSON.stringify(filled.error)).toBe(200);
    for (const juror of day.jurors) expect((await juror.client.signGrid(day.sessionId, who.registrationId, filled.data!.grid.hash!)).status).toBe(200);
  }

  it('PV-4, PV-5: during the day the draft marked PROJET is read by the manager and the jurors, not the quality committee; a candidate never sees a result before the seal', async () => {
    const read = await manager.pvPdf(day.sessionId);
    expect(read.status, JSON.stringify(read.error)).toBe(200);
    expect(read.headers.get('content-type')).toBe('application/pdf');
    expect(read.data!.sha256).toBe(sha256(read.data!.bytes));
    draftDuringDay = read.data!;
    const text = await pdfText(draftDuringDay.bytes);
    expect(text).toContain('PROJET');
    expect(text).toContain('Procès-verbal de la session de certification');
    expect(text).toContain('Chloé');
    expect(text).toContain('Martin-');
    expect(text).toContain('à délibérer');
    expect((await day.jurors[1]!.client.pvPdf(day.sessionId)).data!.sha256).toBe(draftDuringDay.sha256);
    const committee = await quality.pvPdf(day.sessionId);
    expect([committee.status, committee.error!.message]).toEqual([403, expect.stringMatching(/^PV-6: the quality committee reads the sealed PV/)]);
    expect((await otherManager.pvPdf(day.sessionId)).status).toBe(403);

    await deliberate(alice!, ALL);
    const early = await alice!.client.result(day.sessionId, alice!.registrationId);
    expect([early.status, early.error!.message]).toEqual([403, expect.stringMatching(/^RETAKE-1: a candidate sees their result once the PV is sealed/)]);
    await deliberate(bruno!, of('A1', 'A2'), { reasons: 'A3 et A4 non démontrés à l’oral', recommendations: 'Reprendre le déploiement et la gestion de projet' });
    await deliberate(chloe!, [], { reasons: 'Aucune compétence démontrée', recommendations: 'Suivre une nouvelle formation complète' });
    await eventually(() => manager.getSession(day.sessionId), atWait('WaitForPvSeal'), 20_000);
  });

  it('PV-4: a signature naming a draft that changed since is refused with 409 "the PV changed since you read it"', async () => {
    const stale = await day.jurors[0]!.client.signPv(day.sessionId, draftDuringDay.sha256);
    expect(stale.status).toBe(409);
    expect(stale.error!.message).toMatch(/^the PV changed since you read it/);
    expect((await manager.pv(day.sessionId)).data!.status.signatures.every((s) => !s.signedAt)).toBe(true);
  });

  it('PV-2, PV-3, PV-4: the draft after the day holds the counts, every candidate with result, reasons and recommendations, in French with accents, and renders to PNG', async () => {
    draft = (await manager.pvPdf(day.sessionId)).data!;
    expect(draft.sha256).not.toBe(draftDuringDay.sha256);
    expect((await manager.pvPdf(day.sessionId)).data!.sha256).toBe(draft.sha256);
    const text = await pdfText(draft.bytes);
    for (const [label, count] of [['Candidats inscrits', 4], ['Absents', 1], ['Admis \\(titre\\)', 1], ['Admis partiellement', 1], ['Non admis', 1]] as const) {
      expect(text).toMatch(new RegExp(`${label}\\s+${count}\\b`));
    }
    expect(text).toContain('Admis·e (titre)');
    expect(text).toContain('partiellement');
    expect(text).toContain('Non admis·e');
    expect(text).toContain('Absent·e');
    expect(text).toMatch(/A3 et A4 non\s+démontrés/);
    expect(text).toContain('Partie 3 — Membres du jury et responsable de session');
    expect(text).toContain('12 rue des Lilas, 69001 Lyon');
    const pages = await pdfPages(draft.bytes);
    expect(pages.length).toBeGreaterThanOrEqual(1);
    expect(pages[0]!.subarray(1, 4).toString('ascii')).toBe('PNG');
    expect(pages[0]!.length).toBeGreaterThan(5_000);
  });

  it('PV-6: sealing is refused with everything missing, each signature and the stamp, and nothing is written', async () => {
    const refused = await manager.sealPv(day.sessionId);
    expect(refused.status).toBe(422);
    const messages = refused.error!.violations!.map((v) => v.message);
    expect(messages[0]).toMatch(/^PV-6: PV .* cannot be sealed: 4 elements are missing/);
    expect(messages.filter((m) => /^PV-4: part 3 lacks the signature of .* \(juror\)$/.test(m))).toHaveLength(2);
    expect(messages).toContain('PV-4: part 3 lacks the signature of manager-records@certiflow.local (session manager)');
    expect(messages).toContain("PV-4: part 3 lacks the organising centre's stamp");
    const status = (await quality.pv(day.sessionId)).data!.status;
    expect(status.missing.map((v) => v.message)).toEqual(messages.slice(1));
    expect(status.sealed).toBeUndefined();
  });

  it('PV-4: each juror and the session manager sign the exact draft they read; no one else can; signing twice is one signature', async () => {
    for (const juror of day.jurors) {
      const signed = await juror.client.signPv(day.sessionId, draft.sha256);
      expect(signed.status, JSON.stringify(signed.error)).toBe(200);
      expect(signed.data!.signature).toMatchObject({ role: 'juror', signerId: juror.id, sha256: draft.sha256, method: 'electronic', userId: juror.userId });
    }
    expect((await otherManager.signPv(day.sessionId, draft.sha256)).status).toBe(403);
    const outsider = await (await env.clientAs('jurors', { sub: 'juror-not-on-this-jury' })).signPv(day.sessionId, draft.sha256);
    expect([outsider.status, outsider.error!.message]).toEqual([403, expect.stringMatching(/^PV-4: only the jurors named on part 3/)]);
    const own = await manager.signPv(day.sessionId, draft.sha256);
    expect(own.data!.signature).toMatchObject({ role: 'session-manager', signerId: 'manager-records' });
    const again = await manager.signPv(day.sessionId, draft.sha256);
    expect(again.data!.signature.signedAt).toBe(own.data!.signature.signedAt);
    const status = (await manager.pv(day.sessionId)).data!.status;
    expect(status.signatures.map((s) => [s.role, s.current])).toEqual([['juror', true], ['juror', true], ['session-manager', true]]);
    expect(status.missing.map((v) => v.message)).toEqual(["PV-4: part 3 lacks the organising centre's stamp"]);
  });

  it("PV-4: the centre's stamp is checked when uploaded, by the centre's managers only, and applied by the manager", async () => {
    const early = await manager.applyStamp(day.sessionId);
    expect([early.status, early.error!.message]).toEqual([409, expect.stringMatching(/^PV-4: centre centre-records has no stamp on file/)]);
    const notPng = await manager.uploadStamp('centre-records', { contentType: 'image/png', imageBase64: Buffer.from('%PDF-1.7 not an image').toString('base64') });
    expect([notPng.status, notPng.error!.field, notPng.error!.message]).toEqual([400, 'imageBase64', 'imageBase64: these bytes are not a PNG image; a stamp is a PNG or a JPEG']);
    const damaged = stampPng().subarray(0, 60);
    expect((await manager.uploadStamp('centre-records', { contentType: 'image/png', imageBase64: damaged.toString('base64') })).error!.message).toMatch(/^imageBase64: the image\/png image cannot be read/);
    expect((await otherManager.uploadStamp('centre-records', { contentType: 'image/png', imageBase64: stampPng().toString('base64') })).status).toBe(403);
    const uploaded = await manager.uploadStamp('centre-records', { contentType: 'image/png', imageBase64: stampPng().toString('base64') });
    expect(uploaded.status, JSON.stringify(uploaded.error)).toBe(200);
    expect(uploaded.data!.stamp).toMatchObject({ centreId: 'centre-records', width: 96, height: 96, sha256: sha256(stampPng()) });
    const stamped = await manager.applyStamp(day.sessionId);
    expect(stamped.status, JSON.stringify(stamped.error)).toBe(200);
    expect(stamped.data!.status.missing).toEqual([]);
  });

  it('PV-6, PV-7: sealed, the PV and every grid are in the records bucket under Object Lock, their hashes recorded; the objects cannot be altered and the PV no longer changes', async () => {
    const sealed = await manager.sealPv(day.sessionId, { idempotencyKey: randomUUID() });
    expect(sealed.status, JSON.stringify(sealed.error)).toBe(200);
    const seal = sealed.data!.status.sealed!;
    expect(seal.pv.lock).toMatchObject({ mode: 'COMPLIANCE' });
    expect(new Date(seal.pv.lock!.retainUntil).getFullYear()).toBeGreaterThan(new Date().getFullYear() + 98);
    expect(seal.grids.map((g) => g.registrationId).sort()).toEqual([alice!, bruno!, chloe!].map((c) => c.registrationId).sort());
    sealedPv = seal.pv;

    const read = (await quality.pvPdf(day.sessionId)).data!;
    expect(read.sha256).toBe(seal.pv.sha256);
    const text = await pdfText(read.bytes);
    expect(text).not.toContain('PROJET');
    expect(text.match(/Signé électroniquement le/g)).toHaveLength(3);
    expect(text).toContain(`empreinte ${draft.sha256.slice(0, 16)}`);
    expect(text).toMatch(/Cachet du centre organisateur, apposé le \d+ \w+ \d{4} à \d\d:\d\d \(UTC\+0[12]:00\)/);
    expect(text).toMatch(/Procès-verbal scellé le .*\(UTC\+0[12]:00\)/);
    expect((await pdfPages(read.bytes)).length).toBeGreaterThanOrEqual(1);

    const bucket = env.runtime.resources.recordsBucketName;
    const head = await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: seal.pv.key }));
    expect(head.ObjectLockMode).toBe('COMPLIANCE');
    const overwrite = await s3.send(new PutObjectCommand({ Bucket: bucket, Key: seal.pv.key, Body: 'forged', IfNoneMatch: '*' })).catch((e: Error) => e);
    expect((overwrite as Error).name).toBe('PreconditionFailed');
    const removal = await s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: seal.pv.key })).catch((e: Error) => e);
    expect((removal as Error).name).toBe('AccessDenied');
    const stored = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: seal.pv.key }));
    expect(sha256(await stored.Body!.transformToByteArray())).toBe(seal.pv.sha256);

    const resign = await day.jurors[0]!.client.signPv(day.sessionId, randomUUID().replace(/-/g, '').padEnd(64, '0'));
    expect([resign.status, resign.error!.message]).toEqual([409, expect.stringMatching(/^PV-7: the PV of session .* was sealed/)]);
    const again = await manager.sealPv(day.sessionId);
    expect(again.data!.status.sealed!.pv.sha256).toBe(seal.pv.sha256);
  });

  it('RETAKE-1: results are released after the seal: a parchemin for the four blocks, a livret listing exactly the blocks validated, nothing otherwise; the execution ends and its history is kept with the records', async () => {
    await eventually(() => manager.getSession(day.sessionId), (r) => r.data?.session.status === 'results-released' && r.data.session.workflow?.status === 'SUCCEEDED', 20_000);
    const aliceResult = (await alice!.client.result(day.sessionId, alice!.registrationId)).data!;
    expect(aliceResult).toMatchObject({ result: 'admitted', standing: 'standing', blocksValidated: ['A1', 'A2', 'A3', 'A4'], certificate: { kind: 'parchemin' } });
    codes.alice = aliceResult.certificate!.verificationCode;
    expect(codes.alice).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    const diploma = new Uint8Array(await (await fetch(aliceResult.certificate!.download!.url)).arrayBuffer());
    expect(sha256(diploma)).toBe(aliceResult.certificate!.download!.sha256);
    const diplomaText = await pdfText(diploma);
    expect(diplomaText).toContain('Parchemin');
    expect(diplomaText).toContain(codes.alice);
    expect(diplomaText).toContain('Développeur·se en intelligence artificielle');

    const brunoResult = (await bruno!.client.result(day.sessionId, bruno!.registrationId)).data!;
    expect(brunoResult).toMatchObject({ result: 'partially-admitted', certificate: { kind: 'livret' }, reasons: 'A3 et A4 non démontrés à l’oral' });
    codes.bruno = brunoResult.certificate!.verificationCode;
    const booklet = await pdfText(new Uint8Array(await (await fetch(brunoResult.certificate!.download!.url)).arrayBuffer()));
    expect(booklet).toContain('Livret de certification');
    expect(booklet).toContain('RNCP34757BC01');
    expect(booklet).toContain('RNCP34757BC02');
    expect(booklet).not.toContain('RNCP34757BC03');
    expect(booklet).not.toContain('RNCP34757BC04');

    const chloeResult = (await chloe!.client.result(day.sessionId, chloe!.registrationId)).data!;
    expect(chloeResult.result).toBe('not-admitted');
    expect(chloeResult.certificate).toBeUndefined();
    expect((await david!.client.result(day.sessionId, david!.registrationId)).data!.result).toBe('absent');
    expect(aliceResult.appeals!.closeAt).toMatch(/T00:00:00\.000\+0[12]:00$/);

    const other = await alice!.client.result(day.sessionId, bruno!.registrationId);
    expect(other.status).toBe(403);
    expect(JSON.stringify(other)).not.toContain(codes.bruno);

    const session = (await manager.getSession(day.sessionId)).data!.session;
    expect(session.executionHistory).toMatchObject({ executionStatus: 'SUCCEEDED', key: `sessions/${day.sessionId}/execution-history/${day.sessionId}.json` });
    const history = await s3.send(new GetObjectCommand({ Bucket: env.runtime.resources.recordsBucketName, Key: session.executionHistory!.key, VersionId: session.executionHistory!.s3VersionId }));
    const story = await history.Body!.transformToString();
    expect(story).toContain('"ReleaseResults"');
    expect(story).toContain('ExecutionSucceeded');
  });

  it('RETAKE-1: GET /verify/{code} is public and answers only what an employer needs; any other code is a 404, and past its rate the route answers 429', async () => {
    const verified = await env.anonymous.verify(codes.alice!);
    expect(verified.status, JSON.stringify(verified.error)).toBe(200);
    expect(Object.keys(verified.data!).sort()).toEqual(['blocks', 'certification', 'document', 'holder', 'issuedOn', 'sessionDate', 'status']);
    expect(verified.data).toMatchObject({ holder: expect.stringMatching(/^Alice Martin-/), document: 'parchemin', status: 'valide', certification: { rncpCode: 'RNCP34757' } });
    expect(verified.data!.blocks.map((b) => b.code)).toEqual(['A1', 'A2', 'A3', 'A4']);
    expect((await env.anonymous.verify(codes.alice!.toLowerCase().replace(/-/g, ''))).data!.holder).toBe(verified.data!.holder);
    const wrong = await env.anonymous.verify('0000-0000-0000');
    expect([wrong.status, Object.keys(wrong.error!)]).toEqual([404, ['code', 'message']]);
    expect((await env.anonymous.verify('not-a-code')).status).toBe(404);

    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let i = 0; i < 12; i++) {
      const response = await fetch(`${env.runtime.urls.api}/verify/0000-0000-000${i % 10}`, { headers: { 'x-forwarded-for': '203.0.113.77' } });
      statuses.push(response.status);
      if (response.status === 429) retryAfter = response.headers.get('retry-after');
      await response.arrayBuffer();
    }
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(404));
    expect(statuses.slice(10)).toEqual([429, 429]);
    expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
  });

  it('CPF: the certifier exports the holders of sealed results as the XML flux, valid against the schema the project keeps; a holder without civil status is named, not exported', async () => {
    const unset = await env.certifier.cpfExport({ from: daysFromNow(env.runtime.clock.now(), -60), to: daysFromNow(env.runtime.clock.now(), 1) });
    expect([unset.status, unset.error!.message]).toEqual([409, expect.stringMatching(/^the CPF contract of RNCP34757 is not set/)]);
    expect((await env.certifier.setTitleSettings('RNCP34757', { appealWindowMonths: 2, cpf: { idClient: 'AB12CD34', idContrat: 'MCFCER000001' } })).status).toBe(200);
    const identity = await manager.setHolderIdentity(day.sessionId, alice!.registrationId, HOLDER);
    expect(identity.status, JSON.stringify(identity.error)).toBe(200);
    expect((await manager.setHolderIdentity(day.sessionId, alice!.registrationId, { ...HOLDER, sex: 'X' as 'F' })).error!.field).toBe('sex');

    const exported = await env.certifier.cpfExport({ from: daysFromNow(env.runtime.clock.now(), -60), to: daysFromNow(env.runtime.clock.now(), 1) });
    expect(exported.status, JSON.stringify(exported.error)).toBe(200);
    expect(exported.data!.passages).toBe(1);
    expect(exported.data!.skipped.map((s) => s.registrationId)).toEqual([bruno!.registrationId]);
    expect(exported.data!.skipped[0]!.reason.ruleId).toBe('CPF-1');
    const xml = exported.data!.xml;
    expect(xml).toMatch(/xmlns(:\w+)?="urn:cdc:cpf:pc5:schema:1\.0\.0"/);
    expect(xml).toMatch(/<cpf:code>RNCP34757<\/cpf:code>/);
    expect(xml).toContain('Saint-Étienne');
    expect(await xmlSchemaErrors(xml, 'shared/cpf/cpf-pc5.xsd')).toBe('');

    expect((await manager.setHolderIdentity(day.sessionId, bruno!.registrationId, { ...HOLDER, firstNames: ['Bruno'], sex: 'M' })).status).toBe(200);
    const both = (await env.certifier.cpfExport({ from: daysFromNow(env.runtime.clock.now(), -60), to: daysFromNow(env.runtime.clock.now(), 1) })).data!;
    expect([both.passages, both.skipped]).toEqual([3, []]);
    expect(both.xml).toMatch(/<cpf:code>RNCP34757BC01<\/cpf:code>/);
    expect(both.xml).toMatch(/<cpf:code>RNCP34757BC02<\/cpf:code>/);
    expect(both.xml).not.toContain('RNCP34757BC03');
    expect(await xmlSchemaErrors(both.xml, 'shared/cpf/cpf-pc5.xsd')).toBe('');
    expect((await manager.cpfExport({ from: '2026-01-01', to: '2026-02-01' })).status).toBe(403);
  });

  it('QUAL-1: an appeal on a ground QUAL-1 does not admit is recorded and answered with why; an admissible one goes to the committee; a candidate never reads another\'s appeal', async () => {
    const inadmissible = await chloe!.client.fileAppeal(day.sessionId, chloe!.registrationId, { ground: 'disagree-with-the-jury', statement: 'Je conteste l’évaluation de mon projet.' });
    expect(inadmissible.status, JSON.stringify(inadmissible.error)).toBe(201);
    expect(inadmissible.data!.appeal.status).toBe('inadmissible');
    expect(inadmissible.data!.appeal.why!.map((v) => v.message)).toEqual([
      'QUAL-1: "disagree-with-the-jury" is not a ground for appeal; a candidate may appeal only when the modalities or durations were not respected or the confidentiality of the exchanges was compromised',
    ]);
    const admissible = await bruno!.client.fileAppeal(day.sessionId, bruno!.registrationId, { ground: 'durations-not-respected', statement: 'Mon temps de présentation a été écourté de dix minutes.' }, { idempotencyKey: 'appeal-bruno-1' });
    expect(admissible.status).toBe(201);
    expect(admissible.data!.appeal).toMatchObject({ status: 'open', ground: 'durations-not-respected' });
    const retried = await bruno!.client.fileAppeal(day.sessionId, bruno!.registrationId, { ground: 'durations-not-respected', statement: 'Mon temps de présentation a été écourté de dix minutes.' }, { idempotencyKey: 'appeal-bruno-1' });
    expect(retried.data!.appeal.id).toBe(admissible.data!.appeal.id);

    expect((await alice!.client.appeals(day.sessionId, bruno!.registrationId)).status).toBe(403);
    expect((await alice!.client.fileAppeal(day.sessionId, bruno!.registrationId, { ground: 'durations-not-respected', statement: 'au nom de Bruno, pour voir' })).status).toBe(403);
    expect((await bruno!.client.appeals(day.sessionId, bruno!.registrationId)).data!.appeals.map((a) => a.id)).toEqual([admissible.data!.appeal.id]);
    const queue = (await quality.committeeCases()).data!.items;
    expect(queue.map((c) => c.caseId)).toEqual([admissible.data!.appeal.id]);
    expect((await manager.committeeCases()).status).toBe(403);
  });

  it('QUAL-2: the committee annuls the session: verification answers "annulée", results stand void with the reason, the ledger no longer counts the blocks, the CPF never exports them; the sealed records stay and the decision is filed beside them', async () => {
    const appealId = (await bruno!.client.appeals(day.sessionId, bruno!.registrationId)).data!.appeals[0]!.id;
    const annulled = await quality.decideCases(day.sessionId, { caseIds: [appealId], outcome: 'annulled', reason: 'Durées de l’oral non respectées pour plusieurs candidats (chronométrage défaillant).' }, { idempotencyKey: 'decision-1' });
    expect(annulled.status, JSON.stringify(annulled.error)).toBe(201);
    const decision = annulled.data!.decision;
    expect(decision).toMatchObject({ outcome: 'annulled', caseIds: [appealId], document: { key: `sessions/${day.sessionId}/decisions/${decision.id}.pdf` } });
    const again = await quality.decideCases(day.sessionId, { caseIds: [appealId], outcome: 'annulled', reason: 'Durées de l’oral non respectées pour plusieurs candidats (chronométrage défaillant).' });
    expect(again.data!.decision.id).toBe(decision.id);

    expect((await env.anonymous.verify(codes.alice!)).data).toMatchObject({ status: 'annulée', annulledOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
    const voided = (await alice!.client.result(day.sessionId, alice!.registrationId)).data!;
    expect(voided).toMatchObject({ standing: 'void', blocksValidated: [], annulment: { reason: expect.stringContaining('chronométrage') } });
    expect(voided.certificate!.download).toBeUndefined();
    expect((await bruno!.client.appeals(day.sessionId, bruno!.registrationId)).data!.appeals[0]).toMatchObject({ status: 'upheld', decisionId: decision.id });
    expect((await quality.committeeCases()).data!.items).toEqual([]);

    expect((await quality.pvPdf(day.sessionId)).data!.sha256).toBe(sealedPv.sha256);
    const filed = await s3.send(new GetObjectCommand({ Bucket: env.runtime.resources.recordsBucketName, Key: decision.document!.key }));
    const decisionText = await pdfText(await filed.Body!.transformToByteArray());
    expect(decisionText).toContain('Décision du comité qualité');
    expect(decisionText).toContain('Annulation de la session');
    expect(decisionText).toContain('chronométrage défaillant');

    const cpf = (await env.certifier.cpfExport({ from: daysFromNow(env.runtime.clock.now(), -60), to: daysFromNow(env.runtime.clock.now(), 1) })).data!;
    expect([cpf.passages, cpf.xml]).toEqual([0, '']);

    const next = (await manager.createSession({ titleCode: 'RNCP34757', sessionDate: daysFromNow(env.runtime.clock.now(), 60), address: '12 rue des Lilas, 69001 Lyon' })).data!.session.id;
    const retake = await manager.registerCandidate(next, { attempt: 'retake', candidate: { userId: bruno!.userId, firstName: 'Bruno', lastName: 'Martin', email: 'bruno.retake@example.org' }, newTraining: false });
    expect(retake.status, JSON.stringify(retake.error)).toBe(201);
    expect(retake.data!.registration.previouslyValidatedBlocks).toEqual([]);

    const late = await david!.client.fileAppeal(day.sessionId, david!.registrationId, { ground: 'modalities-not-respected', statement: 'On ne m’a pas prévenu de l’horaire.' });
    expect(late.data!.appeal.why!.map((v) => v.ruleId)).toEqual(['QUAL-2']);
  });

  it('QUAL-1: past the window the certifier set, an appeal is answered as out of time', async () => {
    const session = (await manager.getSession(day.sessionId)).data!.session;
    env.advanceTo(new Date(new Date(session.results!.appealsCloseAt).getTime() + 60_000));
    const late = await chloe!.client.fileAppeal(day.sessionId, chloe!.registrationId, { ground: 'confidentiality-compromised', statement: 'Des échanges du jury ont circulé.' });
    expect(late.data!.appeal.status).toBe('inadmissible');
    expect(late.data!.appeal.why![0]!.message).toMatch(/^QUAL-1: the window for appeals against this session closed at \d{4}-\d{2}-\d{2} 00:00 \(Europe\/Paris, UTC\+0[12]:00\)/);
  });

  it('the quality committee exports a session\'s and a person\'s whole record as one archive whose manifest names each file\'s SHA-256; no one else can', async () => {
    const exported = await quality.exportSession(day.sessionId);
    expect(exported.status, JSON.stringify(exported.error)).toBe(201);
    const zip = new Uint8Array(await (await fetch(exported.data!.archive.url)).arrayBuffer());
    expect(sha256(zip)).toBe(exported.data!.archive.sha256);
    const files = unzipSync(zip);
    const manifest = JSON.parse(new TextDecoder().decode(files['manifest.json'])) as { files: Array<{ path: string; sha256: string }> };
    for (const entry of manifest.files) expect(sha256(files[entry.path]!), entry.path).toBe(entry.sha256);
    expect(sha256(files['documents/pv.pdf']!)).toBe(sealedPv.sha256);
    expect(Object.keys(files).filter((p) => p.startsWith('documents/grids/'))).toHaveLength(3);
    expect(Object.keys(files)).toContain('documents/execution-history.json');
    const events = JSON.parse(new TextDecoder().decode(files['audit-events.json'])) as Array<{ action: string }>;
    expect(events.map((e) => e.action)).toEqual(expect.arrayContaining(['session.created', 'pv.signed', 'pv.sealed', 'results.released', 'appeal.filed', 'session.annulled']));

    const person = await quality.exportPerson(bruno!.userId);
    const personFiles = unzipSync(new Uint8Array(await (await fetch(person.data!.archive.url)).arrayBuffer()));
    const paths = Object.keys(personFiles);
    expect(paths).toContain(`sessions/${day.sessionId}/documents/grids/${bruno!.registrationId}.pdf`);
    expect(paths.some((p) => p.includes(alice!.registrationId))).toBe(false);
    expect(new TextDecoder().decode(personFiles[`sessions/${day.sessionId}/record.json`])).not.toContain(alice!.userId);

    expect((await manager.exportSession(day.sessionId)).status).toBe(403);
    expect((await bruno!.client.exportPerson(bruno!.userId)).status).toBe(403);
  });
});
