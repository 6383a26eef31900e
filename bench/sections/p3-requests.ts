import type { countRouteRequests } from '../dynamodb-requests';
import type { BenchSection, Figure } from '../support/figure';
import { inWorker } from '../support/worker';

/** The fewest DynamoDB requests a route can make: one read set for a read, one read set and one transaction for a write. */
export function minimumRequests(method: string): number {
  return method === 'GET' ? 1 : 2;
}

/**
 * P3: the DynamoDB requests each API call's route makes on the local runtime (counted at the
 * SDK, Powertools Idempotency's own included), against the minimum for its method.
 */
export function requestsSection(options: { runs?: number } = {}): BenchSection {
  return {
    id: 'P3',
    title: 'DynamoDB requests per route vs the minimum (one read set, and one transaction for a write)',
    async measure(): Promise<Figure[]> {
      // In a worker process of its own: a local runtime's clients are per process.
      const { calls } = await inWorker<Awaited<ReturnType<typeof countRouteRequests>>>(new URL('../dynamodb-requests.ts', import.meta.url).href, 'countRouteRequests', [options.runs ?? 1]);
      return calls.map((call) => {
        const total = Object.values(call.requests).reduce((sum, n) => sum + n, 0);
        const detail = Object.entries(call.requests).map(([op, n]) => `${n} ${op}`).join(', ') || 'none';
        return {
          section: 'P3',
          name: `${call.route} (${call.label}): ${detail}`,
          value: total,
          baseline: minimumRequests(call.route.split(' ')[0]!),
          unit: 'requests',
          baselineName: 'one read set (+ one transaction for a write)',
        };
      });
    },
  };
}
