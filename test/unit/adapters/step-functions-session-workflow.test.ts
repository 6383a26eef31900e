import { DescribeExecutionCommand, ExecutionDoesNotExist, GetExecutionHistoryCommand, SFNClient } from '@aws-sdk/client-sfn';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { StepFunctionsSessionWorkflow } from '../../../shared/adapters/step-functions-session-workflow';

const STATE_MACHINE = 'arn:aws:states:eu-west-3:123456789012:stateMachine:certiflow-session';
const EXECUTION = 'arn:aws:states:eu-west-3:123456789012:execution:certiflow-session:s-1';

describe("a session's workflow status, read from its execution", () => {
  const sfn = mockClient(SFNClient);
  const workflow = new StepFunctionsSessionWorkflow(STATE_MACHINE);

  beforeAll(() => {
    vi.stubEnv('AWS_REGION', 'eu-west-3');
  });
  afterEach(() => {
    sfn.reset();
  });

  it('names the execution after the session and tells its status and the state it last entered', async () => {
    sfn.on(DescribeExecutionCommand, { executionArn: EXECUTION }).resolves({ status: 'RUNNING', startDate: new Date('2027-06-01T08:00:00Z') });
    sfn.on(GetExecutionHistoryCommand).resolves({ events: [{ id: 9, type: 'TaskStateEntered', timestamp: new Date(), stateEnteredEventDetails: { name: 'WaitForPvSeal' } }] });
    expect(await workflow.describe('s-1')).toEqual({ executionArn: EXECUTION, status: 'RUNNING', currentStep: 'WaitForPvSeal', startedAt: '2027-06-01T08:00:00.000Z', stoppedAt: undefined });
  });

  it('says NOT_STARTED when the session has no execution', async () => {
    sfn.on(DescribeExecutionCommand).rejects(new ExecutionDoesNotExist({ message: 'no such execution', $metadata: {} }));
    sfn.on(GetExecutionHistoryCommand).rejects(new ExecutionDoesNotExist({ message: 'no such execution', $metadata: {} }));
    expect(await workflow.describe('s-1')).toEqual({ executionArn: EXECUTION, status: 'NOT_STARTED' });
  });

  it('says UNAVAILABLE, without failing the read, when Step Functions throttles once the retries are spent, or fails on its side', async () => {
    const throttled = Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException', $fault: 'client', $retryable: { throttling: true } });
    sfn.on(DescribeExecutionCommand).resolves({ status: 'RUNNING' });
    sfn.on(GetExecutionHistoryCommand).rejects(throttled);
    expect(await workflow.describe('s-1')).toEqual({ executionArn: EXECUTION, status: 'UNAVAILABLE' });
    sfn.reset();
    sfn.on(DescribeExecutionCommand).rejects(Object.assign(new Error('internal'), { name: 'InternalServerError', $fault: 'server' }));
    sfn.on(GetExecutionHistoryCommand).resolves({ events: [] });
    expect((await workflow.describe('s-1')).status).toBe('UNAVAILABLE');
  });

  it('lets any other failure through (a missing permission is a fault to see, not a status)', async () => {
    sfn.on(DescribeExecutionCommand).rejects(Object.assign(new Error('not authorized'), { name: 'AccessDeniedException', $fault: 'client' }));
    sfn.on(GetExecutionHistoryCommand).resolves({ events: [] });
    await expect(workflow.describe('s-1')).rejects.toThrow('not authorized');
  });
});
