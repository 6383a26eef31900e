import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { SendEmailCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import { DeleteCommand, DynamoDBDocumentClient, GetCommand, PutCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { DynamoDbSentMailLog } from '../../../shared/adapters/dynamodb-sent-mail-log';
import { LocalOutboxMailer } from '../../../shared/adapters/local-outbox-mailer';
import { SesMailer } from '../../../shared/adapters/ses-mailer';
import type { AuditEvent } from '../../../shared/use-cases/audit';
import type { OutgoingMail } from '../../../shared/use-cases/notifications/ports';
import { readEml } from '../../../local/outbox';

const KEY = { sourceEventId: 'event-1', recipient: { role: 'candidate' as const, id: 'reg-1' } };
const NOW = new Date('2027-06-01T14:03:02.000Z');
const AUDIT: AuditEvent = { subject: { type: 'session', id: 's-1' }, at: NOW.toISOString(), eventId: 'audit-1', actor: { id: 'notifications', roles: [] }, action: 'notification.sent', details: {} };

const MAIL: OutgoingMail = {
  id: '0987ffc9-6048-879c-8abd-063937e2cfae',
  sourceEventId: 'event-1',
  date: NOW,
  kind: 'deliverable-refused',
  recipient: KEY.recipient,
  to: 'chloe.lefevre@example.org',
  toName: 'Chloé Lefèvre',
  subject: "Dépôt refusé : Rapport du projet chef d'œuvre",
  text: 'Bonjour Chloé Lefèvre,\n\n- DELIV-2: the project report has 12 pages; 20 to 30 are required\n\nÀ bientôt, avec des accents : é è à ç œ — « guillemets ».',
  html: '<p>Bonjour Chloé Lefèvre,</p>',
};

describe('the delivery records on the data table', () => {
  const db = mockClient(DynamoDBDocumentClient);
  const log = new DynamoDbSentMailLog('certiflow-table', () => 'certiflow-audit');

  beforeAll(() => {
    vi.stubEnv('AWS_REGION', 'eu-west-3');
    vi.stubEnv('AWS_ACCESS_KEY_ID', 'AKIDEXAMPLE');
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'secret');
  });
  beforeEach(() => db.reset());
  afterAll(() => db.restore());

  it('claims a delivery with a put that neither overwrites a sent one nor a lease still running, kept until its TTL', async () => {
    db.on(PutCommand).resolves({});
    expect(await log.claim(KEY, 'invocation-1', new Date('2027-06-01T14:03:32.000Z'), new Date('2027-07-01T14:03:02.000Z'), NOW)).toEqual({ state: 'claimed' });
    const put = db.commandCalls(PutCommand)[0]!.args[0].input;
    expect(put).toMatchObject({
      TableName: 'certiflow-table',
      Item: {
        PK: 'NOTIFICATION#event-1',
        SK: 'TO#candidate#reg-1',
        entity: 'NotificationDelivery',
        state: 'sending',
        claimant: 'invocation-1',
        leaseUntil: '2027-06-01T14:03:32.000Z',
        expiresAt: Math.ceil(Date.parse('2027-07-01T14:03:02.000Z') / 1000),
      },
      ConditionExpression: 'attribute_not_exists(PK) OR (#state = :sending AND leaseUntil < :now)',
      ExpressionAttributeValues: { ':sending': 'sending', ':now': NOW.toISOString() },
    });
  });

  it('finds a delivery already sent, or in flight until its lease, when the claim is refused', async () => {
    db.on(PutCommand).rejects(new ConditionalCheckFailedException({ message: 'The conditional request failed', $metadata: {} }));
    db.on(GetCommand).resolvesOnce({ Item: { state: 'sent', messageId: 'ses-1' } }).resolvesOnce({ Item: { state: 'sending', leaseUntil: '2027-06-01T14:03:20.000Z' } });
    expect(await log.claim(KEY, 'invocation-2', new Date(), new Date(), NOW)).toEqual({ state: 'sent', messageId: 'ses-1' });
    expect(await log.claim(KEY, 'invocation-3', new Date(), new Date(), NOW)).toEqual({ state: 'in-flight', leaseUntil: new Date('2027-06-01T14:03:20.000Z') });
    expect(db.commandCalls(GetCommand)[0]!.args[0].input).toMatchObject({ Key: { PK: 'NOTIFICATION#event-1', SK: 'TO#candidate#reg-1' }, ConsistentRead: true });
  });

  it('confirms a delivery held by its claimant together with the audit event, which never overwrites another', async () => {
    db.on(TransactWriteCommand).resolves({});
    await log.confirm(KEY, 'invocation-1', { messageId: 'ses-1', at: NOW.toISOString() }, AUDIT);
    const [update, put] = db.commandCalls(TransactWriteCommand)[0]!.args[0].input.TransactItems!;
    expect(update!.Update).toMatchObject({ TableName: 'certiflow-table', Key: { PK: 'NOTIFICATION#event-1', SK: 'TO#candidate#reg-1' }, ConditionExpression: 'claimant = :claimant AND #state = :sending' });
    expect(put!.Put).toMatchObject({ TableName: 'certiflow-audit', ConditionExpression: 'attribute_not_exists(PK)', Item: { PK: 'AUDIT#SESSION#s-1', action: 'notification.sent' } });
  });

  it('does not fail a confirmation whose lease another invocation took over; releases only its own claim', async () => {
    db.on(TransactWriteCommand).rejects(new TransactionCanceledException({ message: 'cancelled', $metadata: {}, CancellationReasons: [{ Code: 'ConditionalCheckFailed' }, { Code: 'None' }] }));
    await expect(log.confirm(KEY, 'late', { messageId: 'ses-2', at: NOW.toISOString() }, AUDIT)).resolves.toBeUndefined();
    db.on(DeleteCommand).rejects(new ConditionalCheckFailedException({ message: 'The conditional request failed', $metadata: {} }));
    await expect(log.release(KEY, 'late')).resolves.toBeUndefined();
    expect(db.commandCalls(DeleteCommand)[0]!.args[0].input).toMatchObject({ ConditionExpression: 'claimant = :claimant AND #state = :sending', ExpressionAttributeValues: { ':claimant': 'late', ':sending': 'sending' } });
  });
});

describe('the mailers', () => {
  const ses = mockClient(SESv2Client);
  let folder: string;

  beforeAll(async () => {
    vi.stubEnv('AWS_REGION', 'eu-west-3');
    vi.stubEnv('AWS_ACCESS_KEY_ID', 'AKIDEXAMPLE');
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'secret');
    folder = await mkdtemp(join(tmpdir(), 'certiflow-outbox-'));
  });
  afterAll(async () => {
    ses.restore();
    await rm(folder, { recursive: true, force: true });
  });

  it('SES: sends the composed MIME message as raw content, from the notifications address, to the recipient only', async () => {
    ses.on(SendEmailCommand).resolves({ MessageId: 'ses-message-1' });
    expect(await new SesMailer('notifications@certiflow.example').send(MAIL)).toEqual({ messageId: 'ses-message-1' });
    const input = ses.commandCalls(SendEmailCommand)[0]!.args[0].input;
    expect(input.FromEmailAddress).toBe('notifications@certiflow.example');
    expect(input.Destination).toEqual({ ToAddresses: ['chloe.lefevre@example.org'] });
    const raw = Buffer.from(input.Content!.Raw!.Data!).toString('utf8');
    expect(raw).toMatch(/^From: Certiflow <notifications@certiflow\.example>\r$/m);
    expect(raw).toMatch(/^Message-ID: <0987ffc9-6048-879c-8abd-063937e2cfae@certiflow\.example>\r$/m);
    expect(raw).toMatch(/^X-Certiflow-Event: event-1\r$/m);
    expect(raw).toMatch(/^Subject: =\?UTF-8\?Q\?D=C3=A9p=C3=B4t_refus=C3=A9/m);
  });

  it('the local outbox writes the same message as one .eml file, which reads back in French, accents and all', async () => {
    const { messageId } = await new LocalOutboxMailer(folder, 'notifications@certiflow.example').send(MAIL);
    expect(await readdir(folder)).toEqual(['2027-06-01T14-03-02.000Z-0987ffc9-6048-879c-8abd-063937e2cfae.eml']);
    expect(messageId).toBe(join(folder, '2027-06-01T14-03-02.000Z-0987ffc9-6048-879c-8abd-063937e2cfae.eml'));
    const read = readEml(messageId, await readFile(messageId, 'utf8'));
    expect(read).toMatchObject({ to: 'Chloé Lefèvre <chloe.lefevre@example.org>', subject: MAIL.subject, kind: 'deliverable-refused', eventId: 'event-1', text: MAIL.text });
  });
});
