import type { ChatSessionsClient } from '../client/chat-sessions.js';
import type { Result } from '../errors.js';
import type { ChangeBatch } from '../models/changes.js';
import type { CacheCatchUp } from './cache-types.js';

/** Options of {@link catchUpFrom}. */
export interface CatchUpOptions {
  client: ChatSessionsClient;
  /** The cache's cursor: the change-feed version its entries are consistent with. */
  since: number;
  /**
   * The server's present position (the sync engine's baseline, `session_counts().version`).
   * The delta is read at least up to it, so nothing between the cursor and the engine's own
   * start falls between the two.
   */
  baseline: () => Promise<Result<number>>;
  /** More changes than this since the cursor make a full reload cheaper (default 1 000). */
  maxDelta?: number;
  /** Rows per batch (default 500). */
  batchLimit?: number;
  signal?: AbortSignal;
}

/**
 * Reads the change feed from a cached cursor up to the server's present: the delta a cached
 * list or conversation needs to be current. A cursor ahead of the server (a rewound or another
 * database) or too far behind it gives `reload`; a failed request gives `error`.
 *
 * The feed is gap-free and keeps a tombstone for every purged row, so a delta from any cursor
 * the server has not passed over carries every change, deletions included.
 */
export async function catchUpFrom(options: CatchUpOptions): Promise<CacheCatchUp> {
  const maxDelta = options.maxDelta ?? 1000;
  const read = (since: number) =>
    options.client.changes.since(
      { since, limit: options.batchLimit ?? 500, includeMessages: true },
      options.signal ? { signal: options.signal } : {},
    );
  // The baseline and the first batch in parallel: one round trip when little has changed.
  const [baseline, first] = await Promise.all([options.baseline(), read(options.since)]);
  if (baseline.error) return { kind: 'error', error: baseline.error };
  if (baseline.data < options.since) return { kind: 'reload', reason: 'rewound' };
  if (baseline.data - options.since > maxDelta) return { kind: 'reload', reason: 'stale' };
  const batches: ChangeBatch[] = [];
  let at = options.since;
  let result = first;
  for (;;) {
    if (result.error) return { kind: 'error', error: result.error };
    const batch = result.data;
    // The feed never answers below the position asked for; a server that does was reset.
    if (batch.version < at) return { kind: 'reload', reason: 'rewound' };
    batches.push(batch);
    at = batch.version;
    // Read on while more waits, and at least up to the baseline (a write may have committed
    // between the first batch and the baseline, read at the same time).
    if (!batch.hasMore && at >= baseline.data) break;
    // Writes keep coming faster than the delta is read: a reload is cheaper.
    if (at - options.since > 2 * maxDelta) return { kind: 'reload', reason: 'stale' };
    result = await read(at);
  }
  return { kind: 'delta', since: options.since, version: at, batches };
}
