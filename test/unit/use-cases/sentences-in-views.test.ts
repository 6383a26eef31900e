import { describe, expect, it } from 'vitest';
import type { Language } from '../../../shared/domain/sentence';
import type { Caller } from '../../../shared/use-cases/caller';
import { deliverableStatus, intakeSummary } from '../../../shared/use-cases/deliverables/intake-status';
import { getGrid } from '../../../shared/use-cases/exam-day/grids';
import { createSession } from '../../../shared/use-cases/sessions/create-session';
import { getSession } from '../../../shared/use-cases/sessions/get-session';
import { listSessions } from '../../../shared/use-cases/sessions/list-sessions';
import { publicSession, type RegistrationRecord, type SessionRecord } from '../../../shared/use-cases/sessions/records';
import { awaitHumanStep, recordStepOverdue, recordWorkflowFailure } from '../../../shared/use-cases/sessions/workflow-steps';
import { inMemoryDeps } from '../support/in-memory-sessions';

const manager: Caller = { id: 'm-1', roles: ['managers'], centreId: 'centre-1' };
const quality: Caller = { id: 'q-1', roles: ['quality'] };
const input = { titleCode: 'RNCP34757', sessionDate: '2027-03-15', timeZone: 'Europe/Paris', startTime: '09:00', address: '1 place Bellecour, Lyon', remote: false };

const registration = (sessionId: string): RegistrationRecord => ({
  id: 'r-1',
  sessionId,
  candidate: { userId: 'c-1', firstName: 'Alex', lastName: 'Martin', email: 'alex.martin@example.org' },
  attempt: 'first',
  previouslyValidatedBlocks: [],
  newTraining: false,
  registeredAt: '2027-01-10T09:00:00.000Z',
  registeredBy: 'm-1',
});

/** A session created in memory, then changed in place as the workflow would have left it. */
async function sessionAs(change: Partial<SessionRecord> = {}, withRegistration = false) {
  const world = inMemoryDeps();
  const created = await createSession(world.deps, manager, input);
  const planning = world.sessions.planning.get(created.id)!;
  planning.session = { ...planning.session, ...change };
  if (withRegistration) planning.registrations.push(registration(created.id));
  return { ...world, sessionId: created.id };
}

