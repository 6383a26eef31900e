import { createHash } from 'node:crypto';
import type { S3Event } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CertiflowClient } from '../../client/certiflow-client';
import { bucketEventFunction } from '../../shared/wiring/functions';
import { BUCKET_EVENTS } from '../../shared/wiring/bucket-events';
import { describeInstant } from '../../shared/domain/dates';
import { candidate, daysFromNow, jurorBody, newSession } from './support/fixtures';
import { Inspector } from './support/inspect';
import { pdfWithPages, postToPresigned } from './support/pdf';
import { atWait, eventually, startTestRuntime, type TestRuntime } from './support/test-runtime';

const DAY = 86_400_000;

describe('deliverable intake on S3, the freeze, and the jury access', () => {
  let env: TestRuntime;
  let inspect: Inspector;
  let manager: CertiflowClient;
  let sessionId: string;
  let alice: { client: CertiflowClient; registrationId: string };
  let bruno: { client: CertiflowClient; registrationId: string };
  const jurors: Array<{ id: string; client: CertiflowClient }> = [];
  let laterReport: Uint8Array;

  async function register(firstName: string, body: Record<string, unknown>) {
    const identity = candidate(firstName);
    const registered = await manager.registerCandidate(sessionId, { ...body, candidate: identity } as never);
    expect(registered.status).toBe(201);
    return { client: await env.clientAs('candidates', { sub: identity.userId }), registrationId: registered.data!.registration.id };
  }

  async function addJuror() {
    const body = jurorBody(env.runtime.clock.now());
    const created = await env.certifier.createJuror(body);
    expect((await manager.assignJuror(sessionId, created.data!.juror.id)).status).toBe(201);
    const juror = { id: created.data!.juror.id, client: await env.clientAs('jurors', { sub: body.userId }) };
    jurors.push(juror);
    return juror;
  }

  async function upload(who: { client: CertiflowClient; registrationId: string }, type: string, bytes: Uint8Array) {
    const grant = await who.client.requestUpload(sessionId, who.registrationId, type);
    expect(grant.status).toBe(201);
    expect(await postToPresigned(grant.data!.upload, bytes)).toBe(204);
    await env.runtime.s3EventsIdle();
    return grant.data!.upload.uploadId;
  }

  async function versionsOf(who: { client: CertiflowClient; registrationId: string }, type: string) {
    const status = await who.client.deliverableStatus(sessionId, who.registrationId);
    return status.data!.intake.deliverables.find((d) => d.deliverableType === type)!.versions;
  }

  beforeAll(async () => {
    env = await startTestRuntime();
    inspect = new Inspector(env.runtime);
    manager = await env.clientAs('managers', { sub: 'manager-1', centreId: 'centre-lyon' });
    const now = env.runtime.clock.now();
    sessionId = await newSession(manager, now, 30);
    await addJuror();
    await addJuror();
    alice = await register('Alice', { attempt: 'first' });
    bruno = await register('Bruno', { attempt: 'retake', previouslyValidatedBlocks: ['A4'], previousSessionDate: daysFromNow(now, -100), newTraining: false });
    await eventually(() => manager.getSession(sessionId), (r) => r.data?.session.next.step === 'close-planning');
    expect((await manager.closePlanning(sessionId)).status).toBe(200);
    await eventually(() => manager.getSession(sessionId), atWait('WaitForIntakeDeadline'));
  });
  afterAll(async () => {
    await env?.stop();
  });

  it('DELIV-2: a 25-page project report is accepted; a 14-page one is refused with the count and the range', async () => {
    await upload(alice, 'project-report', await pdfWithPages(14, 'draft'));
    await upload(alice, 'project-report', await pdfWithPages(25, 'first'));
    const versions = await versionsOf(alice, 'project-report');
    expect(versions.map((v) => [v.version, v.status, v.pages])).toEqual([
      [1, 'refused', 14],
      [2, 'accepted', 25],
    ]);
    expect(versions[0]!.violations).toEqual([{ ruleId: 'DELIV-2', message: 'DELIV-2: the project report has 14 pages; 20 to 30 are required' }]);
  });

  it('DELIV-2: a text file renamed .pdf is refused as not a PDF, and kept', async () => {
    const uploadId = await upload(alice, 'practical-case-1-report', new TextEncoder().encode('this is not a PDF at all'));
    const [version] = await versionsOf(alice, 'practical-case-1-report');
    expect(version).toMatchObject({ id: uploadId, status: 'refused', pages: 0 });
    expect(version!.violations[0]!.message).toMatch(/^DELIV-2: the practical case 1 report is not a readable PDF/);
    const items = await inspect.partition(`SESSION#${sessionId}`);
    expect(items.some((item) => item.entity === 'DeliverableVersion' && item.id === uploadId)).toBe(true);
  });

  it('DELIV-1, DELIV-3: a practical case 2 report from a candidate who does not owe one gets no upload URL', async () => {
    const before = await inspect.writeSnapshot();
    const refused = await bruno.client.requestUpload(sessionId, bruno.registrationId, 'practical-case-2-report');
    expect(refused.status).toBe(422);
    expect(refused.error?.violations?.[0]?.ruleId).toBe('DELIV-3');
    expect(await inspect.writeSnapshot()).toEqual(before);
  });

  it('a candidate cannot ask for an upload URL for another candidate', async () => {
    expect((await bruno.client.requestUpload(sessionId, alice.registrationId, 'project-report')).status).toBe(403);
  });

  it('DELIV-7: uploading twice keeps both versions; each upload has its own key', async () => {
    laterReport = await pdfWithPages(28, 'second');
    await upload(alice, 'project-report', laterReport);
    const versions = await versionsOf(alice, 'project-report');
    expect(versions.map((v) => v.version)).toEqual([1, 2, 3]);
    const keys = (await inspect.partition(`SESSION#${sessionId}`)).filter((item) => item.entity === 'DeliverableVersion').map((item) => item.key);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('the same S3 event delivered twice records one version', async () => {
    const item = (await inspect.partition(`SESSION#${sessionId}`)).find((i) => i.entity === 'DeliverableVersion' && i.version === 3)!;
    const event = {
      Records: [{ eventName: 'ObjectCreated:Post', eventTime: new Date().toISOString(), s3: { bucket: { name: env.runtime.resources.deliverablesBucketName }, object: { key: item.key, versionId: item.s3VersionId } } }],
    } as unknown as S3Event;
    const name = bucketEventFunction(BUCKET_EVENTS[0]!).name;
    await env.runtime.invoke(name, event);
    await env.runtime.invoke(name, event);
    expect((await versionsOf(alice, 'project-report')).length).toBe(3);
  });

  it('DELIV-4: a caller asking for French reads the intake notice and what the session waits for in French; one asking for nothing, in English', async () => {
    const own = await alice.client.speaking('fr').deliverableStatus(sessionId, alice.registrationId);
    const { closesAt, timeZone } = own.data!.intake.deadline;
    const closes = (language: 'fr' | 'en') => describeInstant(new Date(closesAt), timeZone, language);
    const notice = `Les livrables sont reçus jusqu'au ${closes('fr')} : le jury doit en disposer 5 jours avant la session (DELIV-4).`;
    expect(own.data!.intake.deadline.notice).toBe(notice);
    expect((await manager.speaking('fr').intakeSummary(sessionId)).data!.intake.deadline.notice).toBe(notice);
    expect((await manager.speaking('fr').getSession(sessionId)).data!.session.next.waitsFor).toBe(
      `les livrables des candidats, jusqu'à la clôture des dépôts le ${closes('fr')}, 5 jours avant la session (DELIV-4)`,
    );
    expect((await manager.getSession(sessionId)).data!.session.next.waitsFor).toBe(`candidates' deliverables until intake closes at ${closes('en')}, 5 days before the session (DELIV-4)`);
  });

  it('DELIV-4, DELIV-7: at the deadline the set freezes: the jury gets the later accepted version; missing ones are listed', async () => {
    await upload(bruno, 'project-report', await pdfWithPages(22, 'bruno'));
    env.runtime.clock.advance(26 * DAY);
    const view = await eventually(() => manager.getSession(sessionId), (r) => r.data?.session.pendingStep?.step === 'declarations', 15_000);
    expect(view.data!.session.status).toBe('jury-review');
    const status = await alice.client.deliverableStatus(sessionId, alice.registrationId);
    const report = status.data!.intake.deliverables.find((d) => d.deliverableType === 'project-report')!;
    expect(report.currentVersionId).toBe(report.versions[2]!.id);
    expect(status.data!.intake.missing.map((m) => m.ruleId)).toEqual(['DELIV-4', 'DELIV-4']);
    const summary = await manager.intakeSummary(sessionId);
    expect(summary.data!.intake.candidates.map((c) => [c.candidateName.split(' ')[0], c.missing])).toEqual([
      ['Alice', ['practical-case-1-report', 'practical-case-2-report']],
      ['Bruno', ['practical-case-1-report']],
    ]);
  });

  it('DELIV-5: an upload after the deadline is accepted but flagged late, kept out of the jury set until the manager admits it', async () => {
    const uploadId = await upload(bruno, 'practical-case-1-report', await pdfWithPages(7, 'late'));
    const [late] = await versionsOf(bruno, 'practical-case-1-report');
    expect(late).toMatchObject({ id: uploadId, status: 'accepted', late: true });
    const before = await bruno.client.deliverableStatus(sessionId, bruno.registrationId);
    expect(before.data!.intake.deliverables.find((d) => d.deliverableType === 'practical-case-1-report')!.currentVersionId).toBeUndefined();
    const decided = await manager.decideLateDeliverable(sessionId, uploadId, { decision: 'admitted', reason: 'the jury asked for it on day one of the review' });
    expect(decided.status).toBe(200);
    expect(decided.data!.version.lateDecision).toMatchObject({ decision: 'admitted', decidedBy: 'manager-1' });
    const after = await bruno.client.deliverableStatus(sessionId, bruno.registrationId);
    expect(after.data!.intake.deliverables.find((d) => d.deliverableType === 'practical-case-1-report')!.currentVersionId).toBe(uploadId);
    const audit = (await inspect.partition(`AUDIT#SESSION#${sessionId}`)).map((item) => item.action);
    expect(audit).toContain('deliverable.late-decision');
  });

  it('JURY-4, JURY-7: after the freeze a juror downloads an eligible candidate\'s report; a conflicted juror gets 403 for that candidate', async () => {
    const [first, second] = jurors;
    const download = await first!.client.juryDownload(sessionId, alice.registrationId, 'project-report');
    expect(download.status).toBe(200);
    expect(download.data!.download.version).toBe(3);
    const file = new Uint8Array(await (await fetch(download.data!.download.url)).arrayBuffer());
    expect(Buffer.from(file).equals(Buffer.from(laterReport))).toBe(true);
    const sha256 = createHash('sha256').update(laterReport).digest('hex');
    expect(download.data!.download.sha256).toBe(sha256);
    const downloads = (await inspect.partition(`AUDIT#SESSION#${sessionId}`)).filter((item) => item.action === 'deliverable.downloaded');
    expect(downloads.map((item) => item.details)).toEqual([
      { jurorId: first!.id, registrationId: alice.registrationId, deliverableType: 'project-report', versionId: download.data!.download.versionId, s3VersionId: expect.any(String), sha256 },
    ]);
    const receipts = await manager.juryReceipts(sessionId);
    expect(receipts.data!.jurors.find((j) => j.jurorId === first!.id)?.downloads).toEqual([
      expect.objectContaining({ registrationId: alice.registrationId, deliverableType: 'project-report', sha256, downloads: 1 }),
    ]);

    const declared = await second!.client.declareLinks(sessionId, { declarations: [{ registrationId: alice.registrationId, link: 'professional', description: 'former colleague' }] });
    expect(declared.status).toBe(200);
    expect((await second!.client.juryDownload(sessionId, alice.registrationId, 'project-report')).status).toBe(403);
    expect((await second!.client.juryDownload(sessionId, bruno.registrationId, 'project-report')).status).toBe(200);
  });

  it('JURY-4: a conflict that leaves a candidate with one eligible juror blocks the session until a juror is added', async () => {
    const [first, second] = jurors;
    await first!.client.declareLinks(sessionId, { declarations: [{ registrationId: alice.registrationId, link: 'none' }, { registrationId: bruno.registrationId, link: 'none' }] });
    await second!.client.declareLinks(sessionId, { declarations: [{ registrationId: bruno.registrationId, link: 'none' }] });
    const blocked = await manager.getSession(sessionId);
    expect(blocked.data!.session.workflow?.currentStep).toBe('WaitForConflictDeclarations');
    expect(blocked.data!.session.blockers.map((b) => b.ruleId)).toContain('JURY-4');

    const third = await addJuror();
    const declared = await third.client.declareLinks(sessionId, { declarations: [{ registrationId: alice.registrationId, link: 'none' }, { registrationId: bruno.registrationId, link: 'none' }] });
    expect(declared.data!.declarationsComplete).toBe(true);
    const ready = await eventually(() => manager.getSession(sessionId), (r) => r.data?.session.status === 'ready-for-exam');
    expect(ready.data!.session.workflow?.currentStep).toBe('WaitForExamDay');
    expect(ready.data!.session.blockers).toEqual([]);
  });

  it('a juror who does not sit on the session gets 403 for any download', async () => {
    const outsider = jurorBody(env.runtime.clock.now());
    await env.certifier.createJuror(outsider);
    const client = await env.clientAs('jurors', { sub: outsider.userId });
    expect((await client.juryDownload(sessionId, alice.registrationId, 'project-report')).status).toBe(403);
  });
});
