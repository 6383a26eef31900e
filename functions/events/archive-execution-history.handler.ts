import { wire } from '../../shared/adapters/ports/port';
import { sessions } from '../../shared/adapters/ports/dynamodb';
import { records } from '../../shared/adapters/ports/records-archive';
import { workflow } from '../../shared/adapters/ports/workflow';
import { logger } from '../../shared/observability/logger';
import { archiveExecutionHistory } from '../../shared/use-cases/records/execution-history';
import type { ExecutionStatusChangeEvent } from '../../shared/wiring/execution-events';

/** This function's ports. */
const deps = wire({ records, sessions, workflow });

/** On a session's execution ending, writes its history to the records bucket (Step Functions keeps it 90 days). */
export const handler = async (event: ExecutionStatusChangeEvent): Promise<void> => {
  logger.info('execution ended', { executionArn: event.detail.executionArn, status: event.detail.status });
  await archiveExecutionHistory(deps, event.detail);
};
