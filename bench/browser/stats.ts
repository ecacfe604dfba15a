// Medians with percentile-bootstrap 95 % confidence intervals, for samples and for the ratio of
// two samples' medians. Seeded, so the same samples always give the same intervals.

/** A median and its 95 % confidence interval. */
export interface Estimate {
  readonly median: number;
  readonly low: number;
  readonly high: number;
  readonly samples: number;
}

const RESAMPLES = 4000;

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state / 4_294_967_296;
  };
}

function resampledMedian(values: readonly number[], random: () => number): number {
  const draw = Array.from(
    { length: values.length },
    () => values[Math.floor(random() * values.length)]!,
  );
  return median(draw);
}

function interval(estimates: number[], point: number, samples: number): Estimate {
  estimates.sort((a, b) => a - b);
  return {
    median: point,
    low: estimates[Math.floor(0.025 * (estimates.length - 1))]!,
    high: estimates[Math.ceil(0.975 * (estimates.length - 1))]!,
    samples,
  };
}

/** The median of `values`, with a bootstrap 95 % confidence interval. */
export function estimate(values: readonly number[], seed = 1): Estimate {
  const random = seededRandom(seed);
  const medians = Array.from({ length: RESAMPLES }, () => resampledMedian(values, random));
  return interval(medians, median(values), values.length);
}

/**
 * `median(a) / median(b)`, with a bootstrap 95 % confidence interval (both samples resampled
 * independently). Below 1: `a` is faster (or smaller) than `b`.
 */
export function ratio(a: readonly number[], b: readonly number[], seed = 2): Estimate {
  const random = seededRandom(seed);
  const ratios = Array.from(
    { length: RESAMPLES },
    () => resampledMedian(a, random) / resampledMedian(b, random),
  );
  return interval(ratios, median(a) / median(b), Math.min(a.length, b.length));
}
