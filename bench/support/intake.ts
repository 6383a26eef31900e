import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { S3Event } from 'aws-lambda';
import { CertiflowClient } from '../../client/certiflow-client';
import { startLocalRuntime } from '../../local/runtime';
import { BUCKET_EVENTS } from '../../shared/wiring/bucket-events';
import { bucketEventFunction } from '../../shared/wiring/functions';
import { pdfLibInspector } from '../../shared/adapters/pdf-lib-inspector';
import { pdfWithPages, postToPresigned } from '../../test/e2e/support/pdf';

const WARM_UP = 2;
const DAY = 86_400_000;

/** What the intake of `uploads` 30-page PDFs took, in ms per upload, and whether every version was recorded as expected. */
export interface IntakeTimes {
  pdfBytes: number;
  intake: number[];
  duplicates: number[];
  parses: number[];
  allRecorded: boolean;
}

/**
 * Measures the intake of a 30-page PDF on the local runtime: from the end of the presigned POST to
 * the version recorded (S3 event hop, download, PDF parse, checks, one transaction); a duplicate
 * event; and the PDF parse alone (pdf-lib's own load of the same bytes), after a warm-up.
 */
export async function measureIntake(uploads: number): Promise<IntakeTimes> {
  const UPLOADS = uploads;
  const dataDir = mkdtempSync(join(tmpdir(), 'certiflow-bench-'));
  const runtime = await startLocalRuntime({ dataDir, ports: { api: 0, dynamodb: 0, s3: 0, stepFunctions: 0 }, logLevel: 'CRITICAL' });
  try {
    const now = runtime.clock.now();
    const date = (days: number) => new Date(now.getTime() + days * DAY).toISOString().slice(0, 10);
    const token = (sub: string, roles: Array<'managers' | 'candidates' | 'certifiers'>) => runtime.issuer.sign({ sub, roles, centreId: 'centre-bench' });
    const manager = new CertiflowClient(runtime.urls.api, await token('bench-manager', ['managers']));
    const certifier = new CertiflowClient(runtime.urls.api, await token('bench-certifier', ['certifiers']));
    const session = await manager.createSession({ titleCode: 'RNCP34757', sessionDate: date(40), address: '1 rue du Banc, 69000 Lyon' });
    const sessionId = session.data!.session.id;
    for (const n of [1, 2]) {
      const juror = await certifier.createJuror({
        userId: `bench-juror-${n}`,
        firstName: 'Juror',
        lastName: `Bench${n}`,
        email: `juror${n}@bench.example.org`,
        profession: 'data engineer',
        yearsOfExperience: 5,
        habilitations: [{ issuedBy: 'Simplon', validFrom: date(-10), validUntil: date(400) }],
      });
      await manager.assignJuror(sessionId, juror.data!.juror.id);
    }
    const registration = await manager.registerCandidate(sessionId, {
      attempt: 'first',
      candidate: { userId: 'bench-candidate', firstName: 'Bench', lastName: 'Candidate', email: 'candidate@bench.example.org' },
    });
    const registrationId = registration.data!.registration.id;
    for (let i = 0; i < 100 && (await manager.getSession(sessionId)).data?.session.next.step !== 'close-planning'; i++) await new Promise((r) => setTimeout(r, 50));
    await manager.closePlanning(sessionId);
    for (let i = 0; i < 100 && (await manager.getSession(sessionId)).data?.session.status !== 'intake'; i++) await new Promise((r) => setTimeout(r, 50));

    const candidate = new CertiflowClient(runtime.urls.api, await token('bench-candidate', ['candidates']));
    const pdf = await pdfWithPages(30, 'bench', 45);
    const functionName = bucketEventFunction(BUCKET_EVENTS[0]!).name;
    const intake: number[] = [];
    const duplicates: number[] = [];
    const parses: number[] = [];
    for (let i = 0; i < UPLOADS + WARM_UP; i++) {
      const grant = await candidate.requestUpload(sessionId, registrationId, 'project-report');
      const upload = grant.data!.upload;
      await postToPresigned(upload, pdf);
      const posted = performance.now();
      await runtime.s3EventsIdle();
      const received = performance.now() - posted;
      const key = `uploads/${sessionId}/${registrationId}/project-report/${upload.uploadId}.pdf`;
      const again = { Records: [{ eventName: 'ObjectCreated:Post', eventTime: runtime.clock.now().toISOString(), s3: { bucket: { name: runtime.resources.deliverablesBucketName }, object: { key } } }] } as unknown as S3Event;
      const replayed = performance.now();
      await runtime.invoke(functionName, again);
      const duplicate = performance.now() - replayed;
      const parsing = performance.now();
      await pdfLibInspector.countPages(pdf);
      const parse = performance.now() - parsing;
      if (i >= WARM_UP) {
        intake.push(received);
        duplicates.push(duplicate);
        parses.push(parse);
      }
    }
    const status = await candidate.deliverableStatus(sessionId, registrationId);
    const versions = status.data!.intake.deliverables.find((d) => d.deliverableType === 'project-report')!.versions;
    return { pdfBytes: pdf.length, intake, duplicates, parses, allRecorded: versions.length === UPLOADS + WARM_UP && versions.every((v) => v.status === 'accepted' && v.pages === 30) };
  } finally {
    await runtime.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

