import MailComposer from 'nodemailer/lib/mail-composer';
import type { OutgoingMail } from '../../use-cases/notifications/ports';

/** The name notifications are sent under. */
export const SENDER_NAME = 'Certiflow';

/**
 * The message as RFC 5322 bytes (nodemailer's MailComposer): UTF-8 headers encoded as RFC 2047
 * words, a plain-text and an HTML part, a `Message-ID` derived from the message's stable id, and
 * `Auto-Submitted: auto-generated` (RFC 3834) so that auto-responders stay quiet.
 */
export async function composeMime(fromAddress: string, mail: OutgoingMail): Promise<Buffer> {
  const domain = fromAddress.split('@')[1] ?? 'certiflow.invalid';
  const composer = new MailComposer({
    from: { name: SENDER_NAME, address: fromAddress },
    to: { name: mail.toName, address: mail.to },
    subject: mail.subject,
    text: mail.text,
    ...(mail.html ? { html: mail.html } : {}),
    date: mail.date,
    messageId: `<${mail.id}@${domain}>`,
    headers: {
      'Auto-Submitted': 'auto-generated',
      'Content-Language': 'fr',
      'X-Certiflow-Event': mail.sourceEventId,
      'X-Certiflow-Kind': mail.kind,
    },
  });
  return composer.compile().build();
}
