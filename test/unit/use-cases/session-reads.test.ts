import { describe, expect, it } from 'vitest';
import type { Caller } from '../../../shared/use-cases/caller';
import type { FullRegistrationView, JurorRegistrationView } from '../../../shared/use-cases/candidates/registration-views';
import { getRegistration, listRegistrations } from '../../../shared/use-cases/candidates/read-registrations';
import type { ExamRecord } from '../../../shared/use-cases/exam-day/records';
import { createSession } from '../../../shared/use-cases/sessions/create-session';
import { getSession } from '../../../shared/use-cases/sessions/get-session';
import type { JurorRecord, RegistrationRecord } from '../../../shared/use-cases/sessions/records';
import { inMemoryDeps } from '../support/in-memory-sessions';

const manager: Caller = { id: 'm-1', roles: ['managers'], centreId: 'centre-1' };
const quality: Caller = { id: 'q-1', roles: ['quality'] };
const jurorCaller = (n: number): Caller => ({ id: `juror-user-${n}`, roles: ['jurors'] });
const input = { titleCode: 'RNCP34757', sessionDate: '2027-03-15', timeZone: 'Europe/Paris', startTime: '09:00', address: '1 place Bellecour, Lyon', remote: true };

function juror(n: number): JurorRecord {
  return {
    id: `juror-${n}`,
    userId: `juror-user-${n}`,
    firstName: `Juror${n}`,
    lastName: 'Durand',
    email: `juror${n}@example.org`,
    profession: 'AI developer',
    yearsOfExperience: 5,
    habilitations: [],
    createdAt: '2027-01-01T00:00:00.000Z',
    createdBy: 'certifier',
    updatedAt: '2027-01-01T00:00:00.000Z',
    version: 1,
  };
}

function registration(sessionId: string, id: string, firstName: string): RegistrationRecord {
  return {
    id,
    sessionId,
    candidate: { userId: `user-${id}`, firstName, lastName: 'Martin', email: `${firstName.toLowerCase()}@example.org` },
    attempt: 'first',
    previouslyValidatedBlocks: [],
    newTraining: false,
    ...(firstName === 'Alice' ? { accommodation: { extraMinutes: 20, justification: 'avis du médecin MDPH', grantedBy: 'm-1', grantedAt: '2027-01-10T09:00:00.000Z' } } : {}),
    registeredAt: '2027-01-10T09:00:00.000Z',
    registeredBy: 'm-1',
  };
}

/** Alice checked in late and allowed, identified remotely and in her oral; Bruno expected; juror 2 declared a link with Alice, juror 1 none with either. */
const aliceExam: ExamRecord = {
  registrationId: 'reg-alice',
  stage: 'in-oral',
  checkIn: { at: '2027-03-15T08:10:00.000Z', by: 'm-1', late: true, decision: 'allowed' },
  identityCheck: { checkedAt: '2027-03-15T08:12:00.000Z', checkedBy: 'm-1', method: 'ID card shown on camera' },
  oral: {
    startedAt: '2027-03-15T08:15:00.000Z',
    plannedEndAt: '2027-03-15T09:40:00.000Z',
    extraMinutes: 20,
    segments: [{ segmentId: 'presentation', name: 'Presentation and demo', plannedStartAt: '2027-03-15T08:15:00.000Z', plannedEndAt: '2027-03-15T08:45:00.000Z', startedAt: '2027-03-15T08:15:00.000Z' }],
  },
};

async function examDaySession() {
  const memory = inMemoryDeps();
  const { id } = await createSession(memory.deps, manager, input);
  for (const n of [1, 2, 3]) memory.jurors.records.set(`juror-${n}`, juror(n));
  const planning = memory.sessions.planning.get(id)!;
  planning.registrations = [registration(id, 'reg-alice', 'Alice'), registration(id, 'reg-bruno', 'Bruno')];
  planning.trainers = [{ firstName: 'Paul', lastName: 'Formateur', email: 'paul.formateur@example.org' }];
  planning.assignments = [1, 2].map((n) => ({ sessionId: id, jurorId: `juror-${n}`, centreId: 'centre-1', userId: `juror-user-${n}`, assignedAt: '2027-01-10T09:00:00.000Z', assignedBy: 'm-1' }));
  planning.declarations = [
    { jurorId: 'juror-1', registrationId: 'reg-alice', link: 'none', declaredAt: '2027-03-10T10:00:00.000Z' },
    { jurorId: 'juror-1', registrationId: 'reg-bruno', link: 'none', declaredAt: '2027-03-10T10:01:00.000Z' },
    { jurorId: 'juror-2', registrationId: 'reg-alice', link: 'professional', description: 'former colleague', declaredAt: '2027-03-10T11:00:00.000Z' },
  ];
  planning.exams = [aliceExam];
  return { ...memory, sessionId: id };
}

