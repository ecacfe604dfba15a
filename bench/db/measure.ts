import { seededRandom, shuffled } from '../lib/stats.js';
import type { ApiSession } from './api-session.js';
import type { Variant } from './scenarios.js';

/** Samples of each variant, in ms, warm-up rounds dropped. */
export type Samples = Map<string, number[]>;

/** Options of {@link measureInterleaved}. */
export interface InterleaveOptions {
  /** Rounds at least, warm-up included. */
  minRounds: number;
  /** Rounds at most. */
  maxRounds: number;
  /** More rounds start only while the measurement has taken less than this. */
  budgetSeconds: number;
  /** Leading rounds whose samples are dropped (caches, plan caches, connection warm-up). */
  warmupRounds: number;
  seed?: number;
  /** Called after each round with its number (for progress output). */
  onRound?(round: number): void;
}

/** The samples, and how many rounds ran. */
export interface InterleavedSamples {
  samples: Samples;
  rounds: number;
}

/**
 * Measures the variants in rounds: every round runs each variant `perRound` times, in a fresh
 * random order, so drift on a noisy machine spreads evenly over all variants instead of biasing
 * whichever ran last. Timings are taken inside the server (see ApiSession.time). Each sample is
 * its own transaction, as each API request is. Rounds continue while within the time budget
 * (between minRounds and maxRounds), so a busy machine yields fewer samples, not a longer run.
 */
export async function measureInterleaved(
  broker: ApiSession,
  operator: ApiSession,
  list: readonly Variant[],
  options: InterleaveOptions,
): Promise<InterleavedSamples> {
  const random = seededRandom(options.seed ?? 7);
  const started = performance.now();
  const withinBudget = () => (performance.now() - started) / 1000 < options.budgetSeconds;
  const samples: Samples = new Map(list.map((v) => [v.key, []]));
  const counters = new Map(list.map((v) => [v.key, 0]));
  let round = 0;
  for (; round < options.maxRounds && (round < options.minRounds || withinBudget()); round++) {
    const slots = shuffled(
      list.flatMap((v) => Array.from({ length: v.perRound }, () => v)),
      random,
    );
    for (const variant of slots) {
      const i = counters.get(variant.key)!;
      counters.set(variant.key, i + 1);
      if (variant.setup) await operator.value(variant.setup.statement, variant.setup.args(i));
      const ms = await broker.time(variant.statement, variant.args(i));
      if (round >= options.warmupRounds) samples.get(variant.key)!.push(ms);
    }
    options.onRound?.(round + 1);
  }
  return { samples, rounds: round };
}
