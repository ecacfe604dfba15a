import { abortedError, type ChatSessionsError } from './errors.js';

/**
 * How the SDK retries requests that are safe to repeat: reads, and writes made idempotent by a
 * client-generated id (create session, append message, open thread, record operator message)
 * or by nature (mark read). Other writes are never retried: a lost response there leaves the
 * outcome unknown, and the stores refresh from the server instead.
 *
 * Delay before attempt n (n ≥ 1) is a random value in `[0, min(maxDelayMs, baseDelayMs·2ⁿ⁻¹)]`
 * ("full jitter"), so clients that failed together do not retry together.
 */
export interface RetryOptions {
  /** Attempts in all, the first included (default 4). 1 disables retries. */
  attempts?: number;
  /** First backoff ceiling in ms (default 200). */
  baseDelayMs?: number;
  /** Largest backoff ceiling in ms (default 4000). */
  maxDelayMs?: number;
  /** Source of randomness in [0, 1) (default `Math.random`); tests pin it. */
  random?: () => number;
}

/** Retry settings with every default filled in. */
export type ResolvedRetryOptions = Required<RetryOptions>;

/** The defaults of {@link RetryOptions}. */
export const DEFAULT_RETRY_OPTIONS: ResolvedRetryOptions = Object.freeze({
  attempts: 4,
  baseDelayMs: 200,
  maxDelayMs: 4000,
  random: Math.random,
});

/** Fills in the defaults of {@link RetryOptions}, checking the numbers make sense. */
export function resolveRetryOptions(options: RetryOptions | undefined): ResolvedRetryOptions {
  const resolved = { ...DEFAULT_RETRY_OPTIONS, ...options };
  if (!Number.isInteger(resolved.attempts) || resolved.attempts < 1) {
    throw new RangeError(`retry.attempts must be a whole number ≥ 1 (got ${resolved.attempts})`);
  }
  if (!(resolved.baseDelayMs >= 0) || !(resolved.maxDelayMs >= resolved.baseDelayMs)) {
    throw new RangeError('retry delays must satisfy 0 ≤ baseDelayMs ≤ maxDelayMs');
  }
  return resolved;
}

/** The backoff before retry number `retry` (1 for the first retry), with full jitter. */
export function backoffDelay(retry: number, options: ResolvedRetryOptions): number {
  const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** (retry - 1));
  return Math.floor(options.random() * ceiling);
}

/**
 * Waits `ms`, or less if `signal` fires. Resolves `true` when the full time passed, `false`
 * when aborted.
 */
export function sleep(ms: number, signal?: AbortSignal): Promise<boolean> {
  if (signal?.aborted) return Promise.resolve(false);
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve(true);
    }, ms);
    function onAbort(): void {
      clearTimeout(timer);
      resolve(false);
    }
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** What one attempt returns: a value or an error. */
export type AttemptResult<T> = { data: T; error: null } | { data: null; error: ChatSessionsError };

/**
 * Runs `attempt` until it succeeds, fails with an error that is not transient, runs out of
 * attempts, or `signal` fires. Only call this for operations that are safe to repeat.
 */
export async function withRetry<T>(
  attempt: (attemptNumber: number) => Promise<AttemptResult<T>>,
  options: ResolvedRetryOptions,
  signal?: AbortSignal,
): Promise<AttemptResult<T>> {
  let last: AttemptResult<T> | undefined;
  for (let n = 1; n <= options.attempts; n += 1) {
    if (signal?.aborted) return { data: null, error: abortedError(signal) };
    last = await attempt(n);
    if (last.error === null || !last.error.transient || n === options.attempts) return last;
    const waited = await sleep(backoffDelay(n, options), signal);
    if (!waited) return { data: null, error: abortedError(signal) };
  }
  // Unreachable: the loop always returns; kept for the type checker.
  return last ?? { data: null, error: abortedError(signal) };
}
