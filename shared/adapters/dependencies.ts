import { now } from '../clock';
import { config } from '../config/env';
import { newId } from '../use-cases/ids';
import type { SessionRepository, SessionWorkflow } from '../use-cases/sessions/ports';
import { isKnownTitle } from '../use-cases/titles';
import { DynamoDbSessionRepository } from './dynamodb-session-repository';
import { StepFunctionsSessionWorkflow } from './step-functions-session-workflow';

let sessionRepository: SessionRepository | undefined;
let sessionWorkflow: SessionWorkflow | undefined;

/** The session repository on the configured table, built once per cold start. */
export function sessions(): SessionRepository {
  sessionRepository ??= new DynamoDbSessionRepository(config.tableName());
  return sessionRepository;
}

/** The session lifecycle on the configured state machine, built once per cold start. */
export function workflow(): SessionWorkflow {
  sessionWorkflow ??= new StepFunctionsSessionWorkflow(config.sessionStateMachineArn());
  return sessionWorkflow;
}

/** The ports and services a use case may need, wired to AWS. */
export const deps = {
  get sessions() {
    return sessions();
  },
  get workflow() {
    return workflow();
  },
  now,
  newId,
  isKnownTitle,
};
