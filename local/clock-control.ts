import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import * as z from 'zod';
import type { ControlEndpoint } from './http-api-server';
import { ShiftableClock } from './stepfunctions/virtual-clock';

const advanceBody = z.union([
  z.strictObject({ advanceSeconds: z.number().int().positive() }),
  z.strictObject({ advanceDays: z.number().int().positive() }),
  z.strictObject({ to: z.iso.datetime() }),
]);

/** Opens the local clock, restoring its offset from `file` so that a restart keeps the shifted time. */
export function openClock(file: string): ShiftableClock {
  const saved = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as { offsetMs?: number }) : {};
  const clock = new ShiftableClock(saved.offsetMs ?? 0);
  clock.onAdvance(() => writeFileSync(file, JSON.stringify({ offsetMs: clock.offsetMs })));
  return clock;
}

/**
 * `/_local/clock`: GET tells the local time; POST moves it forward
 * (`{ "advanceDays": 10 }`, `{ "advanceSeconds": 60 }` or `{ "to": "2027-03-10T08:00:00Z" }`),
 * which ends the Wait states and callback timeouts that fall due. Time never goes back.
 */
export function clockControl(clock: ShiftableClock): ControlEndpoint {
  const state = () => ({ now: clock.now().toISOString(), offsetMs: clock.offsetMs });
  return async (body, method) => {
    if (method === 'GET') return { status: 200, body: state() };
    if (method !== 'POST') return { status: 405, body: { error: { code: 'MethodNotAllowed', message: 'use GET or POST' } } };
    const parsed = advanceBody.safeParse(body);
    if (!parsed.success) {
      return {
        status: 400,
        body: { error: { code: 'InvalidInput', message: 'body: give one of advanceSeconds, advanceDays (positive integers) or to (an ISO date-time)' } },
      };
    }
    const request = parsed.data;
    const ms =
      'advanceSeconds' in request
        ? request.advanceSeconds * 1000
        : 'advanceDays' in request
          ? request.advanceDays * 86_400_000
          : Date.parse(request.to) - clock.now().getTime();
    if (ms < 0) return { status: 400, body: { error: { code: 'InvalidInput', message: `to: ${'to' in request ? request.to : ''} is in the past; the clock only moves forward` } } };
    clock.advance(ms);
    return { status: 200, body: state() };
  };
}
