import { SendEmailCommand } from '@aws-sdk/client-sesv2';
import type { Mailer, OutgoingMail } from '../use-cases/notifications/ports';
import { ses } from './aws/ses-client';
import { composeMime } from './mail/mime';

/** Sends e-mail through SES (v2 SendEmail), as the raw MIME message the local outbox writes too. */
export class SesMailer implements Mailer {
  constructor(private readonly fromAddress: string) {}

  async send(mail: OutgoingMail): Promise<{ messageId: string }> {
    const raw = await composeMime(this.fromAddress, mail);
    const sent = await ses().send(
      new SendEmailCommand({
        FromEmailAddress: this.fromAddress,
        Destination: { ToAddresses: [mail.to] },
        Content: { Raw: { Data: raw } },
      }),
    );
    return { messageId: sent.MessageId ?? '' };
  }
}
