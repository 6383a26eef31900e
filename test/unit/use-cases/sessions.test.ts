import { describe, expect, it } from 'vitest';
import { Conflict, Forbidden, InvalidInput, NotFound } from '../../../shared/domain/errors';
import type { Caller } from '../../../shared/use-cases/caller';
import { createSession } from '../../../shared/use-cases/sessions/create-session';
import { getSession } from '../../../shared/use-cases/sessions/get-session';
import { recordPendingStep, recordWorkflowFailure, recordWorkflowStarted } from '../../../shared/use-cases/sessions/workflow-steps';
import { InMemorySessions, RecordingWorkflow } from '../support/in-memory-sessions';

const manager: Caller = { id: 'm-1', roles: ['managers'], centreId: 'centre-1' };
const input = { titleCode: 'RNCP34757', sessionDate: '2027-03-15', address: '1 place Bellecour, Lyon', remote: false };

function setup() {
  let ids = 0;
  const sessions = new InMemorySessions();
  const workflow = new RecordingWorkflow();
  const deps = {
    sessions,
    workflow,
    now: () => new Date('2027-01-10T09:00:00Z'),
    newId: () => `id-${++ids}`,
    isKnownTitle: (code: string) => code === 'RNCP34757',
  };
  return { deps, sessions, workflow };
}

describe('createSession', () => {
  it('writes the session in planning with its audit event, then starts its execution', async () => {
    const { deps, sessions, workflow } = setup();
    const session = await createSession(deps, manager, input);
    expect(session).toMatchObject({ id: 'id-1', status: 'planning', centreId: 'centre-1', version: 1, createdAt: '2027-01-10T09:00:00.000Z' });
    expect(sessions.audit).toEqual([expect.objectContaining({ sessionId: 'id-1', action: 'session.created', actor: { id: 'm-1', roles: ['managers'] } })]);
    expect(workflow.started).toEqual(['id-1']);
  });

  it.each([
    ['REF-1: an unknown title', { ...input, titleCode: 'RNCP99999' }, 'titleCode'],
    ['a session date of today', { ...input, sessionDate: '2027-01-10' }, 'sessionDate'],
  ])('refuses %s, naming the field, and writes nothing', async (_name, body, field) => {
    const { deps, sessions, workflow } = setup();
    const error = await createSession(deps, manager, body).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidInput);
    expect((error as InvalidInput).field).toBe(field);
    expect(sessions.records.size).toBe(0);
    expect(workflow.started).toEqual([]);
  });

  it('refuses a manager without an organising centre', async () => {
    const { deps, sessions } = setup();
    await expect(createSession(deps, { id: 'm-2', roles: ['managers'] }, input)).rejects.toBeInstanceOf(Forbidden);
    expect(sessions.records.size).toBe(0);
  });
});

describe('getSession', () => {
  it('returns the session with its workflow status, without the task token', async () => {
    const { deps } = setup();
    const created = await createSession(deps, manager, input);
    await recordPendingStep({ ...deps }, created.id, 'planning', 'secret-token');
    const view = await getSession(deps, manager, created.id);
    expect(view.workflow).toMatchObject({ status: 'RUNNING', currentStep: 'WaitForPlanning' });
    expect(view.pendingStep).toEqual({ step: 'planning', since: '2027-01-10T09:00:00.000Z' });
    expect(JSON.stringify(view)).not.toContain('secret-token');
  });

  it('404 for an unknown id; 403 for another centre, a juror not sitting, a candidate; the quality committee sees all', async () => {
    const { deps } = setup();
    const created = await createSession(deps, manager, input);
    await expect(getSession(deps, manager, 'nope')).rejects.toBeInstanceOf(NotFound);
    await expect(getSession(deps, { ...manager, centreId: 'centre-2' }, created.id)).rejects.toBeInstanceOf(Forbidden);
    await expect(getSession(deps, { id: 'j-1', roles: ['jurors'] }, created.id)).rejects.toBeInstanceOf(Forbidden);
    await expect(getSession(deps, { id: 'c-1', roles: ['candidates'] }, created.id)).rejects.toBeInstanceOf(Forbidden);
    await expect(getSession(deps, { id: 'q-1', roles: ['quality'] }, created.id)).resolves.toMatchObject({ id: created.id });
  });
});

describe('workflow steps', () => {
  it('are idempotent: a duplicate delivery writes no second audit event', async () => {
    const { deps, sessions } = setup();
    const created = await createSession(deps, manager, input);
    await recordWorkflowStarted(deps, created.id, 'arn:x');
    await recordWorkflowStarted(deps, created.id, 'arn:x');
    await recordPendingStep(deps, created.id, 'planning', 't-1');
    await recordPendingStep(deps, created.id, 'planning', 't-1');
    await recordWorkflowFailure(deps, created.id, { error: 'Boom', cause: 'x' });
    await recordWorkflowFailure(deps, created.id, { error: 'Boom', cause: 'x' });
    expect(sessions.audit.map((event) => event.action)).toEqual(['session.created', 'workflow.started', 'workflow.waiting', 'workflow.failed']);
    expect(sessions.records.get(created.id)).toMatchObject({ status: 'failed', failure: { error: 'Boom' }, version: 4 });
  });

  it('retry after a concurrent writer bumped the version, and give up after repeated conflicts', async () => {
    const { deps, sessions } = setup();
    const created = await createSession(deps, manager, input);
    let conflicts = 1;
    const flaky = {
      ...deps,
      sessions: Object.assign(Object.create(sessions) as InMemorySessions, {
        update: async (...args: Parameters<InMemorySessions['update']>) => {
          if (conflicts-- > 0) throw new Conflict('raced');
          return sessions.update(...args);
        },
      }),
    };
    await expect(recordWorkflowStarted(flaky, created.id, 'arn:y')).resolves.toMatchObject({ executionArn: 'arn:y' });
    conflicts = 100;
    await expect(recordPendingStep(flaky, created.id, 'planning', 't-2')).rejects.toBeInstanceOf(Conflict);
  });
});
