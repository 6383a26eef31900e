import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type * as z from 'zod';
import { BUCKET_EVENTS } from '../../../shared/wiring/bucket-events';
import { allFunctions } from '../../../shared/wiring/functions';
import { ROUTES } from '../../../shared/wiring/routes';
import { STATE_MACHINES } from '../../../shared/wiring/state-machines';

const root = resolve(import.meta.dirname, '../../..');

describe('the wiring tables', () => {
  it('name a handler module that exists and exports `handler`, for every function', () => {
    for (const fn of allFunctions()) {
      const file = resolve(root, fn.handler);
      expect(existsSync(file), fn.handler).toBe(true);
      expect(readFileSync(file, 'utf8'), fn.handler).toMatch(/export const handler\b/);
    }
  });

  it('give every function a unique name', () => {
    const names = allFunctions().map((fn) => fn.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it('declare a path schema naming exactly the parameters of each templated path', () => {
    for (const route of ROUTES) {
      const parameters = [...route.path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
      const shape = (route.request.path as z.ZodObject | undefined)?.shape ?? {};
      expect(Object.keys(shape).sort(), `${route.method} ${route.path}`).toEqual(parameters);
    }
  });

  it('make every POST that changes the table accept an Idempotency-Key, and give every write a binding that allows writing', () => {
    for (const route of ROUTES.filter((r) => r.method !== 'GET')) {
      const { bindings } = route;
      if (route.method === 'POST' && bindings.table === 'readWrite') expect(route.idempotent, `${route.method} ${route.path}`).toBe(true);
      const writes = bindings.table === 'readWrite' || bindings.deliverablesBucket === 'readWrite' || bindings.recordsBucket === 'readWrite' || ['append', 'readAppend'].includes(bindings.auditLog ?? '');
      expect(writes, `${route.method} ${route.path}`).toBe(true);
      if (bindings.table !== 'readWrite') expect(bindings.auditLog, `${route.method} ${route.path} writes no state, so it records itself in the audit log`).toMatch(/append|readAppend/i);
    }
  });

  it('size routes within API Gateway\'s 29-second integration limit, and every function that renders documents above the defaults', () => {
    for (const route of ROUTES) expect(route.sizing?.timeoutSeconds ?? 10, route.id).toBeLessThanOrEqual(29);
    for (const id of ['SealPv', 'GetPvPdf', 'DecideCases'] as const) expect(ROUTES.find((r) => r.id === id)!.sizing).toEqual({ timeoutSeconds: 29, memoryMB: 1024 });
    const release = STATE_MACHINES.flatMap((m) => m.tasks).find((t) => t.substitution === 'ReleaseResultsFunctionArn')!;
    expect(release.sizing!.timeoutSeconds).toBeGreaterThanOrEqual(120);
  });

  it('substitute every ${…} of each state machine definition with one of its task functions, and nothing else', () => {
    for (const machine of STATE_MACHINES) {
      const used = new Set([...readFileSync(resolve(root, machine.definitionFile), 'utf8').matchAll(/\$\{(\w+)\}/g)].map((m) => m[1]));
      expect([...used].sort()).toEqual(machine.tasks.map((task) => task.substitution).sort());
    }
  });

  it('subscribe S3 events only under a prefix, with the bucket bound to the function', () => {
    for (const subscription of BUCKET_EVENTS) {
      expect(subscription.prefix).toMatch(/^[a-z-]+\/$/);
      expect(subscription.bindings[subscription.bucket]).toBeDefined();
    }
  });
});