describe('success bodies say their sentences in the caller\'s language, English unchanged', () => {
  it('DELIV-4: the intake notice of the candidate\'s deliverables and of the intake summary', async () => {
    const { deps, sessionId } = await sessionAs({ status: 'intake', intake: { closesAt: '2027-03-09T23:00:00.000Z' } }, true);
    const english = "Deliverables are received until 2027-03-10 00:00 (Europe/Paris, UTC+01:00): the jury must hold them 5 days before the session (DELIV-4).";
    const french = "Les livrables sont reçus jusqu'au 10 mars 2027 à 00:00 (Europe/Paris, UTC+01:00) : le jury doit en disposer 5 jours avant la session (DELIV-4).";
    expect((await deliverableStatus(deps, manager, sessionId, 'r-1')).deadline.notice).toBe(english);
    expect((await deliverableStatus(deps, manager, sessionId, 'r-1', 'fr')).deadline.notice).toBe(french);
    expect((await intakeSummary(deps, manager, sessionId)).deadline.notice).toBe(english);
    expect((await intakeSummary(deps, manager, sessionId, 'fr')).deadline.notice).toBe(french);
  });

  it.each<[string, Partial<SessionRecord>, string, string]>([
    [
      'DELIV-4: intake open',
      { status: 'intake', intake: { closesAt: '2027-03-09T23:00:00.000Z' } },
      "candidates' deliverables until intake closes at 2027-03-10 00:00 (Europe/Paris, UTC+01:00), 5 days before the session (DELIV-4)",
      "les livrables des candidats, jusqu'à la clôture des dépôts le 10 mars 2027 à 00:00 (Europe/Paris, UTC+01:00), 5 jours avant la session (DELIV-4)",
    ],
    [
      'EXAM-1: ready for the exam day',
      { status: 'ready-for-exam' },
      'the exam day, which starts at 2027-03-15 09:00 (Europe/Paris, UTC+01:00)',
      "le jour d'examen, qui commence le 15 mars 2027 à 09:00 (Europe/Paris, UTC+01:00)",
    ],
    [
      'EXAM-1, DELIB-4: the exam day calls its next candidate',
      { status: 'exam-day' },
      'the workflow to call the next candidate',
      "l'appel du candidat suivant par le processus de la session",
    ],
    [
      'PV-4, PV-6: deliberated, the PV to sign and seal',
      { status: 'deliberated' },
      'the PV to be signed by the jurors and the session manager, stamped and sealed (PV-4, PV-6)',
      "la signature du PV par les jurés et le responsable de session, l'apposition du cachet et le scellement (PV-4, PV-6)",
    ],
    [
      'planning closed, the workflow checking it',
      { planningClosed: { at: '2027-01-10T09:00:00.000Z', by: 'm-1' } },
      'the workflow to check the jury and registrations and open intake',
      "la vérification du jury et des inscriptions par le processus de la session, puis l'ouverture des dépôts",
    ],
    ['planning, before the workflow waits for it', {}, 'the workflow to open planning', "l'ouverture de la planification par le processus de la session"],
  ])('%s: what the session waits for', async (_name, change, english, french) => {
    const { deps, sessionId } = await sessionAs(change);
    expect((await getSession(deps, manager, sessionId)).next.waitsFor).toBe(english);
    expect((await getSession(deps, manager, sessionId, 'fr')).next.waitsFor).toBe(french);
  });

  it('EXAM-1, DELIB-4: the candidate the jury hears, named the French way', async () => {
    const { deps, sessionId } = await sessionAs({ status: 'exam-day', examDay: { startsAt: '2027-03-15T08:00:00.000Z', current: 'r-1' } }, true);
    expect((await getSession(deps, manager, sessionId)).next.waitsFor).toBe("Alex Martin's exam and deliberation (EXAM-1, DELIB-4)");
    expect((await getSession(deps, manager, sessionId, 'fr')).next.waitsFor).toBe("l'épreuve d'Alex Martin et la délibération du jury (EXAM-1, DELIB-4)");
  });

  it('JURY-1: planning with blockers waits for the session manager', async () => {
    const { deps, sessionId } = await sessionAs();
    await awaitHumanStep(deps, sessionId, 'planning', 't-1');
    const view = await getSession(deps, manager, sessionId, 'fr');
    expect(view.blockers.map((b) => b.ruleId)).toEqual(['JURY-1']);
    expect(view.next.waitsFor).toBe('la levée des blocages par le responsable de session, puis la clôture de la planification');
    expect((await getSession(deps, manager, sessionId)).next.waitsFor).toBe('the session manager to resolve the blockers, then close planning');
  });

  it('JURY-4: declarations overdue: the reason is stored in both languages, and the session and what it waits for say it in the caller\'s', async () => {
    const { deps, sessions, sessionId } = await sessionAs({ status: 'jury-review' });
    await recordStepOverdue(deps, sessionId, 'declarations');
    const stored = (await sessions.get(sessionId))!.overdue!;
    expect(stored.reason).toBe(
      `JURY-4: not every juror declared their links with the candidates by the eve of the exam, so the session cannot go to its exam day; remind the jurors named in the blockers to declare (POST /sessions/${sessionId}/declarations), assign another juror (POST /sessions/${sessionId}/jurors), or withdraw a juror who will not declare (DELETE /sessions/${sessionId}/jurors/{jurorId})`,
    );
    const french = `JURY-4 : certains jurés n'ont pas déclaré leurs liens avec les candidats au plus tard la veille de l'épreuve, la session ne peut donc pas passer à son jour d'examen ; relancez les jurés nommés dans les blocages pour qu'ils déclarent leurs liens, affectez un autre juré ou retirez un juré qui ne déclarera pas (onglet Planification, « Jurés »)`;
    expect(stored.reasonFr).toBe(french);
    const view = await getSession(deps, manager, sessionId, 'fr');
    expect(view.next).toMatchObject({ step: 'declarations', waitsFor: french, by: 'managers' });
    expect(view.overdue).toEqual({ step: 'declarations', since: stored.since, reason: french });
    const english = await getSession(deps, manager, sessionId);
    expect(english.next.waitsFor).toBe(stored.reason);
    expect(english.overdue).toEqual({ step: 'declarations', since: stored.since, reason: stored.reason });
  });

  it.each<[string, string, (id: string) => string]>([
    ['PV-6', 'pv-seal', (id) => `le PV de la session ${id} n'a été ni signé ni scellé dans la semaine qui a suivi le jour d'examen ; il attend les signatures, le cachet et le scellement (PV-6)`],
    [
      'DELIB-4',
      'candidate',
      (id) =>
        `le candidat entendu par le jury n'a été ni délibéré ni déclaré absent, plusieurs heures après son passage ; le jury complète sa grille et chaque juré la signe (onglet Grilles d'évaluation), ou déclarez-le absent (onglet Jour d'examen, émargement)`,
    ],
    [
      'no rule, a year without closing',
      'planning',
      (id) =>
        `la planification n'a pas été close dans l'année qui a suivi la création de la session ; la session l'attend : levez les blocages et clôturez la planification (onglet Planification, « Clore la planification »)`,
    ],
  ])('%s: the overdue %s step is stored in French too', async (_rule, step, french) => {
    const { deps, sessions, sessionId } = await sessionAs();
    await recordStepOverdue(deps, sessionId, step);
    expect((await sessions.get(sessionId))!.overdue!.reasonFr).toBe(french(sessionId));
  });

  it('a failed workflow: its reason in French, never its raw cause (a stack), in the session, in the sessions listed and in what it waits for', async () => {
    const { deps, sessions, sessionId } = await sessionAs();
    await recordWorkflowFailure(deps, sessionId, { error: 'Boom', cause: '{"errorMessage":"x","trace":["Error: x","    at handler (/var/task/index.mjs:1:1)"]}' });
    const french = "une étape du processus de la session a échoué (Boom) ; l'équipe d'exploitation doit examiner l'exécution de la session";
    const english = "a step of the workflow failed (Boom); ops must look at the session's execution";
    const view = await getSession(deps, manager, sessionId, 'fr');
    expect(view.failure).toEqual({ error: 'Boom', reason: french });
    expect(view.next.waitsFor).toBe(`rien : ${french}`);
    expect((await getSession(deps, manager, sessionId)).next.waitsFor).toBe(`nothing: ${english}`);
    expect((await listSessions(deps, manager, { limit: 10 }, 'fr')).items[0]!.failure!.reason).toBe(french);
    expect((await listSessions(deps, manager, { limit: 10 })).items[0]!.failure).toEqual({ error: 'Boom', reason: english });
    expect((await sessions.get(sessionId))!.failure!.cause, 'the raw cause stays in the record, for ops').toContain('/var/task/index.mjs');
    expect(publicSession((await sessions.get(sessionId))!)).not.toHaveProperty('failure.reasonFr');
  });

  it('a reason recorded before French was added is said in English to everyone', () => {
    const session = { overdue: { step: 'planning', since: '2027-01-10T09:00:00.000Z', reason: 'planning was not closed' } } as SessionRecord;
    expect(publicSession(session, 'fr' as Language).overdue?.reason).toBe('planning was not closed');
  });

  it('DELIB-6: why a competency cannot be acquired, on the grid, when its deliverable is not in the jury set', async () => {
    const { deps, sessionId } = await sessionAs({ status: 'exam-day' }, true);
    const c17 = async (language?: Language) => (await getGrid(deps, quality, sessionId, 'r-1', language)).competencies.find((c) => c.code === 'C17')?.unacquirableBecause;
    expect(await c17()).toBe('DELIB-6: the practical case 2 report is missing from the jury set');
    expect(await c17('fr')).toBe('DELIB-6 : le livrable "Rapport du cas pratique 2" ne figure pas parmi les livrables remis au jury');
  });
});
