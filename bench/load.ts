/**
 * A small closed-loop load generator: `clients` loops, each sending one request at a time and
 * the next as soon as the previous one has been answered, until the time is up or the request
 * budget is spent. Latency is measured per request, from just before `fetch` to the end of the
 * body. Only ever pointed at the server this process started on 127.0.0.1.
 */
import { performance } from 'node:perf_hooks';

/** What one request did: `true` when accepted, otherwise a short description of the failure. */
export type Outcome = true | string;

export interface LoadOptions {
  clients: number;
  seconds: number;
  /** Hard cap on requests across all clients, whatever the time left. */
  maxRequests: number;
  /** Sends request number `i` (0-based, unique across clients) and says whether it was accepted. */
  send: (i: number) => Promise<Outcome>;
}

export interface LoadResult {
  accepted: number;
  errors: number;
  /** The first few distinct failures, to say why errors is not 0. */
  failures: string[];
  elapsedMs: number;
  /** Latencies of accepted requests, sorted ascending, in ms. */
  latencies: number[];
}

export async function runLoad({
  clients,
  seconds,
  maxRequests,
  send,
}: LoadOptions): Promise<LoadResult> {
  const start = performance.now();
  const deadline = start + seconds * 1000;
  const latencies: number[] = [];
  const failures = new Set<string>();
  let next = 0;
  let errors = 0;
  const loop = async () => {
    while (performance.now() < deadline && next < maxRequests) {
      const i = next++;
      const t0 = performance.now();
      let outcome: Outcome;
      try {
        outcome = await send(i);
      } catch (error) {
        outcome = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      }
      if (outcome === true) latencies.push(performance.now() - t0);
      else {
        errors += 1;
        if (failures.size < 3) failures.add(outcome);
      }
    }
  };
  await Promise.all(Array.from({ length: clients }, loop));
  return {
    accepted: latencies.length,
    errors,
    failures: [...failures],
    elapsedMs: performance.now() - start,
    latencies: latencies.sort((a, b) => a - b),
  };
}

/** Nearest-rank percentile of an ascending list (p in 0..100); NaN when empty. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}
