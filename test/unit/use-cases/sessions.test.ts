import { describe, expect, it } from 'vitest';
import { Conflict, Forbidden, InvalidInput, NotFound } from '../../../shared/domain/errors';
import type { Caller } from '../../../shared/use-cases/caller';
import { createSession } from '../../../shared/use-cases/sessions/create-session';
import { getSession } from '../../../shared/use-cases/sessions/get-session';
import { publicSession } from '../../../shared/use-cases/sessions/records';
import { updateSession } from '../../../shared/use-cases/sessions/update-session';
import { awaitHumanStep, recordWorkflowFailure, recordWorkflowStarted } from '../../../shared/use-cases/sessions/workflow-steps';
import { inMemoryDeps } from '../support/in-memory-sessions';

const manager: Caller = { id: 'm-1', roles: ['managers'], centreId: 'centre-1' };
const input = { titleCode: 'RNCP34757', sessionDate: '2027-03-15', timeZone: 'Europe/Paris', startTime: '09:00', address: '1 place Bellecour, Lyon', remote: false };

describe('createSession', () => {
  it('writes the session in planning with its audit event, then starts its execution', async () => {
    const { deps, sessions, workflow } = inMemoryDeps();
    const session = await createSession(deps, manager, input);
    expect(session).toMatchObject({ status: 'planning', centreId: 'centre-1', version: 1, createdAt: '2027-01-10T09:00:00.000Z' });
    expect(sessions.audit).toEqual([expect.objectContaining({ subject: { type: 'session', id: session.id }, action: 'session.created', actor: { id: 'm-1', roles: ['managers'] } })]);
    expect(workflow.started).toEqual([session.id]);
  });

  it.each([
    ['REF-1: an unknown title', { ...input, titleCode: 'RNCP99999' }, 'titleCode'],
    ['a session date of today', { ...input, sessionDate: '2027-01-10' }, 'sessionDate'],
    ['a prairie ending before the cohort starts', { ...input, cohort: { name: 'P1', startDate: '2026-09-01', prairieEnd: '2026-08-01' } }, 'cohort.prairieEnd'],
  ])('refuses %s, naming the field, and writes nothing', async (_name, body, field) => {
    const { deps, sessions, workflow } = inMemoryDeps();
    const error = await createSession(deps, manager, body).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidInput);
    expect((error as InvalidInput).field).toBe(field);
    expect(sessions.planning.size).toBe(0);
    expect(workflow.started).toEqual([]);
  });

  it('a session date of today is refused in English and in French, the date written the French way', async () => {
    const { deps } = inMemoryDeps();
    const error = (await createSession(deps, manager, { ...input, sessionDate: '2027-01-10' }).catch((e: unknown) => e)) as InvalidInput;
    expect(error.message).toBe('sessionDate: 2027-01-10 is not after today (2027-01-10 in Europe/Paris); a session is planned ahead');
    expect(error.sentence.fr).toBe("sessionDate : le 10 janvier 2027 n'est pas postérieur à aujourd'hui (10 janvier 2027 dans le fuseau Europe/Paris) ; une session se planifie à l'avance");
  });

  it('a retry with the same id after the workflow failed to start starts it, and creates nothing twice', async () => {
    const { deps, sessions, workflow } = inMemoryDeps();
    workflow.failStarts = 1;
    await expect(createSession(deps, manager, input, 'fixed-id')).rejects.toThrow('Step Functions unavailable');
    expect(workflow.started).toEqual([]);
    const retried = await createSession(deps, manager, input, 'fixed-id');
    expect(retried.id).toBe('fixed-id');
    expect(workflow.started).toEqual(['fixed-id']);
    expect(sessions.audit.filter((event) => event.action === 'session.created')).toHaveLength(1);
    await expect(createSession(deps, { ...manager, id: 'someone-else' }, input, 'fixed-id')).rejects.toBeInstanceOf(Conflict);
  });

  it('refuses a manager without an organising centre', async () => {
    const { deps, sessions } = inMemoryDeps();
    await expect(createSession(deps, { id: 'm-2', roles: ['managers'] }, input)).rejects.toBeInstanceOf(Forbidden);
    expect(sessions.planning.size).toBe(0);
  });
});

