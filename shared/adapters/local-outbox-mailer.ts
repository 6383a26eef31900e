import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Mailer, OutgoingMail } from '../use-cases/notifications/ports';
import { composeMime } from './mail/mime';

/** The name of a message's file: when it was dated, then its id, so that names sort in sending order. */
export function outboxFileName(mail: Pick<OutgoingMail, 'date' | 'id'>): string {
  return `${mail.date.toISOString().replace(/:/g, '-')}-${mail.id}.eml`;
}

/**
 * The local runtime's mailer: each message is written, exactly as SES would receive it, as one
 * `.eml` file in the outbox folder (written whole, then renamed, so a reader never sees half a file).
 */
export class LocalOutboxMailer implements Mailer {
  constructor(
    private readonly folder: string,
    private readonly fromAddress: string,
  ) {}

  async send(mail: OutgoingMail): Promise<{ messageId: string }> {
    const raw = await composeMime(this.fromAddress, mail);
    await mkdir(this.folder, { recursive: true });
    const path = join(this.folder, outboxFileName(mail));
    await writeFile(`${path}.part`, raw);
    await rename(`${path}.part`, path);
    return { messageId: path };
  }
}
