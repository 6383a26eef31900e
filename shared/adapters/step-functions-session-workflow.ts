import {
  DescribeExecutionCommand,
  ExecutionAlreadyExists,
  ExecutionDoesNotExist,
  GetExecutionHistoryCommand,
  InvalidToken,
  ListExecutionsCommand,
  SendTaskSuccessCommand,
  StartExecutionCommand,
  TaskDoesNotExist,
  TaskTimedOut,
} from '@aws-sdk/client-sfn';
import { Conflict } from '../domain/errors';
import { logger } from '../observability/logger';
import type { SessionWorkflow, WorkflowStatus } from '../use-cases/sessions/ports';
import { stepFunctions } from './aws/sfn-client';

/** The ARN of a state machine's execution with that name, as Step Functions forms it. */
export function executionArnOf(stateMachineArn: string, executionName: string): string {
  return `${stateMachineArn.replace(':stateMachine:', ':execution:')}:${executionName}`;
}

/**
 * Whether Step Functions failed for a reason of its own that passes (throttling, its own fault),
 * once the SDK's retries are spent: every open page of the web app reads its session again, and a
 * busy exam day must not turn a read into an error for want of the execution's status.
 */
function isTransient(error: unknown): boolean {
  const e = error as { $retryable?: { throttling?: boolean }; $fault?: string; name?: string };
  return e.$retryable?.throttling === true || e.$fault === 'server' || e.name === 'ThrottlingException';
}

/** The session lifecycle on Step Functions: one execution per session, named after it. */
export class StepFunctionsSessionWorkflow implements SessionWorkflow {
  constructor(private readonly stateMachineArn: string) {}

  async start(sessionId: string): Promise<string> {
    try {
      const result = await stepFunctions().send(
        new StartExecutionCommand({ stateMachineArn: this.stateMachineArn, name: sessionId, input: JSON.stringify({ sessionId }) }),
      );
      return result.executionArn ?? executionArnOf(this.stateMachineArn, sessionId);
    } catch (error) {
      if (error instanceof ExecutionAlreadyExists) return executionArnOf(this.stateMachineArn, sessionId);
      throw error;
    }
  }

  async describe(sessionId: string): Promise<WorkflowStatus> {
    const executionArn = executionArnOf(this.stateMachineArn, sessionId);
    try {
      const [execution, history] = await Promise.all([
        stepFunctions().send(new DescribeExecutionCommand({ executionArn })),
        stepFunctions().send(new GetExecutionHistoryCommand({ executionArn, reverseOrder: true, maxResults: 25 })),
      ]);
      const entered = history.events?.find((event) => event.stateEnteredEventDetails?.name);
      return {
        executionArn,
        status: execution.status ?? 'UNKNOWN',
        currentStep: entered?.stateEnteredEventDetails?.name,
        startedAt: execution.startDate?.toISOString(),
        stoppedAt: execution.stopDate?.toISOString(),
      };
    } catch (error) {
      if (error instanceof ExecutionDoesNotExist) return { executionArn, status: 'NOT_STARTED' };
      if (!isTransient(error)) throw error;
      logger.warn('workflow status unavailable: Step Functions did not answer after the retries', { sessionId, error: (error as Error).name });
      return { executionArn, status: 'UNAVAILABLE' };
    }
  }

  async history(executionArn: string): Promise<unknown[]> {
    const events: unknown[] = [];
    let nextToken: string | undefined;
    do {
      const page = await stepFunctions().send(new GetExecutionHistoryCommand({ executionArn, includeExecutionData: true, maxResults: 1000, nextToken }));
      events.push(...(page.events ?? []));
      nextToken = page.nextToken;
    } while (nextToken);
    return events;
  }

  async running(): Promise<string[]> {
    const names: string[] = [];
    let nextToken: string | undefined;
    do {
      const page = await stepFunctions().send(new ListExecutionsCommand({ stateMachineArn: this.stateMachineArn, statusFilter: 'RUNNING', maxResults: 1000, nextToken }));
      for (const execution of page.executions ?? []) if (execution.name) names.push(execution.name);
      nextToken = page.nextToken;
    } while (nextToken);
    return names;
  }

  async completeStep(taskToken: string, output: Record<string, unknown>): Promise<void> {
    try {
      await stepFunctions().send(new SendTaskSuccessCommand({ taskToken, output: JSON.stringify(output) }));
    } catch (error) {
      if (error instanceof TaskTimedOut || error instanceof TaskDoesNotExist || error instanceof InvalidToken) {
        throw new Conflict({
          en: "the session's workflow is no longer waiting for this step; reload the session to see where it stands",
          fr: "le déroulement de la session n'attend plus cette étape ; rechargez la session pour voir où elle en est",
        });
      }
      throw error;
    }
  }
}
