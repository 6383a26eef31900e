import { afterEach, describe, expect, it } from 'vitest';
import { functionArn, lambdaError, startHarness, types, type Harness } from './harness';

const scoreTask = (extra: Record<string, unknown> = {}) => ({
  Type: 'Task',
  Resource: 'arn:aws:states:::lambda:invoke',
  Parameters: { FunctionName: functionArn('ComputeScores'), Payload: { 'sessionId.$': '$.sessionId', 'executionId.$': '$$.Execution.Id' } },
  ...extra,
});

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

describe('Lambda tasks', () => {
  it('returns the lambda:invoke result as AWS does: { Payload, StatusCode, ExecutedVersion }', async () => {
    harness = await startHarness({
      machines: { Scores: { StartAt: 'ComputeScores', States: { ComputeScores: scoreTask({ ResultPath: '$.scores', End: true }) } } },
      handler: ({ payload }) => ({ average: 14.5, sessionId: payload.sessionId }),
    });
    const executionArn = await harness.start('Scores', 'session-7', { sessionId: 's-7' });
    const described = await harness.settled(executionArn);

    expect(described.status).toBe('SUCCEEDED');
    expect(JSON.parse(described.output!)).toEqual({
      sessionId: 's-7',
      scores: { Payload: { average: 14.5, sessionId: 's-7' }, StatusCode: 200, ExecutedVersion: '$LATEST' },
    });
    expect(harness.invocations).toEqual([{ functionName: functionArn('ComputeScores'), payload: { sessionId: 's-7', executionId: executionArn } }]);
    const events = await harness.history(executionArn);
    expect(types(events)).toEqual(['ExecutionStarted', 'TaskStateEntered', 'TaskScheduled', 'TaskStarted', 'TaskSucceeded', 'TaskStateExited', 'ExecutionSucceeded']);
    expect(events[2]!.taskScheduledEventDetails).toMatchObject({ resourceType: 'lambda', resource: 'invoke', region: 'eu-west-3' });
    expect(JSON.parse(events[2]!.taskScheduledEventDetails!.parameters!)).toEqual({
      FunctionName: functionArn('ComputeScores'),
      Payload: { sessionId: 's-7', executionId: executionArn },
    });
  });

  it('passes the state input to a Lambda given directly as Resource and keeps its raw result', async () => {
    harness = await startHarness({
      machines: { Direct: { StartAt: 'Notify', States: { Notify: { Type: 'Task', Resource: functionArn('Notify'), End: true } } } },
      handler: ({ payload }) => ({ notified: payload.sessionId }),
    });
    const executionArn = await harness.start('Direct', 'direct', { sessionId: 's-1' });
    const described = await harness.settled(executionArn);

    expect(JSON.parse(described.output!)).toEqual({ notified: 's-1' });
    expect(harness.invocations[0]).toEqual({ functionName: functionArn('Notify'), payload: { sessionId: 's-1' } });
    expect(types(await harness.history(executionArn))).toContain('LambdaFunctionSucceeded');
  });

  it('retries a named error per Retry, then catches it per Catch, with the error name and cause', async () => {
    harness = await startHarness({
      machines: {
        Jury: {
          StartAt: 'ComputeScores',
          States: {
            ComputeScores: scoreTask({
              Retry: [{ ErrorEquals: ['TransientFailure'], IntervalSeconds: 1, BackoffRate: 1, MaxAttempts: 5 }],
              Catch: [
                { ErrorEquals: ['SomethingElse'], Next: 'Wrong' },
                { ErrorEquals: ['JuryTooSmall'], ResultPath: '$.failure', Next: 'RecordFailure' },
              ],
              Next: 'Wrong',
            }),
            RecordFailure: { Type: 'Pass', End: true },
            Wrong: { Type: 'Fail', Error: 'Wrong' },
          },
        },
      },
      handler: () => {
        const error = harness!.invocations.length === 1 ? lambdaError('TransientFailure', 'try again') : lambdaError('JuryTooSmall', 'only 2 jurors');
        throw error;
      },
    });
    const executionArn = await harness.start('Jury', 'jury', { sessionId: 's-9' });
    const described = await harness.settled(executionArn);

    expect(described.status).toBe('SUCCEEDED');
    expect(harness.invocations).toHaveLength(2);
    const output = JSON.parse(described.output!);
    expect(output.failure.Error).toBe('JuryTooSmall');
    expect(JSON.parse(output.failure.Cause)).toEqual({ errorType: 'JuryTooSmall', errorMessage: 'only 2 jurors' });
    const events = await harness.history(executionArn);
    expect(types(events)).toEqual([
      'ExecutionStarted',
      'TaskStateEntered',
      'TaskScheduled',
      'TaskStarted',
      'TaskFailed',
      'TaskScheduled',
      'TaskStarted',
      'TaskFailed',
      'TaskStateExited',
      'PassStateEntered',
      'PassStateExited',
      'ExecutionSucceeded',
    ]);
    expect(events[4]!.taskFailedEventDetails).toMatchObject({ error: 'TransientFailure' });
  });

  it('fails the execution with the error of an uncaught failure once retries are exhausted', async () => {
    harness = await startHarness({
      machines: {
        Scores: {
          StartAt: 'ComputeScores',
          States: { ComputeScores: scoreTask({ Retry: [{ ErrorEquals: ['States.TaskFailed'], MaxAttempts: 0 }], End: true }) },
        },
      },
      handler: () => {
        throw lambdaError('Lambda.ServiceException', 'service down');
      },
    });
    const executionArn = await harness.start('Scores', 'down', { sessionId: 's' });
    const described = await harness.settled(executionArn);

    expect(described).toMatchObject({ status: 'FAILED', error: 'Lambda.ServiceException' });
    expect(JSON.parse(described.cause!)).toEqual({ errorType: 'Lambda.ServiceException', errorMessage: 'service down' });
    expect(harness.invocations).toHaveLength(1);
    expect(types(await harness.history(executionArn)).slice(-2)).toEqual(['TaskFailed', 'ExecutionFailed']);
  });

  it('runs Lambda tasks inside Map iterations, recorded under their original state types', async () => {
    harness = await startHarness({
      machines: {
        Grading: {
          StartAt: 'GradeEach',
          States: {
            GradeEach: {
              Type: 'Map',
              ItemsPath: '$.candidates',
              ItemProcessor: {
                StartAt: 'Grade',
                States: { Grade: { Type: 'Task', Resource: functionArn('Grade'), End: true } },
              },
              End: true,
            },
          },
        },
      },
      handler: ({ payload }) => ({ candidate: payload, grade: payload.length }),
    });
    const executionArn = await harness.start('Grading', 'grading', { candidates: ['ann', 'bo'] });
    const described = await harness.settled(executionArn);

    expect(JSON.parse(described.output!)).toEqual([
      { candidate: 'ann', grade: 3 },
      { candidate: 'bo', grade: 2 },
    ]);
    const events = types(await harness.history(executionArn));
    expect(events[1]).toBe('MapStateEntered');
    expect(events.filter((type) => type === 'MapIterationSucceeded')).toHaveLength(2);
    expect(events.filter((type) => type === 'TaskStateEntered')).toHaveLength(2);
    expect(events.slice(-2)).toEqual(['MapStateExited', 'ExecutionSucceeded']);
  });
});
