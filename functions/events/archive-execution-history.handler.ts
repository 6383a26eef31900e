import { deps } from '../../shared/adapters/dependencies';
import { logger } from '../../shared/observability/logger';
import { archiveExecutionHistory } from '../../shared/use-cases/records/execution-history';
import type { ExecutionStatusChangeEvent } from '../../shared/wiring/execution-events';

/** On a session's execution ending, writes its history to the records bucket (Step Functions keeps it 90 days). */
export const handler = async (event: ExecutionStatusChangeEvent): Promise<void> => {
  logger.info('execution ended', { executionArn: event.detail.executionArn, status: event.detail.status });
  await archiveExecutionHistory(deps, event.detail);
};
