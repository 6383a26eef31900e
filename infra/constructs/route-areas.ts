import type { RouteDefinition } from '../../shared/wiring/routes';

/**
 * The areas of the HTTP API, by stage of a session's life. Each area's route functions are
 * deployed in a nested stack of their own (see `RouteFunctionsStack`).
 */
export const ROUTE_AREAS = ['Planning', 'Deliverables', 'ExamDay', 'Records'] as const;

/** An area of the HTTP API. */
export type RouteArea = (typeof ROUTE_AREAS)[number];

/** The path segments that place a route in an area, tried in this order; `Planning` takes the rest. */
const AREA_SEGMENTS: ReadonlyArray<readonly [RouteArea, ReadonlySet<string>]> = [
  [
    'Records',
    new Set(['pv', 'pv.pdf', 'result', 'verify', 'appeals', 'committee', 'committee-decisions', 'archive', 'people', 'cpf-export', 'holder-identity', 'centres', 'titles']),
  ],
  ['ExamDay', new Set(['schedule', 'schedule.ics', 'check-in', 'identity-check', 'oral', 'incidents', 'grid'])],
  ['Deliverables', new Set(['deliverables', 'intake', 'jury-receipts', 'declarations', 'dossier'])],
];

/**
 * The area of a route, from its path: the PV, results, appeals, the committee and the exports are
 * `Records`; the schedule, check-in, orals, incidents and grids `ExamDay`; deliverables, intake and
 * the jury's dossier and declarations `Deliverables`; sessions, candidates, jurors, distributions
 * and the public probes `Planning`. Every route has one, so a new route needs no infra change.
 */
export function routeArea(route: Pick<RouteDefinition, 'path'>): RouteArea {
  const segments = route.path.split('/').filter(Boolean);
  for (const [area, names] of AREA_SEGMENTS) {
    if (segments.some((segment) => names.has(segment))) return area;
  }
  return 'Planning';
}