describe('reading the registrations on the exam day (EXAM-1..5, JURY-4)', () => {
  it('EXAM-3, EXAM-5: the centre reads each candidate\'s exam record, as the exam-day POSTs return it, once it exists', async () => {
    const { deps, sessionId } = await examDaySession();
    for (const caller of [manager, quality]) {
      const [alice, bruno] = (await listRegistrations(deps, caller, sessionId)) as FullRegistrationView[];
      expect(alice!.exam).toEqual(aliceExam);
      expect(alice!.accommodation?.justification).toBe('avis du médecin MDPH');
      expect(bruno).not.toHaveProperty('exam');
      expect(((await getRegistration(deps, caller, sessionId, 'reg-alice')) as FullRegistrationView).exam).toEqual(aliceExam);
    }
  });

  it('JURY-4: a juror reads the stage alone, of the candidates they evaluate, and their own declarations, never another juror\'s', async () => {
    const { deps, sessionId } = await examDaySession();
    const [alice1, bruno1] = (await listRegistrations(deps, jurorCaller(1), sessionId)) as JurorRegistrationView[];
    expect(alice1).toMatchObject({ exam: { stage: 'in-oral' }, myDeclaration: { link: 'none', declaredAt: '2027-03-10T10:00:00.000Z' } });
    expect(Object.keys(alice1!.exam!)).toEqual(['stage']);
    expect(bruno1).not.toHaveProperty('exam');
    expect(bruno1!.myDeclaration).toEqual({ link: 'none', declaredAt: '2027-03-10T10:01:00.000Z' });

    const [alice2, bruno2] = (await listRegistrations(deps, jurorCaller(2), sessionId)) as JurorRegistrationView[];
    expect(alice2).not.toHaveProperty('exam');
    expect(alice2!.myDeclaration).toEqual({ link: 'professional', description: 'former colleague', declaredAt: '2027-03-10T11:00:00.000Z' });
    expect(bruno2).not.toHaveProperty('myDeclaration');
    expect(await getRegistration(deps, jurorCaller(2), sessionId, 'reg-alice')).toEqual(alice2);

    const read = JSON.stringify(await listRegistrations(deps, jurorCaller(1), sessionId));
    for (const hidden of ['checkIn', 'identityCheck', 'ID card', 'segments', 'former colleague', 'justification', '@example.org']) expect(read).not.toContain(hidden);
  });
});

describe('reading the session (JURY-3, PV-4)', () => {
  it('JURY-3: the trainers are read by the centre\'s managers and the quality committee, not by the jurors', async () => {
    const { deps, sessionId } = await examDaySession();
    const trainers = [{ firstName: 'Paul', lastName: 'Formateur', email: 'paul.formateur@example.org' }];
    expect((await getSession(deps, manager, sessionId)).trainers).toEqual(trainers);
    expect((await getSession(deps, quality, sessionId)).trainers).toEqual(trainers);
    const asJuror = await getSession(deps, jurorCaller(1), sessionId);
    expect(asJuror).not.toHaveProperty('trainers');
    expect(JSON.stringify(asJuror)).not.toContain('paul.formateur');
  });

  it('PV-4, DELIB-4: a juror is told which of the session\'s jurors they are; the centre is not', async () => {
    const { deps, sessionId } = await examDaySession();
    const asJuror = await getSession(deps, jurorCaller(2), sessionId);
    expect(asJuror.you).toEqual({ jurorId: 'juror-2' });
    expect(asJuror.jurors.map((j) => j.jurorId)).toContain(asJuror.you!.jurorId);
    expect(await getSession(deps, manager, sessionId)).not.toHaveProperty('you');
    expect(await getSession(deps, quality, sessionId)).not.toHaveProperty('you');
  });
});
