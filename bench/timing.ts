import { performance } from 'node:perf_hooks';

/** Milliseconds one call takes. */
export function time(fn: () => unknown): number {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
}

/** Median milliseconds over `runs` calls, after two warm-up calls. */
export function median(runs: number, fn: () => unknown): number {
  fn();
  fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) samples.push(time(fn));
  samples.sort((a, b) => a - b);
  return round(samples[Math.floor(samples.length / 2)]);
}

export async function medianAsync(runs: number, fn: () => Promise<unknown>): Promise<number> {
  await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  return round(samples[Math.floor(samples.length / 2)]);
}

export function round(ms: number): number {
  return Math.round(ms * 100) / 100;
}
