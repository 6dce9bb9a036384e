/**
 * The collective dashboard as the benchmark loads it: THE one list of the requests the web
 * dashboard makes for a collective, sent in parallel as a browser does, timed as a whole and
 * one by one, and compared between two servers (kept partial sums and the naive baseline).
 */
import { isDeepStrictEqual } from 'node:util';
import { performance } from 'node:perf_hooks';
import type { Person } from './setup.ts';

export interface DashboardRequest {
  /** Short name in the tables. */
  name: string;
  path: string;
}

export interface DashboardPlan {
  requests: DashboardRequest[];
  /** Requests of the dashboard whose route this server does not have (a stand-in replaces them). */
  missing: string[];
}

export interface DashboardScope {
  collectiveId: string;
  period: string;
  /** The single-choice indicator the dashboard breaks every figure down by. */
  breakdownCode: string;
  /** The indicator shown on the map of départements. */
  mapCode: string;
}

/**
 * What the collective dashboard loads: every indicator's figure for the period, the choices of
 * breakdowns, one disaggregation (every indicator by one profile question) and the map of
 * départements.
 * `hasRoute` tells whether this server has a route (Fastify's `app.hasRoute`): the breakdown
 * and map routes are newer than the benchmark; while one is missing, the collective trend of
 * one indicator stands in for it so that the dashboard still makes more than one request.
 */
export function dashboardRequests(
  scope: DashboardScope,
  hasRoute: (url: string) => boolean,
): DashboardPlan {
  const base = `/api/collectives/${scope.collectiveId}`;
  const requests: DashboardRequest[] = [{ name: 'results', path: `${base}/results?period=${scope.period}` }];
  const missing: string[] = [];
  // The choices of the "break down by" menu, loaded with the page.
  if (hasRoute('/api/collectives/:collectiveId/breakdowns'))
    requests.push({ name: 'breakdown choices', path: `${base}/breakdowns?lang=fr` });
  if (hasRoute('/api/collectives/:collectiveId/breakdown'))
    requests.push({ name: `breakdown by ${scope.breakdownCode}`, path: `${base}/breakdown?by=${scope.breakdownCode}&period=${scope.period}` });
  else missing.push('breakdown');
  if (hasRoute('/api/collectives/:collectiveId/map'))
    requests.push({ name: `map ${scope.mapCode} by département`, path: `${base}/map?code=${scope.mapCode}&level=departement&period=${scope.period}` });
  else missing.push('map');
  if (missing.length > 0)
    requests.push({ name: `trend ${scope.mapCode} (stand-in)`, path: `${base}/trend?code=${scope.mapCode}` });
  return { requests, missing };
}

export interface DashboardLoad {
  /** From the first request sent to the last body received, ms. */
  totalMs: number;
  /** Per request, in the plan's order, ms. */
  requestMs: number[];
  /** Parsed bodies, in the plan's order. */
  bodies: unknown[];
}

/** Sends every request of the dashboard at once and waits for all of them. */
export async function loadDashboard(person: Person, requests: readonly DashboardRequest[]): Promise<DashboardLoad> {
  const t0 = performance.now();
  const timed = await Promise.all(
    requests.map(async (r) => {
      const started = performance.now();
      const body = await person.call<unknown>('GET', r.path);
      return { body, ms: performance.now() - started };
    }),
  );
  return { totalMs: performance.now() - t0, requestMs: timed.map((t) => t.ms), bodies: timed.map((t) => t.body) };
}

export interface DashboardTiming {
  /** Sorted, ms. */
  totals: number[];
  /** perRequest[i]: sorted latencies of request i, ms. */
  perRequest: number[][];
  /** Every timed load's bodies (to compare with the other server's). */
  loads: unknown[][];
  warmups: number;
  budgetHit: boolean;
}

/**
 * `warmups` untimed loads, then up to `rounds` timed ones, starting no new one once
 * `budgetSeconds` have passed (at least one is always timed).
 */
export async function timeDashboard(
  person: Person,
  requests: readonly DashboardRequest[],
  rounds: number,
  warmups: number,
  budgetSeconds: number,
  keepBodies: boolean,
): Promise<DashboardTiming> {
  for (let i = 0; i < warmups; i++) await loadDashboard(person, requests);
  const totals: number[] = [];
  const perRequest = requests.map(() => [] as number[]);
  const loads: unknown[][] = [];
  const deadline = performance.now() + budgetSeconds * 1000;
  while (totals.length < rounds && (totals.length === 0 || performance.now() < deadline)) {
    const load = await loadDashboard(person, requests);
    totals.push(load.totalMs);
    load.requestMs.forEach((ms, i) => perRequest[i]!.push(ms));
    if (keepBodies) loads.push(load.bodies);
  }
  const asc = (a: number, b: number) => a - b;
  return {
    totals: totals.sort(asc),
    perRequest: perRequest.map((l) => l.sort(asc)),
    loads,
    warmups,
    budgetHit: totals.length < rounds,
  };
}

/** The first place where two JSON values differ, as a path and both values; null when equal. */
export function firstDifference(a: unknown, b: unknown, path = '$'): string | null {
  if (isDeepStrictEqual(a, b)) return null;
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return `${path}: ${a.length} items against ${b.length}`;
    for (let i = 0; i < a.length; i++) {
      const d = firstDifference(a[i], b[i], `${path}[${i}]`);
      if (d) return d;
    }
  }
  if (a && b && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const k of keys) {
      const d = firstDifference((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${path}.${k}`);
      if (d) return d;
    }
  }
  const show = (v: unknown) => JSON.stringify(v)?.slice(0, 200) ?? String(v);
  return `${path}: ${show(a)} against ${show(b)}`;
}

/** Compares two loads of the same dashboard request by request; the differences found. */
export function compareLoads(requests: readonly DashboardRequest[], kept: readonly unknown[], naive: readonly unknown[]): string[] {
  return requests.flatMap((r, i) => {
    const d = firstDifference(kept[i], naive[i]);
    return d ? [`${r.name}: ${d}`] : [];
  });
}
