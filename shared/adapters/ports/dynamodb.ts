import { config } from '../../config/env';
import { DynamoDbAuditLog } from '../dynamodb-audit-log';
import { DynamoDbDeliverableStore } from '../dynamodb-deliverable-store';
import { DynamoDbJurorRegistry } from '../dynamodb-juror-registry';
import { DynamoDbRecordsIndex } from '../dynamodb-records-index';
import { DynamoDbSessionStore } from '../dynamodb-session-store';
import { DynamoDbSettingsStore } from '../dynamodb-settings-store';
import { port } from './port';

/** Sessions and everything kept in their partition, on the table, each change with its audit event. */
export const sessions = /* @__PURE__ */ port(() => new DynamoDbSessionStore(config.tableName(), config.auditTableName));
/** The registry of jurors and their habilitations. */
export const jurors = /* @__PURE__ */ port(() => new DynamoDbJurorRegistry(config.tableName(), config.auditTableName));
/** Deliverable uploads and versions. */
export const deliverables = /* @__PURE__ */ port(() => new DynamoDbDeliverableStore(config.tableName(), config.auditTableName));
/** The indexes of records: verification codes, certified holders, the committee's open cases. */
export const recordsIndex = /* @__PURE__ */ port(() => new DynamoDbRecordsIndex(config.tableName()));
/** Per-title and per-centre settings (appeal window, CPF contract, stamp). */
export const settings = /* @__PURE__ */ port(() => new DynamoDbSettingsStore(config.tableName(), config.auditTableName));
/** The audit log, read by subject or appended to on its own. */
export const audit = /* @__PURE__ */ port(() => new DynamoDbAuditLog(config.auditTableName()));
