/**
 * Small statistics for benchmark samples: quantiles, and bootstrap confidence intervals for a
 * median and for a ratio of two medians. Shared by every section of `npm run bench`.
 *
 * Timings on a noisy 2-core machine are skewed and heavy-tailed, so the summaries are medians
 * and percentiles, and the intervals come from resampling rather than a normal approximation.
 */

/** A deterministic pseudo-random generator (mulberry32), so intervals are reproducible. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The q-quantile (0 … 1) of already sorted values, interpolating between neighbours. */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  if (sorted.length === 0) throw new Error('quantile of no samples');
  const position = (sorted.length - 1) * q;
  const below = Math.floor(position);
  const above = Math.ceil(position);
  const low = sorted[below]!;
  return low + (sorted[above]! - low) * (position - below);
}

/** The q-quantile (0 … 1) of values in any order. */
export function quantile(values: readonly number[], q: number): number {
  return quantileSorted(Float64Array.from(values).sort(), q);
}

/** The median of values in any order. */
export function median(values: readonly number[]): number {
  return quantile(values, 0.5);
}

/** A point estimate with a confidence interval. */
export interface Estimate {
  value: number;
  low: number;
  high: number;
}

function resampledMedian(
  values: Float64Array,
  scratch: Float64Array,
  random: () => number,
): number {
  for (let i = 0; i < scratch.length; i++)
    scratch[i] = values[Math.floor(random() * values.length)]!;
  scratch.sort();
  return quantileSorted(scratch, 0.5);
}

/** Options of the bootstrap estimates. */
export interface BootstrapOptions {
  /** Resamples (default 2 000). */
  resamples?: number;
  /** Confidence level (default 0.95). */
  confidence?: number;
  /** Seed of the resampling (default 1). */
  seed?: number;
}

/** The median with a percentile-bootstrap confidence interval. */
export function medianWithInterval(
  values: readonly number[],
  options: BootstrapOptions = {},
): Estimate {
  const { resamples = 2000, confidence = 0.95, seed = 1 } = options;
  const data = Float64Array.from(values);
  const scratch = new Float64Array(data.length);
  const random = seededRandom(seed);
  const medians = new Float64Array(resamples);
  for (let r = 0; r < resamples; r++) medians[r] = resampledMedian(data, scratch, random);
  medians.sort();
  const tail = (1 - confidence) / 2;
  return {
    value: median(values),
    low: quantileSorted(medians, tail),
    high: quantileSorted(medians, 1 - tail),
  };
}

/**
 * median(a) / median(b) with a percentile-bootstrap confidence interval (a and b resampled
 * independently). Below 1: a is faster than b.
 */
export function ratioOfMedians(
  a: readonly number[],
  b: readonly number[],
  options: BootstrapOptions = {},
): Estimate {
  const { resamples = 2000, confidence = 0.95, seed = 1 } = options;
  const dataA = Float64Array.from(a);
  const dataB = Float64Array.from(b);
  const scratchA = new Float64Array(dataA.length);
  const scratchB = new Float64Array(dataB.length);
  const random = seededRandom(seed);
  const ratios = new Float64Array(resamples);
  for (let r = 0; r < resamples; r++) {
    ratios[r] = resampledMedian(dataA, scratchA, random) / resampledMedian(dataB, scratchB, random);
  }
  ratios.sort();
  const tail = (1 - confidence) / 2;
  return {
    value: median(a) / median(b),
    low: quantileSorted(ratios, tail),
    high: quantileSorted(ratios, 1 - tail),
  };
}

/** Fisher–Yates shuffle into a new array. */
export function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
