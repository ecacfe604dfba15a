import { ChatSessionsError, fail, type Result } from '../../errors.js';
import type { SessionSort } from '../../inputs.js';
import type { ListTab } from '../../lifecycle.js';
import type { SessionPage } from '../../models/session-page.js';
import type { ListRestoreTarget, StoreCache } from '../../offline/cache-types.js';

/**
 * Paints a list from the cache, then brings it to the present with the delta the cache shares
 * among its stores. Resolves to null when a network load is due: nothing was cached, or the
 * cursor is too old or ahead of the server (the painted rows stay shown until the load answers).
 */
export async function restoreList(
  cache: StoreCache,
  query: { tab: ListTab; sort: SessionSort; search: string; pageSize: number },
  target: ListRestoreTarget,
): Promise<Result<SessionPage> | null> {
  const replaced = () =>
    fail(new ChatSessionsError({ code: 'aborted', message: 'A newer load replaced this one' }));
  const cached = await cache.list(query);
  if (!target.current()) return replaced();
  if (!cached) return null;
  const page: SessionPage = {
    items: cached.list.items,
    nextCursor: cached.list.nextCursor,
    version: cached.cursor,
  };
  target.paint(page, cached.counts);
  const caughtUp = await cache.catchUp();
  if (!target.current()) return replaced();
  if (caughtUp.kind === 'reload') return null;
  if (caughtUp.kind === 'error') {
    target.settle(caughtUp.error);
    return fail(caughtUp.error);
  }
  for (const batch of caughtUp.batches) target.apply(batch);
  // The cached counts hold at the cursor: only a change of a session can move them.
  const moved = caughtUp.batches.some(
    (batch) =>
      batch.sessions.length > 0 || batch.deleted.some((entry) => entry.entity === 'session'),
  );
  if (moved || !cached.counts) {
    await target.refreshCounts();
    if (!target.current()) return replaced();
  }
  target.settle(null);
  return { data: page, error: null };
}
