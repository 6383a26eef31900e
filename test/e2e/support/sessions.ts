import { expect } from 'vitest';
import type { CertiflowClient } from '../../../client/certiflow-client';
import { candidate, daysFromNow, jurorBody } from './fixtures';
import { atWait, eventually, type TestRuntime } from './test-runtime';

/** A candidate of a built session, and a client acting as them. */
export interface BuiltCandidate {
  registrationId: string;
  userId: string;
  client: CertiflowClient;
}

/** A session built through the API up to intake: its jurors and candidates, each with their client. */
export interface BuiltSession {
  sessionId: string;
  candidates: BuiltCandidate[];
  jurors: Array<{ id: string; userId: string; client: CertiflowClient }>;
}

/**
 * Creates a session on `sessionDate` in `timeZone` with 2 habilitated jurors and `candidates`
 * first-attempt candidates, closes planning and waits for intake to open.
 */
export async function sessionInIntake(
  env: TestRuntime,
  manager: CertiflowClient,
  options: {
    sessionDate: string;
    timeZone?: string;
    candidates?: number;
    /** Registers these instead of fresh first attempts: identities, and what else their registration says. */
    registrations?: Array<{ candidate: ReturnType<typeof candidate>; retake?: boolean; extraMinutes?: number }>;
    /** Jurors to create and assign; 2 by default. */
    jurors?: number;
  },
): Promise<BuiltSession> {
  const now = env.runtime.clock.now();
  const created = await manager.createSession({
    titleCode: 'RNCP34757',
    sessionDate: options.sessionDate,
    ...(options.timeZone ? { timeZone: options.timeZone } : {}),
    address: '12 rue des Lilas, 69001 Lyon',
    cohort: { name: 'Promo IA', startDate: daysFromNow(now, -300), prairieEnd: daysFromNow(now, -270) },
  });
  expect(created.status, JSON.stringify(created.error)).toBe(201);
  const sessionId = created.data!.session.id;
  const jurors: BuiltSession['jurors'] = [];
  for (const profession of ['AI developer', 'data engineer', 'data analyst', 'full-stack developer'].slice(0, options.jurors ?? 2)) {
    const body = jurorBody(now, { profession });
    const juror = await env.certifier.createJuror(body);
    expect((await manager.assignJuror(sessionId, juror.data!.juror.id)).status).toBe(201);
    jurors.push({ id: juror.data!.juror.id, userId: body.userId, client: await env.clientAs('jurors', { sub: body.userId }) });
  }
  const candidates: BuiltCandidate[] = [];
  const wanted: NonNullable<typeof options.registrations> = options.registrations ?? Array.from({ length: options.candidates ?? 1 }, (_, n) => ({ candidate: candidate(['Alice', 'Bruno', 'Chloé', 'David'][n % 4]!) }));
  for (const want of wanted) {
    const identity = want.candidate;
    const body = want.retake ? { attempt: 'retake' as const, candidate: identity, newTraining: false } : { attempt: 'first' as const, candidate: identity };
    const registered = await manager.registerCandidate(sessionId, body);
    expect(registered.status, JSON.stringify(registered.error)).toBe(201);
    const registrationId = registered.data!.registration.id;
    if (want.extraMinutes) {
      const granted = await manager.setAccommodation(sessionId, registrationId, { extraMinutes: want.extraMinutes, justification: 'tiers-temps accordé sur avis du médecin de la MDPH' });
      expect(granted.status, JSON.stringify(granted.error)).toBe(200);
    }
    candidates.push({ registrationId, userId: identity.userId, client: await env.clientAs('candidates', { sub: identity.userId }) });
  }
  await eventually(() => manager.getSession(sessionId), (r) => r.data?.session.next.step === 'close-planning');
  expect((await manager.closePlanning(sessionId)).status).toBe(200);
  await eventually(() => manager.getSession(sessionId), atWait('WaitForIntakeDeadline'));
  return { sessionId, candidates, jurors };
}
