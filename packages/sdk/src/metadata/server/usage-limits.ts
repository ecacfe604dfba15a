/**
 * What keeps one caller, or everyone together, from spending the host's OpenAI key: a token
 * bucket per caller (bursts allowed, a steady rate after) and a daily budget of model calls for
 * the whole endpoint. Both live in this process's memory: a host running several instances
 * divides its budget between them, or passes its own shared `UsageLimiter` (Redis, a table).
 */

/** A per-caller token bucket: `capacity` requests at once, refilled at `refillPerMinute`. */
export interface RateLimitOptions {
  readonly capacity: number;
  readonly refillPerMinute: number;
}

/**
 * Model calls allowed per UTC day: for the whole endpoint (`requestsPerDay`) and, optionally,
 * per caller (`perCallerPerDay`). Past either, the rule parser answers (`budget_exhausted`).
 */
export interface BudgetOptions {
  readonly requestsPerDay: number;
  readonly perCallerPerDay?: number;
}

/** The default bucket: 20 at once, 20 a minute (a broker types far fewer). */
export const DEFAULT_RATE_LIMIT: RateLimitOptions = { capacity: 20, refillPerMinute: 20 };
/** The default daily model budget of an endpoint. */
export const DEFAULT_BUDGET: BudgetOptions = { requestsPerDay: 2000, perCallerPerDay: 200 };

/** Callers remembered at most; full buckets are forgotten first (they carry no state). */
const MAX_TRACKED_CALLERS = 10_000;

/** Decides, per request, whether a caller may go on and whether the model may be used. */
export interface UsageLimiter {
  /** Takes one token of the caller's bucket; or says how many seconds until one is back. */
  take(callerId: string): { ok: true } | { ok: false; retryAfterSeconds: number };
  /** Counts one model call against today's budgets; false when a budget is spent. */
  spendModelCall(callerId: string): boolean;
}

interface Bucket {
  tokens: number;
  at: number;
}

function checkPositive(name: string, value: number): void {
  if (!Number.isFinite(value) || value <= 0)
    throw new TypeError(`createMetadataHandler: ${name} must be a positive number`);
}

/** The in-memory limiter {@link createMetadataHandler} uses unless given another. */
export function createUsageLimiter(
  rateLimit: RateLimitOptions | false,
  budget: BudgetOptions | false,
  now: () => number,
): UsageLimiter {
  if (rateLimit) {
    checkPositive('rateLimit.capacity', rateLimit.capacity);
    checkPositive('rateLimit.refillPerMinute', rateLimit.refillPerMinute);
  }
  if (budget) {
    checkPositive('budget.requestsPerDay', budget.requestsPerDay);
    if (budget.perCallerPerDay !== undefined)
      checkPositive('budget.perCallerPerDay', budget.perCallerPerDay);
  }
  const buckets = new Map<string, Bucket>();
  let day = '';
  let spentToday = 0;
  const spentByCaller = new Map<string, number>();

  function refilled(bucket: Bucket, at: number): number {
    if (!rateLimit) return Infinity;
    const perMs = rateLimit.refillPerMinute / 60_000;
    return Math.min(rateLimit.capacity, bucket.tokens + (at - bucket.at) * perMs);
  }

  function forgetFullBuckets(at: number): void {
    for (const [id, bucket] of buckets) {
      if (rateLimit && refilled(bucket, at) >= rateLimit.capacity) buckets.delete(id);
    }
    // Still too many (a flood of distinct callers): drop the oldest.
    for (const id of buckets.keys()) {
      if (buckets.size < MAX_TRACKED_CALLERS) break;
      buckets.delete(id);
    }
  }

  return {
    take(callerId) {
      if (!rateLimit) return { ok: true };
      const at = now();
      const bucket = buckets.get(callerId) ?? { tokens: rateLimit.capacity, at };
      const tokens = refilled(bucket, at);
      if (tokens < 1) {
        const perMs = rateLimit.refillPerMinute / 60_000;
        return {
          ok: false,
          retryAfterSeconds: Math.max(1, Math.ceil((1 - tokens) / perMs / 1000)),
        };
      }
      if (!buckets.has(callerId) && buckets.size >= MAX_TRACKED_CALLERS) forgetFullBuckets(at);
      buckets.delete(callerId); // re-inserted last: the map stays in least-recently-used order
      buckets.set(callerId, { tokens: tokens - 1, at });
      return { ok: true };
    },
    spendModelCall(callerId) {
      if (!budget) return true;
      const today = new Date(now()).toISOString().slice(0, 10);
      if (today !== day) {
        day = today;
        spentToday = 0;
        spentByCaller.clear();
      }
      const mine = spentByCaller.get(callerId) ?? 0;
      if (spentToday >= budget.requestsPerDay) return false;
      if (budget.perCallerPerDay !== undefined && mine >= budget.perCallerPerDay) return false;
      spentToday += 1;
      if (spentByCaller.size < MAX_TRACKED_CALLERS || spentByCaller.has(callerId))
        spentByCaller.set(callerId, mine + 1);
      return true;
    },
  };
}
