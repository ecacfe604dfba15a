import type { ChatSessionsClient } from '../../client/chat-sessions.js';
import { EMPTY_SESSION_COUNTS, type SessionCounts } from '../../models/counts.js';
import type { Session } from '../../models/session.js';

/** A count the list keeps: a status, or the trash. */
type CountKey = 'active' | 'paused' | 'completed' | 'archived' | 'trash';

/** A change's effect on the counts (and the unread total). */
export type CountsDelta = Partial<Record<CountKey | 'unread', number>>;

function bucketOf(session: Session | undefined): CountKey | null {
  if (!session) return null;
  return session.deletedAt !== null ? 'trash' : session.status;
}

function unreadOf(session: Session | undefined): number {
  return session && session.deletedAt === null ? session.unreadCount : 0;
}

/** What changing `before` into `after` does to the counts. */
export function deltaBetween(before: Session | undefined, after: Session | undefined): CountsDelta {
  const delta: CountsDelta = {};
  const from = bucketOf(before);
  const to = bucketOf(after);
  if (from !== to) {
    if (from) delta[from] = -1;
    if (to) delta[to] = (delta[to] ?? 0) + 1;
  }
  const unread = unreadOf(after) - unreadOf(before);
  if (unread !== 0) delta.unread = unread;
  return delta;
}

/** Counts with a delta applied (never below zero). */
export function addDelta(counts: SessionCounts, delta: CountsDelta): SessionCounts {
  const next = { ...counts };
  for (const [key, value] of Object.entries(delta) as Array<[CountKey | 'unread', number]>) {
    next[key] = Math.max(0, next[key] + value);
  }
  return next;
}

/**
 * Exact counts while writes are in flight: the server's counts (read one request at a time),
 * plus the effect of each settled write the server's counts do not include yet (by change-feed
 * version), plus the effect of each write still pending.
 */
export class CountReconciliation {
  readonly #client: ChatSessionsClient;
  readonly #isOver: () => boolean;
  #base: SessionCounts = EMPTY_SESSION_COUNTS;
  #settled: Array<{ delta: CountsDelta; version: number }> = [];
  #inFlight: Promise<void> | null = null;
  #again = false;

  /** `isOver` says the list was disposed: answers are dropped from then on. */
  constructor(client: ChatSessionsClient, isOver: () => boolean) {
    this.#client = client;
    this.#isOver = isOver;
  }

  /** A write the server accepted at `version`: counted until the server's counts include it. */
  settle(delta: CountsDelta, version: number): void {
    if (version > this.#base.version) this.#settled.push({ delta, version });
  }

  /** Counts known from elsewhere (the local cache), taken unless newer ones are held. */
  seed(counts: SessionCounts): void {
    if (counts.version > this.#base.version) this.#base = Object.freeze({ ...counts });
  }

  /** The counts to show, given the deltas of the writes still pending. */
  current(pending: readonly CountsDelta[]): SessionCounts {
    let counts = this.#base;
    for (const adjustment of this.#settled) {
      if (adjustment.version > counts.version) counts = addDelta(counts, adjustment.delta);
    }
    for (const delta of pending) counts = addDelta(counts, delta);
    return counts;
  }

  /**
   * Reads the counts, one request at a time: asking while one is in flight makes it read once
   * more after, and the caller waits for that. Never emits (callers do, with their other changes).
   */
  refresh(): Promise<void> {
    if (this.#inFlight) {
      this.#again = true;
      return this.#inFlight;
    }
    const run = (async () => {
      do {
        this.#again = false;
        const result = await this.#client.sessions.counts();
        if (this.#isOver()) return;
        if (result.data && result.data.version >= this.#base.version) {
          const counts = result.data;
          this.#base = Object.freeze(counts);
          this.#settled = this.#settled.filter((adjustment) => adjustment.version > counts.version);
        }
        // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- #again is set again while the fetch is awaited.
      } while (this.#again && !this.#isOver());
    })().finally(() => {
      this.#inFlight = null;
    });
    this.#inFlight = run;
    return run;
  }
}