describe('updateSession', () => {
  it('applies a change at the version the caller saw, and refuses a stale one with a conflict that writes nothing', async () => {
    const { deps, sessions } = inMemoryDeps();
    const created = await createSession(deps, manager, input);
    const updated = await updateSession(deps, manager, created.id, 1, { address: '2 rue Neuve, Lyon' });
    expect(updated).toMatchObject({ address: '2 rue Neuve, Lyon', version: 2 });
    const auditBefore = sessions.audit.length;
    const stale = (await updateSession(deps, manager, created.id, 1, { address: '3 rue Neuve, Lyon' }).catch((e: unknown) => e)) as Conflict;
    expect(stale).toBeInstanceOf(Conflict);
    expect(stale.sentence).toEqual({
      en: `session ${created.id} is at version 2, not 1: someone changed it; reload it and try again`,
      fr: `la session ${created.id} est à la version 2, et non 1 : quelqu'un l'a modifiée ; rechargez-la et réessayez`,
    });
    expect(sessions.audit).toHaveLength(auditBefore);
    expect((await sessions.get(created.id))?.address).toBe('2 rue Neuve, Lyon');
  });
});

describe('getSession', () => {
  it('returns the session with its workflow status and next step, without the task token', async () => {
    const { deps } = inMemoryDeps();
    const created = await createSession(deps, manager, input);
    await awaitHumanStep(deps, created.id, 'planning', 'secret-token');
    const view = await getSession(deps, manager, created.id);
    expect(view.workflow).toMatchObject({ status: 'RUNNING', currentStep: 'WaitForPlanning' });
    expect(view.pendingStep).toEqual({ step: 'planning', since: '2027-01-10T09:00:00.000Z' });
    expect(view.next).toMatchObject({ step: 'close-planning', by: 'managers' });
    expect(view.blockers.map((b) => b.ruleId)).toEqual(['JURY-1']);
    expect(JSON.stringify(view)).not.toContain('secret-token');
  });

  it('404 for an unknown id; 403 for another centre, a juror not sitting, a candidate; the quality committee sees all', async () => {
    const { deps } = inMemoryDeps();
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
    const { deps, sessions } = inMemoryDeps();
    const created = await createSession(deps, manager, input);
    await recordWorkflowStarted(deps, created.id, 'arn:x');
    await recordWorkflowStarted(deps, created.id, 'arn:x');
    await awaitHumanStep(deps, created.id, 'planning', 't-1');
    await awaitHumanStep(deps, created.id, 'planning', 't-1');
    await recordWorkflowFailure(deps, created.id, { error: 'Boom', cause: 'x' });
    await recordWorkflowFailure(deps, created.id, { error: 'Boom', cause: 'x' });
    expect(sessions.audit.map((event) => event.action)).toEqual(['session.created', 'workflow.started', 'workflow.waiting', 'workflow.failed']);
    expect(await sessions.get(created.id)).toMatchObject({
      status: 'failed',
      failure: { error: 'Boom', reason: "a step of the workflow failed (Boom); ops must look at the session's execution" },
      version: 4,
    });
  });

  it("keep the execution's ARN in the record and never show it in a session: the centre reads it as the workflow's status", async () => {
    const { deps, sessions } = inMemoryDeps();
    const created = await createSession(deps, manager, input);
    await recordWorkflowStarted(deps, created.id, 'arn:aws:states:eu-west-3:123456789012:execution:certiflow-session:x');
    const stored = (await sessions.get(created.id))!;
    expect(stored.executionArn).toContain('123456789012');
    expect(JSON.stringify(publicSession(stored))).not.toContain('123456789012');
    expect((await getSession(deps, manager, created.id)).workflow).toBeDefined();
  });

  it('retry after a concurrent writer bumped the version, and give up after repeated conflicts', async () => {
    const { deps, sessions } = inMemoryDeps();
    const created = await createSession(deps, manager, input);
    const commit = sessions.commit.bind(sessions);
    let races = 1;
    sessions.commit = async (change) => {
      if (races-- > 0) {
        const current = (await sessions.get(change.session.id))!;
        await commit({ ...change, session: { ...current, version: current.version + 1 }, items: [], expectedVersion: current.version, audit: { ...change.audit, action: 'concurrent.write' } });
      }
      return commit(change);
    };
    await expect(recordWorkflowStarted(deps, created.id, 'arn:y')).resolves.toMatchObject({ executionArn: 'arn:y' });
    races = 100;
    await expect(awaitHumanStep(deps, created.id, 'planning', 't-2')).rejects.toBeInstanceOf(Conflict);
  });
});
