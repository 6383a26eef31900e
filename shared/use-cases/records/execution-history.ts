import { WORKFLOW_ACTOR } from '../caller';
import type { Deps } from '../deps';
import { applySessionChange } from '../sessions/session-changes';
import { logger } from '../../observability/logger';
import { sha256Of } from './pv-documents';
import { recordKeys } from './pv-seal';
import { writeOnce } from './write-once';

/** The execution that ended, as its status-change event tells it. */
export interface EndedExecution {
  executionArn: string;
  /** The execution's name: the session's id. */
  name: string;
  status: string;
  stopDate: number | null;
}

/**
 * Step Functions keeps an execution's history 90 days: when a session's execution ends, its whole
 * history is written once to the records bucket beside the session's sealed records, and the
 * session records where. A redelivered event finds the same history and records nothing new.
 */
export async function archiveExecutionHistory(deps: Pick<Deps, 'sessions' | 'workflow' | 'records' | 'now' | 'newId'>, execution: EndedExecution): Promise<void> {
  const sessionId = execution.name;
  const session = await deps.sessions.get(sessionId);
  if (!session) {
    logger.warn('execution of no known session ended; its history is not archived', { executionArn: execution.executionArn });
    return;
  }
  const events = await deps.workflow.history(execution.executionArn);
  const bytes = new TextEncoder().encode(JSON.stringify({ executionArn: execution.executionArn, status: execution.status, stopDate: execution.stopDate, events }, null, 2));
  const record = await writeOnce(deps.records, recordKeys.history(sessionId, execution.name), bytes, 'application/json', sha256Of(bytes));
  await applySessionChange(deps, sessionId, WORKFLOW_ACTOR, ({ session: current }, at) =>
    current.executionHistory?.sha256 === record.sha256
      ? undefined
      : {
          session: { executionHistory: { key: record.key, s3VersionId: record.s3VersionId, sha256: record.sha256, executionStatus: execution.status, exportedAt: at } },
          action: 'workflow.history-archived',
          details: { executionArn: execution.executionArn, status: execution.status, key: record.key, sha256: record.sha256, events: events.length },
        },
  );
}
