import { CertiflowClient, dataOf } from '../../client/certiflow-client';
import { postToPresigned } from '../../client/presigned-post';
import type { Role } from '../../shared/wiring/roles';
import type { LocalRuntime } from '../runtime';
import { pdfWithPages } from './sample-pdf';

/** The centre of the demo. */
export const DEMO_CENTRE = 'centre-demo-lyon';

/** A person of the demo: who they are, and the role and claims their token carries. */
export interface DemoPerson {
  sub: string;
  name: string;
  role: Role;
  centreId?: string;
}

/** What the demo seeded: its people and its two sessions. */
export interface Demo {
  people: DemoPerson[];
  /** A session on its exam day: the candidates checked in, the first one called. */
  examDaySessionId: string;
  /** A session in intake, its deadline ahead. */
  intakeSessionId: string;
}

const DAY = 86_400_000;
const PAGES: Readonly<Record<string, number>> = { 'project-report': 24, 'practical-case-1-report': 7, 'practical-case-2-report': 3 };

const CERTIFIER: DemoPerson = { sub: 'demo-certifier', name: 'Nadia Certif (certificateur)', role: 'certifiers' };
const MANAGER: DemoPerson = { sub: 'demo-manager', name: 'Hélène Roux (responsable de session)', role: 'managers', centreId: DEMO_CENTRE };
const QUALITY: DemoPerson = { sub: 'demo-quality', name: 'Paul Qualité (commission qualité)', role: 'quality' };
const JURORS = [
  { sub: 'demo-juror-camille', firstName: 'Camille', lastName: 'Durand', profession: 'AI developer' },
  { sub: 'demo-juror-karim', firstName: 'Karim', lastName: 'Benali', profession: 'data engineer' },
];
const EXAM_DAY_CANDIDATES = [
  { sub: 'demo-candidate-alice', firstName: 'Alice', lastName: 'Martin' },
  { sub: 'demo-candidate-bruno', firstName: 'Bruno', lastName: 'Lefèvre' },
  { sub: 'demo-candidate-chloe', firstName: 'Chloé', lastName: 'Girard', retake: true },
];
const INTAKE_CANDIDATES = [
  { sub: 'demo-candidate-david', firstName: 'David', lastName: 'Moreau' },
  { sub: 'demo-candidate-emma', firstName: 'Emma', lastName: 'Petit' },
];

/**
 * What the demo centre already distributed, long before its sessions (DIST-1, 2, 3, 5, 6): by
 * rule, how many days before the session, to whom. The jury's guide (DIST-4) and the grids of the
 * day (DIST-7) are left for the visitor to record.
 */
const DISTRIBUTED_BEFORE_THE_COHORT = [
  ['DIST-1', 340, "l'équipe projet"],
  ['DIST-2', 320, "l'équipe pédagogique"],
  ['DIST-5', 320, "l'équipe pédagogique"],
  ['DIST-3', 275, 'les apprenants de la promotion'],
  ['DIST-6', 275, 'les apprenants de la promotion'],
] as const;

function day(now: Date, days: number): string {
  return new Date(now.getTime() + days * DAY).toISOString().slice(0, 10);
}

function email(sub: string): string {
  return `${sub}@demo.certiflow.example`;
}

/**
 * Seeds a demo centre through the HTTP API, as people would: a certifier's two habilitated
 * jurors, a manager, the quality committee, a session taken to its exam day (three candidates,
 * one a retake, every deliverable sent, links declared, all checked in, the first one called)
 * and a session in intake. The local clock moves forward to the exam day, as it would in a
 * month of real time; the intake session is then planned from that day.
 */
