import { config } from '../../config/env';
import { DynamoDbSentMailLog } from '../dynamodb-sent-mail-log';
import { LocalOutboxMailer } from '../local-outbox-mailer';
import { SesMailer } from '../ses-mailer';
import { port } from './port';

/**
 * E-mail to people from the notifications address: through SES, or, when the local runtime set
 * `CERTIFLOW_OUTBOX_DIR`, as `.eml` files in that folder.
 */
export const mailer = /* @__PURE__ */ port(() => {
  const outbox = config.outboxDir();
  return outbox ? new LocalOutboxMailer(outbox, config.notificationsFrom()) : new SesMailer(config.notificationsFrom());
});

/** Which notifications were claimed and sent, on the table, each sent one with its audit event. */
export const sentMail = /* @__PURE__ */ port(() => new DynamoDbSentMailLog(config.tableName(), config.auditTableName));
