import { readFileSync } from 'node:fs';
import { DynamoDBClient, QueryCommand } from '@aws-sdk/client-dynamodb';
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CertiflowClient } from '../../client/certiflow-client';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../local/local-aws';
import type { OutboxMessage } from '../../local/outbox';
import { streamEventFunction } from '../../shared/wiring/functions';
import { STREAM_EVENTS } from '../../shared/wiring/stream-events';
import { candidate, daysFromNow } from './support/fixtures';
import { Inspector } from './support/inspect';
import { pdfWithPages, postToPresigned } from './support/pdf';
import { sessionInIntake, type BuiltSession } from './support/sessions';
import { eventually, startTestRuntime, type TestRuntime } from './support/test-runtime';

const NOTIFY = streamEventFunction(STREAM_EVENTS.find((s) => s.id === 'Notify')!).name;

describe('notifications: the people a change concerns get an e-mail in French, once (locally, .eml files in the outbox)', () => {
  let env: TestRuntime;
  let manager: CertiflowClient;
  let built: BuiltSession;
  const chloe = candidate('Chloé');

  async function outbox(): Promise<OutboxMessage[]> {
    const response = await fetch(`${env.runtime.urls.api}/_local/outbox`);
    expect(response.status).toBe(200);
    return ((await response.json()) as { messages: OutboxMessage[] }).messages;
  }

  async function upload(pages: number, tag: string): Promise<void> {
    const registrationId = built.candidates[0]!.registrationId;
    const grant = await built.candidates[0]!.client.requestUpload(built.sessionId, registrationId, 'project-report');
    expect(grant.status, JSON.stringify(grant.error)).toBe(201);
    expect(await postToPresigned(grant.data!.upload, await pdfWithPages(pages, tag))).toBe(204);
    await env.runtime.s3EventsIdle();
  }

  beforeAll(async () => {
    env = await startTestRuntime();
    manager = await env.clientAs('managers', { sub: 'manager-notify', centreId: 'centre-notify' });
    built = await sessionInIntake(env, manager, { sessionDate: daysFromNow(env.runtime.clock.now(), 30), registrations: [{ candidate: chloe }] });
  });
  afterAll(async () => {
    await env?.stop();
  });

  it('DELIV-2, DELIV-7: a refused and an accepted upload each reach the candidate, with the reason of the refusal and the instants in the session zone', async () => {
    await upload(12, 'too short');
    await upload(24, 'the report');
    await env.runtime.streamEventsIdle();

    const intake = await built.candidates[0]!.client.deliverableStatus(built.sessionId, built.candidates[0]!.registrationId);
    const versions = intake.data!.intake.deliverables.find((d) => d.deliverableType === 'project-report')!.versions;
    expect(versions.map((v) => v.status)).toEqual(['refused', 'accepted']);
    const reason = versions[0]!.violations[0]!.message;
    expect(reason).toMatch(/^DELIV-2: /);

    const mails = (await outbox()).filter((m) => m.to?.includes(chloe.email));
    expect(mails.map((m) => m.subject)).toEqual(["Dépôt refusé : Rapport du projet chef d'œuvre", "Dépôt reçu : Rapport du projet chef d'œuvre (version 2)"]);
    expect(mails.map((m) => m.kind)).toEqual(['deliverable-refused', 'deliverable-accepted']);
    const [refused, accepted] = mails as [OutboxMessage, OutboxMessage];
    expect(refused.to).toBe(`${chloe.firstName} ${chloe.lastName} <${chloe.email}>`);
    expect(refused.text).toContain(`Bonjour ${chloe.firstName} ${chloe.lastName},`);
    const reasonFr = (await built.candidates[0]!.client.speaking('fr').deliverableStatus(built.sessionId, built.candidates[0]!.registrationId)).data!.intake.deliverables.find((d) => d.deliverableType === 'project-report')!.versions[0]!.violations[0]!.message;
    expect(reasonFr).toMatch(/^DELIV-2 : /);
    expect(refused.text).toContain(`- ${reasonFr}`);
    expect(refused.text).toMatch(/a été reçu le \d{1,2}(er)? \S+ \d{4} à \d{2}:\d{2} \(Europe\/Paris, UTC\+0[12]:00\), mais il a été refusé pour la raison suivante :/);
    expect(refused.text).toContain('il ne sera pas transmis au jury');
    expect(accepted.text).toContain(`c’est la version 2, de 24 pages.`);
    expect(accepted.text).toContain(versions[1]!.sha256);
    expect(accepted.text).toMatch(/Jusqu’à la clôture des dépôts, le \d{1,2}(er)? \S+ \d{4} à 00:00 \(Europe\/Paris, UTC\+0[12]:00\)/);

    for (const mail of mails) {
      expect(mail.path.startsWith(`${env.dataDir}/outbox/`)).toBe(true);
      const raw = readFileSync(mail.path, 'utf8');
      expect(raw).toMatch(/^From: Certiflow <notifications@certiflow\.example>\r?$/m);
      expect(raw).toMatch(/^Content-Type: multipart\/alternative;/m);
      expect(raw).toMatch(/^Auto-Submitted: auto-generated\r?$/m);
    }
  });

  it('a stream record delivered again sends nothing twice; each message sent is on the session audit trail', async () => {
    const before = await outbox();
    const db = new DynamoDBClient({ endpoint: env.runtime.urls.dynamodb, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS });
    const { Items } = await db.send(
      new QueryCommand({ TableName: env.runtime.resources.auditTableName, KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': { S: `AUDIT#SESSION#${built.sessionId}` } } }),
    );
    db.destroy();
    const received = (Items ?? []).filter((item) => item.action?.S === 'deliverable.received');
    expect(received).toHaveLength(2);
    const event = {
      Records: received.map((image, n) => ({ eventID: `again-${n}`, eventName: 'INSERT', eventSource: 'aws:dynamodb', dynamodb: { NewImage: image, SequenceNumber: String(n + 1) } })),
    } as unknown as DynamoDBStreamEvent;
    expect(await env.runtime.invoke(NOTIFY, event)).toEqual({ batchItemFailures: [] });
    expect(await outbox()).toEqual(before);

    const trail = await new Inspector(env.runtime).partition(`AUDIT#SESSION#${built.sessionId}`);
    const sent = trail.filter((item) => item.action === 'notification.sent');
    expect(sent.map((item) => (item.details as { kind: string }).kind).sort()).toEqual(['deliverable-accepted', 'deliverable-refused']);
    expect(sent.every((item) => (item.details as { recipient: { id: string } }).recipient.id === built.candidates[0]!.registrationId)).toBe(true);
  });

  it('JURY-7, JURY-8, JURY-4: at the freeze each juror learns that their dossier is ready, and is asked to declare their links', async () => {
    const status = await built.candidates[0]!.client.deliverableStatus(built.sessionId, built.candidates[0]!.registrationId);
    env.advanceTo(new Date(status.data!.intake.deadline.closesAt));
    await eventually(() => manager.getSession(built.sessionId), (r) => r.data?.session.pendingStep?.step === 'declarations', 15_000);
    await env.runtime.streamEventsIdle();
    const mails = await outbox();
    for (const juror of built.jurors) {
      const { email } = (await env.certifier.getJuror(juror.id)).data!.juror;
      const theirs = mails.filter((m) => m.to?.endsWith(`<${email}>`));
      expect(theirs.map((m) => m.kind).sort()).toEqual(['declaration-awaited', 'dossier-ready']);
      const dossier = theirs.find((m) => m.kind === 'dossier-ready')!;
      expect(dossier.subject).toMatch(/^Dossier jury disponible : session du \d{1,2}(er)? \S+ \d{4}$/);
      expect(dossier.text).toContain(`- ${chloe.firstName} ${chloe.lastName} : 1 document`);
      expect(dossier.text).not.toContain(chloe.email);
      expect(theirs.find((m) => m.kind === 'declaration-awaited')!.text).toContain(`- ${chloe.firstName} ${chloe.lastName}`);
    }
  });
});
