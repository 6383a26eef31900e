import { now } from '../clock';
import { config } from '../config/env';
import type { Deps } from '../use-cases/deps';
import { newId } from '../use-cases/ids';
import type { JurorRegistry, SessionStore, SessionWorkflow } from '../use-cases/sessions/ports';
import type { DeliverableFiles } from '../use-cases/deliverables/ports';
import type { DeliverableStore } from '../use-cases/sessions/ports';
import { DynamoDbDeliverableStore } from './dynamodb-deliverable-store';
import { DynamoDbJurorRegistry } from './dynamodb-juror-registry';
import { pdfLibInspector } from './pdf-lib-inspector';
import { S3DeliverableFiles } from './s3-deliverable-files';
import { DynamoDbSessionStore } from './dynamodb-session-store';
import { StepFunctionsSessionWorkflow } from './step-functions-session-workflow';

let sessionStore: SessionStore | undefined;
let jurorRegistry: JurorRegistry | undefined;
let sessionWorkflow: SessionWorkflow | undefined;
let deliverableStore: DeliverableStore | undefined;
let deliverableFiles: DeliverableFiles | undefined;

/**
 * The use cases' ports wired to AWS, each built on first use (once per cold start) so that a
 * function only needs the bindings of the ports it touches.
 */
export const deps: Deps = {
  get sessions() {
    sessionStore ??= new DynamoDbSessionStore(config.tableName(), config.auditTableName);
    return sessionStore;
  },
  get jurors() {
    jurorRegistry ??= new DynamoDbJurorRegistry(config.tableName(), config.auditTableName);
    return jurorRegistry;
  },
  get workflow() {
    sessionWorkflow ??= new StepFunctionsSessionWorkflow(config.sessionStateMachineArn());
    return sessionWorkflow;
  },
  get deliverables() {
    deliverableStore ??= new DynamoDbDeliverableStore(config.tableName(), config.auditTableName);
    return deliverableStore;
  },
  get files() {
    deliverableFiles ??= new S3DeliverableFiles(config.deliverablesBucketName());
    return deliverableFiles;
  },
  pdf: pdfLibInspector,
  now,
  newId,
};
