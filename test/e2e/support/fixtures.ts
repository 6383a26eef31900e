import { randomUUID } from 'node:crypto';
import type { CertiflowClient } from '../../../client/certiflow-client';

/** A date `days` after the local clock's today, `YYYY-MM-DD`. */
export function daysFromNow(now: Date, days: number): string {
  return new Date(now.getTime() + days * 86_400_000).toISOString().slice(0, 10);
}

/** A valid juror body: a professional with a habilitation covering the next two years. */
export function jurorBody(now: Date, overrides: Record<string, unknown> = {}) {
  const tag = randomUUID().slice(0, 8);
  return {
    userId: `juror-${tag}`,
    firstName: 'Camille',
    lastName: `Durand-${tag}`,
    email: `camille.${tag}@example.org`,
    profession: 'AI developer',
    yearsOfExperience: 6,
    habilitations: [{ issuedBy: 'Simplon', validFrom: daysFromNow(now, -365), validUntil: daysFromNow(now, 730) }],
    ...overrides,
  };
}

/** A candidate identity with a fresh user id. */
export function candidate(firstName: string) {
  const tag = randomUUID().slice(0, 8);
  return { userId: `cand-${tag}`, firstName, lastName: `Martin-${tag}`, email: `${firstName.normalize('NFD').replace(/[^a-zA-Z]/g, '').toLowerCase()}.${tag}@example.org` };
}

/** Creates a session `days` ahead with a cohort, and returns its id. */
export async function newSession(manager: CertiflowClient, now: Date, days = 90): Promise<string> {
  const created = await manager.createSession({
    titleCode: 'RNCP34757',
    sessionDate: daysFromNow(now, days),
    address: '12 rue des Lilas, 69001 Lyon',
    cohort: { name: 'Promo IA 2027', startDate: daysFromNow(now, -300), prairieEnd: daysFromNow(now, -270) },
  });
  if (created.status !== 201) throw new Error(`session not created: ${JSON.stringify(created.error)}`);
  return created.data!.session.id;
}
