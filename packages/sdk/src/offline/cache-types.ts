import type { ChatSessionsError, Result } from '../errors.js';
import type { SessionSort } from '../inputs.js';
import type { ListTab } from '../lifecycle.js';
import type { ChangeBatch } from '../models/changes.js';
import type { SessionCounts } from '../models/counts.js';
import type { Message } from '../models/message.js';
import type { SessionCursor, SessionPage } from '../models/session-page.js';
import type { Session } from '../models/session.js';

/** The first page of one list as it was last seen, consistent with the cache's cursor. */
export interface CachedList {
  tab: ListTab;
  sort: SessionSort;
  pageSize: number;
  /** The rows shown, in order (at most a few pages). */
  items: Session[];
  /** Where the next page starts, or null at the end of the list. */
  nextCursor: SessionCursor | null;
}

/** The newest page of one conversation as it was last seen. */
export interface CachedConversation {
  sessionId: string;
  threadId: string | null;
  /** Saved messages, oldest first. */
  items: Message[];
  /** Earlier messages exist on the server. */
  hasOlder: boolean;
  /** When it was last opened (ms since the epoch): the most recent ones are kept. */
  openedAt: number;
}

/** Everything the cache holds for one broker, as of one change-feed position. */
export interface CacheContents {
  /** The change-feed version every entry is consistent with: the catch-up starts here. */
  cursor: number;
  /** When it was written (ms since the epoch). */
  savedAt: number;
  counts: SessionCounts | null;
  lists: CachedList[];
  conversations: CachedConversation[];
}

/** Why a cache was not used, or was used only to paint before a full reload. */
export type CacheMissReason =
  /** The server's feed is behind the cursor (a reset database, another server). */
  | 'rewound'
  /** Too many changes since the cursor, or the cache is older than `maxAgeMs`. */
  | 'stale';

/**
 * The way from the cache's cursor to the server's present: the change-feed batches after the
 * cursor (a delta), a full reload (with why), or an error worth trying again later.
 */
export type CacheCatchUp =
  | { kind: 'delta'; since: number; version: number; batches: ChangeBatch[] }
  | { kind: 'reload'; reason: CacheMissReason }
  | { kind: 'error'; error: ChatSessionsError };

/**
 * What a store asks of the local cache (the runtime's {@link LocalCache}): its cached entry, to
 * paint before the network answers, and the one shared catch-up that brings every entry to the
 * server's present.
 */
export interface StoreCache {
  /** The cached first page of a list (with the counts), or null. */
  list(query: {
    tab: ListTab;
    sort: SessionSort;
    search: string;
    pageSize: number;
  }): Promise<{ list: CachedList; counts: SessionCounts | null; cursor: number } | null>;
  /** The cached newest page of a conversation, or null. */
  conversation(sessionId: string, threadId: string | null): Promise<CachedConversation | null>;
  /** The changes since the cache's cursor; one request sequence shared by every store. */
  catchUp(): Promise<CacheCatchUp>;
  /**
   * Paints a list from its cached first page, then applies the shared delta (the working part
   * of a list store's first load). Null when a network load is due: nothing cached, or the
   * cursor too old or ahead of the server (the painted rows stay until the load answers).
   */
  restoreList(
    query: { tab: ListTab; sort: SessionSort; search: string; pageSize: number },
    target: ListRestoreTarget,
  ): Promise<Result<SessionPage> | null>;
  /** A store's state changed: what it shows is kept (written soon). */
  changed(store: CacheableList | CacheableConversation): void;
  /** A store was disposed: its last state stays kept, it is no longer read. */
  released(store: CacheableList | CacheableConversation): void;
}

/** What the cache reads of a live list store to keep its first page. */
export interface CacheableList {
  readonly cacheKind: 'list';
  /** Loads again (after a failed catch-up, when the connection returns). */
  load(): Promise<unknown>;
  /** The list as shown, or null while it is not settled (loading, writes pending, searching). */
  cacheEntry(): {
    tab: ListTab;
    sort: SessionSort;
    pageSize: number;
    items: readonly Session[];
    nextCursor: SessionCursor | null;
    counts: SessionCounts;
  } | null;
}

/** What the cache reads of a live conversation to keep its newest page. */
export interface CacheableConversation {
  readonly cacheKind: 'conversation';
  /** Loads again (after a failed catch-up, when the connection returns). */
  load(): Promise<unknown>;
  /** The saved messages, or null while it is not settled. */
  cacheEntry(): {
    sessionId: string;
    threadId: string | null;
    items: readonly Message[];
    hasOlder: boolean;
  } | null;
}

/** Where a broker's cache is kept: IndexedDB in a browser (`cache.ts`), anything in tests. */
export interface CacheStorage {
  /** The contents, validated; null when there are none or they are unreadable (then dropped). */
  read(): Promise<CacheContents | null>;
  /** Replaces the contents. */
  write(contents: CacheContents): Promise<void>;
  /** Deletes everything kept. */
  clear(): Promise<void>;
}

/** What restoring a list from the cache does to the list store. */
export interface ListRestoreTarget {
  /** The load that restores is still the list's current one (not replaced, not disposed). */
  current(): boolean;
  /** Shows the cached page (a page consistent with the cache's cursor) and counts. */
  paint(page: SessionPage, counts: SessionCounts | null): void;
  /** Applies one batch of the catch-up (rows only). */
  apply(batch: ChangeBatch): void;
  /** Reads the counts (after the delta). */
  refreshCounts(): Promise<void>;
  /** The restore ended: caught up (`null`), or not (the cached rows stay, with the error). */
  settle(error: ChatSessionsError | null): void;
}
