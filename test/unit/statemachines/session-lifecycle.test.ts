import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SESSION_LIFECYCLE } from '../../../shared/wiring/state-machines';

interface State {
  Type: string;
  Resource?: string;
  TimeoutSeconds?: number;
  Retry?: Array<{ ErrorEquals: string[]; BackoffRate?: number; MaxAttempts?: number }>;
  Catch?: Array<{ ErrorEquals: string[]; Next: string }>;
  Parameters?: { Payload?: Record<string, unknown> };
  Next?: string;
  End?: boolean;
}

const definition = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../..', SESSION_LIFECYCLE.definitionFile), 'utf8')) as {
  StartAt: string;
  States: Record<string, State>;
};
const tasks = Object.entries(definition.States).filter(([, state]) => state.Type === 'Task');

describe('the session lifecycle definition', () => {
  it('retries every Task on transient Lambda errors with backoff', () => {
    for (const [name, state] of tasks) {
      const transient = state.Retry?.find((retry) => retry.ErrorEquals.includes('Lambda.ServiceException') || retry.ErrorEquals.includes('States.ALL'));
      expect(transient, name).toBeDefined();
      expect(transient!.BackoffRate, name).toBeGreaterThan(1);
    }
  });

  it('catches every failure of every Task and ends it in the named failure state, after recording it on the session', () => {
    for (const [name, state] of tasks) {
      const catchAll = state.Catch?.find((c) => c.ErrorEquals.includes('States.ALL'));
      expect(catchAll?.Next, name).toBe(name === 'RecordWorkflowFailure' ? 'SessionWorkflowFailed' : 'RecordWorkflowFailure');
    }
    expect(definition.States.RecordWorkflowFailure!.Next).toBe('SessionWorkflowFailed');
    expect(definition.States.SessionWorkflowFailed!.Type).toBe('Fail');
  });

  it('gives every callback task a timeout', () => {
    const callbacks = tasks.filter(([, state]) => state.Resource?.endsWith('.waitForTaskToken'));
    expect(callbacks.map(([name]) => name)).toEqual(['WaitForPlanning', 'WaitForConflictDeclarations', 'WaitForCandidate', 'WaitForPvSeal']);
    for (const [name, state] of callbacks) expect(state.TimeoutSeconds, name).toBeGreaterThan(0);
  });

  it('JURY-4: a human step that times out blocks the session, saying why, and waits for the step again: it never fails it', () => {
    const callbacks = tasks.filter(([, state]) => state.Resource?.endsWith('.waitForTaskToken'));
    for (const [name, state] of callbacks) {
      const onTimeout = state.Catch?.[0];
      expect(onTimeout?.ErrorEquals, name).toEqual(['States.Timeout']);
      const overdue = definition.States[onTimeout!.Next]!;
      expect(overdue.Type, name).toBe('Task');
      expect(overdue.Parameters?.Payload?.step, name).toBe(state.Parameters?.Payload?.step);
      expect(overdue.Next, `${onTimeout!.Next} goes back to ${name}`).toBe(name);
    }
  });

  it('passes ids between states, never documents', () => {
    const allowed = new Set(['sessionId.$', 'executionArn.$', 'taskToken.$', 'step', 'failure.$', 'registrationId.$']);
    for (const [name, state] of tasks) {
      for (const field of Object.keys(state.Parameters?.Payload ?? {})) expect(allowed.has(field), `${name}: ${field}`).toBe(true);
    }
  });

  it('names its states as the lifecycle reads, from planning to the candidates of the exam day', () => {
    const path: string[] = [];
    let current: string | undefined = definition.StartAt;
    while (current && !path.includes(current)) {
      path.push(current);
      const state: State = definition.States[current]!;
      current = state.Type === 'Choice' ? (current === 'PlanningAccepted' ? 'OpenIntake' : 'WaitForCandidate') : state.Next;
    }
    expect(path).toEqual([
      'OpenPlanning',
      'WaitForPlanning',
      'CheckJuryAndRegistrations',
      'PlanningAccepted',
      'OpenIntake',
      'WaitForIntakeDeadline',
      'FreezeDeliverables',
      'WaitForConflictDeclarations',
      'MarkReadyForExamDay',
      'WaitForExamDay',
      'OpenExamDay',
      'NextCandidate',
      'AnyCandidateLeft',
      'WaitForCandidate',
    ]);
  });

  it('EXAM-1, PV-6, RETAKE-1: loops over the candidates at the top level, one at a time, then closes the day, waits for the sealed PV and releases the results', () => {
    expect(definition.States.WaitForCandidate!.Next).toBe('NextCandidate');
    const choice = definition.States.AnyCandidateLeft as unknown as { Choices: Array<{ Variable: string; BooleanEquals: boolean; Next: string }>; Default: string };
    expect(choice.Choices).toEqual([{ Variable: '$.next.done', BooleanEquals: true, Next: 'CloseExamDay' }]);
    expect(choice.Default).toBe('WaitForCandidate');
    expect([definition.States.CloseExamDay!.Next, definition.States.WaitForPvSeal!.Next, definition.States.ReleaseResults!.Next, definition.States.SessionClosed!.Type]).toEqual([
      'WaitForPvSeal',
      'ReleaseResults',
      'SessionClosed',
      'Succeed',
    ]);
    expect(Object.values(definition.States).some((state) => state.Type === 'Map' || state.Type === 'Parallel')).toBe(false);
  });
});