export async function seedDemo(runtime: LocalRuntime): Promise<Demo> {
  const anonymous = new CertiflowClient(runtime.urls.api);
  const as = async (person: Pick<DemoPerson, 'sub' | 'role' | 'centreId'>) =>
    anonymous.as(await runtime.issuer.sign({ sub: person.sub, roles: [person.role], ...(person.centreId ? { centreId: person.centreId } : {}) }));
  const certifier = await as(CERTIFIER);
  const manager = await as(MANAGER);
  const people: DemoPerson[] = [CERTIFIER, MANAGER, QUALITY];

  const waitFor = async (sessionId: string, what: string, accept: (session: Awaited<ReturnType<typeof manager.getSession>>['data']) => boolean) => {
    for (let attempt = 0; attempt < 600; attempt++) {
      const read = await manager.getSession(sessionId);
      if (accept(read.data)) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`demo: session ${sessionId} never reached ${what}`);
  };
  const advanceTo = (instant: string | Date) => {
    const ahead = new Date(instant).getTime() - runtime.clock.now().getTime();
    if (ahead > 0) runtime.clock.advance(ahead);
  };

  let now = runtime.clock.now();
  const jurorIds: string[] = [];
  for (const juror of JURORS) {
    const created = dataOf('create juror', await certifier.createJuror({
      userId: juror.sub,
      firstName: juror.firstName,
      lastName: juror.lastName,
      email: email(juror.sub),
      profession: juror.profession,
      yearsOfExperience: 6,
      habilitations: [{ issuedBy: 'Simplon', validFrom: day(now, -365), validUntil: day(now, 730) }],
    }));
    jurorIds.push(created.juror.id);
    people.push({ sub: juror.sub, name: `${juror.firstName} ${juror.lastName} (juré·e)`, role: 'jurors' });
  }

  const planSession = async (sessionDate: string, candidates: ReadonlyArray<{ sub: string; firstName: string; lastName: string; retake?: boolean }>) => {
    const noon = new Date(`${sessionDate}T12:00:00Z`);
    const cohort = { name: 'Promotion IA Lyon', startDate: day(noon, -300), prairieEnd: day(noon, -270) };
    const sessionId = dataOf('create session', await manager.createSession({ titleCode: 'RNCP34757', sessionDate, address: '12 rue des Lilas, 69001 Lyon', cohort })).session.id;
    for (const [ruleId, daysBefore, recipients] of DISTRIBUTED_BEFORE_THE_COHORT) {
      dataOf('record a distribution', await manager.recordDistribution(sessionId, { ruleId, distributedOn: day(noon, -daysBefore), recipients }));
    }
    for (const jurorId of jurorIds) dataOf('assign juror', await manager.assignJuror(sessionId, jurorId));
    const registrations: Array<{ sub: string; registrationId: string }> = [];
    for (const c of candidates) {
      const candidate = { userId: c.sub, firstName: c.firstName, lastName: c.lastName, email: email(c.sub) };
      const body = c.retake
        ? { attempt: 'retake' as const, candidate, previouslyValidatedBlocks: ['A1', 'A2'], previousSessionDate: day(new Date(`${sessionDate}T12:00:00Z`), -240), newTraining: false }
        : { attempt: 'first' as const, candidate };
      const registration = dataOf('register candidate', await manager.registerCandidate(sessionId, body)).registration;
      registrations.push({ sub: c.sub, registrationId: registration.id });
      people.push({ sub: c.sub, name: `${c.firstName} ${c.lastName} (candidat·e${c.retake ? ', repassage' : ''})`, role: 'candidates' });
    }
    await waitFor(sessionId, 'the workflow waiting for planning', (s) => s?.session.pendingStep?.step === 'planning');
    dataOf('close planning', await manager.closePlanning(sessionId));
    await waitFor(sessionId, 'intake', (s) => s?.session.status === 'intake');
    return { sessionId, registrations };
  };

  const exam = await planSession(day(now, 30), EXAM_DAY_CANDIDATES);
  for (const registration of exam.registrations) {
    const candidate = await as({ sub: registration.sub, role: 'candidates' });
    const owed = dataOf('read what is owed', await candidate.deliverableStatus(exam.sessionId, registration.registrationId)).intake.deliverables.map((d) => d.deliverableType);
    for (const type of owed) {
      const grant = dataOf('request upload', await candidate.requestUpload(exam.sessionId, registration.registrationId, type));
      const status = await postToPresigned(grant.upload, await pdfWithPages(PAGES[type] ?? 3, `${registration.sub} ${type}`, 30));
      if (status >= 300) throw new Error(`demo: the upload of ${type} answered ${status}`);
    }
  }
  await runtime.s3EventsIdle();
  const intake = dataOf('read session', await manager.getSession(exam.sessionId)).session.intake!;
  advanceTo(intake.closesAt);
  await waitFor(exam.sessionId, 'the workflow waiting for the declarations', (s) => s?.session.pendingStep?.step === 'declarations');
  for (const juror of JURORS) {
    const client = await as({ sub: juror.sub, role: 'jurors' });
    dataOf('declare links', await client.declareLinks(exam.sessionId, { declarations: exam.registrations.map((r) => ({ registrationId: r.registrationId, link: 'none' as const })) }));
  }
  await waitFor(exam.sessionId, 'WaitForExamDay', (s) => s?.session.workflow?.currentStep === 'WaitForExamDay');
  const startsAt = new Date(dataOf('read session', await manager.getSession(exam.sessionId)).session.examDay!.startsAt);
  advanceTo(new Date(startsAt.getTime() - 3_600_000));
  for (const registration of exam.registrations) dataOf('check in', await manager.checkIn(exam.sessionId, registration.registrationId, { status: 'present' }));
  advanceTo(startsAt);
  await waitFor(exam.sessionId, 'the first candidate called', (s) => s?.session.workflow?.currentStep === 'WaitForCandidate');

  now = runtime.clock.now();
  const open = await planSession(day(now, 40), INTAKE_CANDIDATES);
  return { people, examDaySessionId: exam.sessionId, intakeSessionId: open.sessionId };
}
