import { now } from '../clock';
import { cpfFluxXml } from './cpf-xml';
import { config } from '../config/env';
import type { Deps } from '../use-cases/deps';
import type { DocumentRenderer } from '../use-cases/records/documents';
import { newId } from '../use-cases/ids';
import { DynamoDbAuditLog } from './dynamodb-audit-log';
import { DynamoDbDeliverableStore } from './dynamodb-deliverable-store';
import { DynamoDbJurorRegistry } from './dynamodb-juror-registry';
import { DynamoDbRecordsIndex } from './dynamodb-records-index';
import { DynamoDbSessionStore } from './dynamodb-session-store';
import { DynamoDbSettingsStore } from './dynamodb-settings-store';
import { pdfLibInspector } from './pdf-lib-inspector';
import { S3DeliverableFiles } from './s3-deliverable-files';
import { S3ExportFiles } from './s3-export-files';
import { S3RecordsArchive } from './s3-records-archive';
import { StepFunctionsSessionWorkflow } from './step-functions-session-workflow';

/** A port built on first use, once per cold start. */
function lazy<T>(build: () => T): () => T {
  let built: T | undefined;
  return () => (built ??= build());
}

/** The PDF renderer and its embedded fonts, loaded by the functions that render documents only. */
const renderer = lazy(() => import('./pdf/documents').then((module) => module.pdfDocuments));

/** The official papers, rendered on first use. */
const documents: DocumentRenderer = {
  pv: async (document) => (await renderer()).pv(document),
  grid: async (document) => (await renderer()).grid(document),
  certificate: async (document) => (await renderer()).certificate(document),
  decision: async (document) => (await renderer()).decision(document),
  imageSize: async (bytes, contentType) => (await renderer()).imageSize(bytes, contentType),
};

const ports = {
  sessions: lazy(() => new DynamoDbSessionStore(config.tableName(), config.auditTableName)),
  jurors: lazy(() => new DynamoDbJurorRegistry(config.tableName(), config.auditTableName)),
  workflow: lazy(() => new StepFunctionsSessionWorkflow(config.sessionStateMachineArn())),
  deliverables: lazy(() => new DynamoDbDeliverableStore(config.tableName(), config.auditTableName)),
  files: lazy(() => new S3DeliverableFiles(config.deliverablesBucketName())),
  records: lazy(() => new S3RecordsArchive(config.recordsBucketName())),
  recordsIndex: lazy(() => new DynamoDbRecordsIndex(config.tableName())),
  settings: lazy(() => new DynamoDbSettingsStore(config.tableName(), config.auditTableName)),
  audit: lazy(() => new DynamoDbAuditLog(config.auditTableName())),
  exports: lazy(() => new S3ExportFiles(config.deliverablesBucketName())),
};

/**
 * The use cases' ports wired to AWS, each built on first use (once per cold start) so that a
 * function only needs the bindings of the ports it touches.
 */
export const deps: Deps = {
  get sessions() {
    return ports.sessions();
  },
  get jurors() {
    return ports.jurors();
  },
  get workflow() {
    return ports.workflow();
  },
  get deliverables() {
    return ports.deliverables();
  },
  get files() {
    return ports.files();
  },
  get records() {
    return ports.records();
  },
  get recordsIndex() {
    return ports.recordsIndex();
  },
  get settings() {
    return ports.settings();
  },
  get audit() {
    return ports.audit();
  },
  get exports() {
    return ports.exports();
  },
  documents,
  cpfFlux: cpfFluxXml,
  pdf: pdfLibInspector,
  now,
  newId,
};
