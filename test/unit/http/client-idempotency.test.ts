import { afterEach, describe, expect, it, vi } from 'vitest';
import { CertiflowClient, type WriteOptions } from '../../../client/certiflow-client';
import { ROUTE } from '../../../shared/wiring/routes';

type RouteTable = typeof ROUTE;
/** The routes whose retries an `Idempotency-Key` makes safe. */
type IdempotentRouteId = { [K in keyof RouteTable]: RouteTable[K] extends { idempotent: true } ? K : never }[keyof RouteTable];

/** How the typed client calls each idempotent route, with the write options given; the bodies do not matter here. */
const CALLS: Record<IdempotentRouteId, (client: CertiflowClient, options: WriteOptions) => Promise<unknown>> = {
  CreateSession: (c, o) => c.createSession({} as never, o),
  ClosePlanning: (c, o) => c.closePlanning('s', o),
  RegisterCandidate: (c, o) => c.registerCandidate('s', {} as never, o),
  ImportCandidates: (c, o) => c.importCandidates('s', {} as never, o),
  AssignJuror: (c, o) => c.assignJuror('s', 'j', o),
  ImportJurors: (c, o) => c.importJurors('s', {} as never, o),
  RecordDistribution: (c, o) => c.recordDistribution('s', {} as never, o),
  CreateJuror: (c, o) => c.createJuror({} as never, o),
  AddHabilitation: (c, o) => c.addHabilitation('j', {} as never, o),
  RequestUpload: (c, o) => c.requestUpload('s', 'r', 'project-report', o),
  DecideLateDeliverable: (c, o) => c.decideLateDeliverable('s', 'u', { decision: 'admitted', reason: 'asked by the jury' }, o),
  DeclareLinks: (c, o) => c.declareLinks('s', {} as never, o),
  CheckIn: (c, o) => c.checkIn('s', 'r', { status: 'present' }, o),
  CheckIdentity: (c, o) => c.checkIdentity('s', 'r', { method: 'ID card' }, o),
  RunOral: (c, o) => c.runOral('s', 'r', 'start', o),
  ReportIncident: (c, o) => c.reportIncident('s', {} as never, o),
  SignGrid: (c, o) => c.signGrid('s', 'r', 'hash', o),
  SignPv: (c, o) => c.signPv('s', 'sha', o),
  ApplyStamp: (c, o) => c.applyStamp('s', o),
  SealPv: (c, o) => c.sealPv('s', o),
  FileAppeal: (c, o) => c.fileAppeal('s', 'r', {} as never, o),
  DecideCases: (c, o) => c.decideCases('s', {} as never, o),
};

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the typed client and idempotent routes', () => {
  it.each(Object.entries(CALLS))('%s: its typed method takes write options and sends the Idempotency-Key on its route', async (id, call) => {
    const route = ROUTE[id as IdempotentRouteId];
    const sent: Array<{ method: string; path: string; headers: Record<string, string> }> = [];
    vi.stubGlobal('fetch', async (url: string, init: { method: string; headers: Record<string, string> }) => {
      sent.push({ method: init.method, path: new URL(url).pathname, headers: init.headers });
      return new Response('{}', { status: 200, headers: { 'content-type': 'application/json' } });
    });
    await call(new CertiflowClient('http://api.test', 'token'), { idempotencyKey: `key-${id}` });
    expect(sent).toHaveLength(1);
    const pattern = new RegExp(`^${route.path.replace(/\{\w+\}/g, '[^/]+')}$`);
    expect([sent[0]!.method, pattern.test(sent[0]!.path)], `${id} calls ${route.method} ${route.path}`).toEqual([route.method, true]);
    expect(sent[0]!.headers['idempotency-key']).toBe(`key-${id}`);
  });
});
