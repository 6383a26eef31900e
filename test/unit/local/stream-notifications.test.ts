import { marshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { deliverStreamBatch, passesFilters, type BatchDelivery } from '../../../local/dynamodb-stream-dispatcher';
import { decodeMimeWords, decodeQuotedPrintable } from '../../../local/outbox';
import type { AuditEvent } from '../../../shared/use-cases/audit';
import { mayNotify } from '../../../shared/use-cases/notifications/messages';
import { STREAM_EVENTS } from '../../../shared/wiring/stream-events';

const NOTIFY = STREAM_EVENTS.find((subscription) => subscription.id === 'Notify')!;

/** Actions the use cases record (`grep -rn "action:" shared/use-cases`), and the waits of the workflow. */
const ACTIONS = [
  'session.created', 'session.updated', 'planning.closed', 'planning.blocked', 'intake.opened', 'candidate.registered', 'juror.assigned',
  'deliverable.upload-requested', 'deliverable.received', 'deliverables.jury-set-updated', 'deliverables.frozen', 'deliverable.late-decision',
  'deliverable.downloaded', 'jury.links-declared', 'dossier.delivered', 'session.ready-for-exam', 'exam-day.opened', 'grid.filled', 'grid.signed',
  'candidate.deliberated', 'pv.signed', 'pv.stamped', 'pv.sealed', 'results.released', 'certificates.written', 'appeal.filed', 'appeal.inadmissible',
  'committee.rejected', 'session.annulled', 'committee.decision-filed', 'notification.sent',
];

function record(event: AuditEvent, eventName: DynamoDBRecord['eventName'] = 'INSERT'): DynamoDBRecord {
  const image = marshall({ PK: `AUDIT#SESSION#${event.subject.id}`, SK: `${event.at}#${event.eventId}`, entity: 'AuditEvent', ...event });
  return { eventName, dynamodb: { NewImage: image as never, SequenceNumber: '1' } };
}

function audit(action: string, details: Record<string, unknown> = {}): AuditEvent {
  return { subject: { type: 'session', id: 's-1' }, at: '2027-06-01T00:00:00.000Z', eventId: `e-${action}`, actor: { id: 'workflow', roles: [] }, action, details };
}

describe('the Notify subscription filters the audit stream as the use case decides', () => {
  it('lets through exactly the inserted events that may notify someone, on AWS and locally alike', () => {
    const events = [...ACTIONS.map((action) => audit(action)), ...['planning', 'declarations', 'candidate', 'pv-seal'].map((step) => audit('workflow.waiting', { step }))];
    for (const event of events) expect(passesFilters(NOTIFY.filters, record(event)), `${event.action} ${String(event.details.step ?? '')}`).toBe(mayNotify(event));
    expect(events.filter((event) => passesFilters(NOTIFY.filters, record(event))).map((e) => `${e.action}${e.details.step ? `:${String(e.details.step)}` : ''}`)).toEqual([
      'deliverable.received', 'deliverables.frozen', 'grid.filled', 'results.released', 'committee.rejected', 'session.annulled', 'workflow.waiting:declarations', 'workflow.waiting:pv-seal',
    ]);
  });

  it('lets no modification or removal through, and everything when a subscription has no filter', () => {
    expect(passesFilters(NOTIFY.filters, record(audit('deliverable.received'), 'MODIFY'))).toBe(false);
    expect(passesFilters([], record(audit('session.created'), 'REMOVE'))).toBe(true);
  });
});

describe('reading the outbox', () => {
  it('decodes RFC 2047 words, Q and B, joined across a split character', () => {
    expect(decodeMimeWords('=?UTF-8?Q?D=C3=A9p=C3=B4t_refus=C3=A9_=3A_Rapport_?=\r\n =?UTF-8?Q?du_projet_chef_d=E2=80=99=C5=93uvre?=')).toBe('Dépôt refusé : Rapport du projet chef d’œuvre');
    expect(decodeMimeWords('=?UTF-8?B?w6k=?= =?UTF-8?Q?=C3?= =?UTF-8?Q?=A8?= et plus')).toBe('éè et plus');
    expect(decodeMimeWords('Chloé <chloe@example.org>')).toBe('Chloé <chloe@example.org>');
  });

  it('decodes quoted-printable bodies with soft line breaks', () => {
    expect(decodeQuotedPrintable('Bonjour Chlo=C3=A9,=\r\n suite =3D fin')).toBe('Bonjour Chloé, suite = fin');
  });
});

describe('the local event source mapping delivers a batch as Lambda does', () => {
  const records = (n: number): DynamoDBRecord[] => Array.from({ length: n }, (_, i) => ({ eventName: 'INSERT', dynamodb: { SequenceNumber: String(i + 1) } }));
  const sequences = (event: { Records: DynamoDBRecord[] }) => event.Records.map((r) => r.dynamodb!.SequenceNumber);

  function delivery(invoke: BatchDelivery['invoke']): BatchDelivery & { calls: string[][]; given: string[][] } {
    const calls: string[][] = [];
    const given: string[][] = [];
    return {
      functionName: 'certiflow-notify-stream',
      definition: { ...NOTIFY, retryAttempts: 2 },
      invoke: async (event) => {
        calls.push(sequences(event) as string[]);
        return invoke(event);
      },
      log: () => undefined,
      giveUp: (left) => given.push(left.map((r) => r.dynamodb!.SequenceNumber!)),
      pause: async () => undefined,
      calls,
      given,
    };
  }

  it('retries from the first record the function reports failed, and stops once it succeeds', async () => {
    let failing = true;
    const d = delivery(async () => (failing ? ((failing = false), { batchItemFailures: [{ itemIdentifier: '3' }, { itemIdentifier: '4' }] }) : { batchItemFailures: [] }));
    await deliverStreamBatch(d, records(4));
    expect(d.calls).toEqual([['1', '2', '3', '4'], ['3', '4']]);
    expect(d.given).toEqual([]);
  });

  it('halves a batch the function throws on, and gives up on the record that keeps failing after its retries, nothing else', async () => {
    const d = delivery(async (event) => {
      if (sequences(event).includes('2')) throw new Error('SES unavailable');
      return { batchItemFailures: [] };
    });
    await deliverStreamBatch(d, records(4));
    expect(d.calls).toEqual([['1', '2', '3', '4'], ['1', '2'], ['1'], ['2'], ['2'], ['2'], ['3', '4']]);
    expect(d.given).toEqual([['2']]);
  });
});
