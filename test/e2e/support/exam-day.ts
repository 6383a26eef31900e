import { expect } from 'vitest';
import type { CertiflowClient } from '../../../client/certiflow-client';
import { pdfWithPages, postToPresigned } from './pdf';
import type { BuiltCandidate, BuiltSession } from './sessions';
import { atWait, eventually, type TestRuntime } from './test-runtime';

/** Pages that pass DELIV-2 for each deliverable type. */
export const GOOD_PAGES: Record<string, number> = { 'project-report': 24, 'practical-case-1-report': 7, 'practical-case-2-report': 3 };

/** Uploads one accepted PDF for each deliverable type given, as the candidate. */
export async function uploadDeliverables(env: TestRuntime, sessionId: string, candidate: BuiltCandidate, types: readonly string[]): Promise<void> {
  for (const type of types) {
    const grant = await candidate.client.requestUpload(sessionId, candidate.registrationId, type);
    expect(grant.status, JSON.stringify(grant.error)).toBe(201);
    expect(await postToPresigned(grant.data!.upload, await pdfWithPages(GOOD_PAGES[type]!, `${candidate.userId} ${type}`))).toBe(204);
  }
  await env.runtime.s3EventsIdle();
}

/**
 * Takes a session in intake to the eve of its exam day: intake closes (the clock moves to its
 * deadline), every juror declares, with the links given (juror index → registration ids), and
 * the workflow waits for the exam day.
 */
export async function toReadyForExam(env: TestRuntime, manager: CertiflowClient, built: BuiltSession, links: Record<number, string[]> = {}): Promise<void> {
  const status = await built.candidates[0]!.client.deliverableStatus(built.sessionId, built.candidates[0]!.registrationId);
  env.advanceTo(new Date(status.data!.intake.deadline.closesAt));
  await eventually(() => manager.getSession(built.sessionId), (r) => r.data?.session.pendingStep?.step === 'declarations', 15_000);
  for (const [index, juror] of built.jurors.entries()) {
    const declarations = built.candidates.map((c) => ({ registrationId: c.registrationId, link: (links[index]?.includes(c.registrationId) ? 'professional' : 'none') as 'none' | 'professional' }));
    const declared = await juror.client.declareLinks(built.sessionId, { declarations });
    expect(declared.status, JSON.stringify(declared.error)).toBe(200);
  }
  await eventually(() => manager.getSession(built.sessionId), atWait('WaitForExamDay'), 15_000);
}

/** Moves the clock to the morning of the exam day, an hour before it starts: candidates can be checked in. */
export async function morningOf(env: TestRuntime, manager: CertiflowClient, sessionId: string): Promise<Date> {
  const startsAt = new Date((await manager.getSession(sessionId)).data!.session.examDay!.startsAt);
  env.advanceTo(new Date(startsAt.getTime() - 3_600_000));
  return startsAt;
}

/** Moves the clock to the exam day's start and waits for the workflow to call the first candidate. */
export async function openDay(env: TestRuntime, manager: CertiflowClient, sessionId: string): Promise<string> {
  const session = await manager.getSession(sessionId);
  env.advanceTo(new Date(Math.max(new Date(session.data!.session.examDay!.startsAt).getTime(), env.runtime.clock.now().getTime())));
  const called = await eventually(() => manager.getSession(sessionId), (r) => r.data?.session.pendingStep?.step === 'candidate', 15_000);
  return called.data!.session.pendingStep!.registrationId!;
}

/** Waits until the workflow calls this candidate. */
export async function waitForCall(manager: CertiflowClient, sessionId: string, registrationId: string): Promise<void> {
  await eventually(() => manager.getSession(sessionId), (r) => r.data?.session.pendingStep?.step === 'candidate' && r.data.session.pendingStep.registrationId === registrationId, 15_000);
}

/** Runs a called candidate's oral from start to end, each segment ended at its planned end. */
export async function sitOral(env: TestRuntime, clock: CertiflowClient, sessionId: string, registrationId: string): Promise<void> {
  const started = await clock.runOral(sessionId, registrationId, 'start');
  expect(started.status, JSON.stringify(started.error)).toBe(200);
  for (const segment of started.data!.exam.oral!.segments) {
    env.advanceTo(new Date(Math.max(new Date(segment.plannedEndAt).getTime(), env.runtime.clock.now().getTime())));
    const ended = await clock.runOral(sessionId, registrationId, 'end-segment');
    expect(ended.status, JSON.stringify(ended.error)).toBe(200);
  }
}

/** Every competency of the given codes marked; the others not acquired. */
export function decisions(codes: readonly string[], acquired: readonly string[]): Record<string, 'acquired' | 'not_acquired'> {
  return Object.fromEntries(codes.map((code) => [code, acquired.includes(code) ? 'acquired' : 'not_acquired']));
}
