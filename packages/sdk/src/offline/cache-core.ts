import type { SessionSort } from '../inputs.js';
import type { ListTab } from '../lifecycle.js';
import type { ChangeBatch } from '../models/changes.js';
import type { SessionCounts } from '../models/counts.js';
import type { Session } from '../models/session.js';
import { restoreList } from '../stores/list/cache-restore.js';
import { PagingWindow, type ListQuery } from '../stores/list/paging-window.js';
import { catchUpFrom } from './cache-catch-up.js';
import type { LocalCacheOptions } from './cache-link.js';
import type {
  CacheableConversation,
  CacheableList,
  CacheCatchUp,
  CacheContents,
  CacheStorage,
  CachedConversation,
  CachedList,
  ListRestoreTarget,
  StoreCache,
} from './cache-types.js';

/** A list kept between reloads, updated by the feed while no store shows it. */
interface ShadowList {
  entry: CachedList;
  rows: Map<string, Session>;
  window: PagingWindow;
}

const listKey = (tab: ListTab, sort: SessionSort, pageSize: number): string =>
  `${tab}:${sort}:${pageSize}`;
const conversationKey = (sessionId: string, threadId: string | null): string =>
  `${sessionId}:${threadId ?? ''}`;
const MAX_ROWS = 200;

/**
 * The working part of the local cache (a lazy chunk, loaded by {@link LocalCache} when the
 * first store asks). On a reload it hands stores their cached entries to paint at once and runs
 * the one catch-up from the stored cursor that brings them to the present; then it keeps the
 * first page of every list shown, the counts and the newest page of recently opened
 * conversations, current with the change feed, and writes them (debounced) with the feed's
 * position.
 */
export class CacheCore implements StoreCache {
  readonly #options: LocalCacheOptions;
  readonly #storage: CacheStorage;
  readonly #lists = new Map<string, ShadowList>();
  readonly #conversations = new Map<string, CachedConversation>();
  readonly #liveLists = new Set<CacheableList>();
  readonly #liveConversations = new Map<CacheableConversation, number>();
  #counts: SessionCounts | null = null;
  #contents: Promise<CacheContents | null> | null = null;
  #catchUp: Promise<CacheCatchUp> | null = null;
  /** The entries are current (caught up, or never restored): they may be written. */
  #current = false;
  #saveTimer: ReturnType<typeof setTimeout> | null = null;
  /** The last catch-up failed (offline): the stores it painted wait for the connection. */
  #failed = false;
  #disposed = false;

  constructor(options: LocalCacheOptions, storage: CacheStorage) {
    this.#options = options;
    this.#storage = storage;
  }

  async list(query: {
    tab: ListTab;
    sort: SessionSort;
    search: string;
    pageSize: number;
  }): Promise<{ list: CachedList; counts: SessionCounts | null; cursor: number } | null> {
    if (query.search.trim() !== '') return null;
    const contents = await this.#read();
    const shadow = this.#lists.get(listKey(query.tab, query.sort, query.pageSize));
    if (!contents || !shadow || this.#current) return null;
    return { list: shadow.entry, counts: this.#counts, cursor: contents.cursor };
  }

  async conversation(
    sessionId: string,
    threadId: string | null,
  ): Promise<CachedConversation | null> {
    const contents = await this.#read();
    if (!contents || this.#current) return null;
    return this.#conversations.get(conversationKey(sessionId, threadId)) ?? null;
  }

  restoreList(
    query: Parameters<StoreCache['restoreList']>[0],
    target: ListRestoreTarget,
  ): ReturnType<StoreCache['restoreList']> {
    return restoreList(this, query, target);
  }

  catchUp(): Promise<CacheCatchUp> {
    this.#catchUp ??= this.#runCatchUp();
    return this.#catchUp;
  }

  changed(store: CacheableList | CacheableConversation): void {
    if (this.#disposed) return;
    if (store.cacheKind === 'list') this.#liveLists.add(store);
    else if (!this.#liveConversations.has(store)) this.#liveConversations.set(store, Date.now());
    this.#scheduleSave();
  }

  released(store: CacheableList | CacheableConversation): void {
    this.#capture();
    if (store.cacheKind === 'list') this.#liveLists.delete(store);
    else this.#liveConversations.delete(store);
  }

  /** The connection is back: stores painted from the cache whose catch-up failed load again. */
  recovered(): void {
    if (!this.#failed || this.#disposed) return;
    this.#failed = false;
    for (const store of [...this.#liveLists, ...this.#liveConversations.keys()]) void store.load();
  }

  /** Writes the entries now, if they are current (a no-op before the catch-up). */
  save(): void {
    if (this.#saveTimer !== null) clearTimeout(this.#saveTimer);
    this.#saveTimer = null;
    const cursor = this.#options.sync.version;
    if (this.#disposed || !this.#current || cursor === null) return;
    this.#capture();
    const lists = [...this.#lists.values()].map(({ entry, rows, window }) => {
      const query: ListQuery = { tab: entry.tab, sort: entry.sort, search: '' };
      const items = window.visible(rows.values(), query, Date.now());
      return { ...entry, items: items.slice(0, MAX_ROWS) };
    });
    const conversations = [...this.#conversations.values()]
      .sort((a, b) => b.openedAt - a.openedAt)
      .slice(0, this.#options.maxConversations ?? 10);
    const contents: CacheContents = {
      cursor,
      savedAt: Date.now(),
      counts: this.#counts,
      lists,
      conversations,
    };
    this.#storage.write(contents).catch(() => undefined);
  }

  /** Deletes this broker's cache and keeps nothing more (sign-out). */
  async clear(): Promise<void> {
    this.dispose();
    this.#lists.clear();
    this.#conversations.clear();
    await this.#storage.clear();
  }

  /** Stops following the feed and writing (what is stored stays for the next page). */
  dispose(): void {
    if (this.#disposed) return;
    this.#disposed = true;
    if (this.#saveTimer !== null) clearTimeout(this.#saveTimer);
  }

  #read(): Promise<CacheContents | null> {
    this.#contents ??= this.#storage
      .read()
      .catch(() => null)
      .then((contents) => {
        const maxAge = this.#options.maxAgeMs ?? 7 * 24 * 3600 * 1000;
        const usable = contents && Date.now() - contents.savedAt <= maxAge ? contents : null;
        if (usable) this.#restore(usable);
        else this.#current = true;
        return usable;
      });
    return this.#contents;
  }

  #restore(contents: CacheContents): void {
    this.#counts = contents.counts;
    for (const entry of contents.lists) {
      const shadow: ShadowList = { entry, rows: new Map(), window: new PagingWindow() };
      const query: ListQuery = { tab: entry.tab, sort: entry.sort, search: '' };
      shadow.window.applyPage(
        { items: entry.items, nextCursor: entry.nextCursor, version: contents.cursor },
        null,
        query,
        Date.now(),
        {
          upsert: (session) => shadow.rows.set(session.id, session),
          values: () => shadow.rows.values(),
          delete: (id) => shadow.rows.delete(id),
        },
      );
      this.#lists.set(listKey(entry.tab, entry.sort, entry.pageSize), shadow);
    }
    for (const entry of contents.conversations)
      this.#conversations.set(conversationKey(entry.sessionId, entry.threadId), entry);
  }

  async #runCatchUp(): Promise<CacheCatchUp> {
    const contents = await this.#read();
    if (!contents) return { kind: 'reload', reason: 'stale' };
    const result = await catchUpFrom({
      client: this.#options.client,
      since: contents.cursor,
      baseline: () => this.#options.sync.ensureBaseline(),
      ...(this.#options.maxDelta === undefined ? {} : { maxDelta: this.#options.maxDelta }),
    });
    if (result.kind === 'error') {
      this.#failed = true;
      // Tried again by the next store that asks (after the connection returns).
      this.#catchUp = null;
      return result;
    }
    if (result.kind === 'delta') for (const batch of result.batches) this.follow(batch);
    else {
      this.#lists.clear();
      this.#conversations.clear();
    }
    this.#current = true;
    this.#scheduleSave();
    return result;
  }

  /** Applies a batch of the feed to the entries kept (a live store's are taken again on save). */
  follow(batch: ChangeBatch): void {
    const purged = new Set(batch.deleted.map((entry) => entry.id));
    for (const shadow of this.#lists.values()) {
      for (const session of batch.sessions) {
        const known = shadow.rows.get(session.id);
        if (!known || known.syncVersion <= session.syncVersion)
          shadow.rows.set(session.id, session);
      }
      for (const id of purged) shadow.rows.delete(id);
    }
    for (const [key, entry] of [...this.#conversations]) {
      if (purged.has(entry.sessionId) || (entry.threadId && purged.has(entry.threadId))) {
        this.#conversations.delete(key);
        continue;
      }
      const fresh = batch.messages.filter(
        (message) =>
          message.sessionId === entry.sessionId &&
          message.threadId === entry.threadId &&
          !entry.items.some((held) => held.id === message.id),
      );
      const items = [...entry.items, ...fresh].filter((message) => !purged.has(message.id));
      if (fresh.length > 0 || items.length !== entry.items.length)
        this.#conversations.set(key, { ...entry, items: items.sort((a, b) => a.seq - b.seq) });
    }
    if (batch.sessions.length + batch.deleted.length > 0) this.#counts = null;
    this.#scheduleSave();
  }

  /** Takes what the live stores show now (settled ones only) as their entries. */
  #capture(): void {
    for (const store of this.#liveLists) {
      const live = store.cacheEntry();
      if (!live || live.items.length > MAX_ROWS) continue;
      const entry: CachedList = {
        tab: live.tab,
        sort: live.sort,
        pageSize: live.pageSize,
        items: [...live.items],
        nextCursor: live.nextCursor,
      };
      const shadow: ShadowList = { entry, rows: new Map(), window: new PagingWindow() };
      shadow.window.applyPage(
        { items: entry.items, nextCursor: entry.nextCursor, version: 0 },
        null,
        { tab: live.tab, sort: live.sort, search: '' },
        Date.now(),
        {
          upsert: (session) => shadow.rows.set(session.id, session),
          values: () => shadow.rows.values(),
          delete: (id) => shadow.rows.delete(id),
        },
      );
      this.#lists.set(listKey(entry.tab, entry.sort, entry.pageSize), shadow);
      this.#counts = live.counts;
    }
    for (const [store, openedAt] of this.#liveConversations) {
      const live = store.cacheEntry();
      if (!live) continue;
      this.#conversations.set(conversationKey(live.sessionId, live.threadId), {
        sessionId: live.sessionId,
        threadId: live.threadId,
        items: live.items.slice(-50),
        hasOlder: live.hasOlder || live.items.length > 50,
        openedAt,
      });
    }
  }

  #scheduleSave(): void {
    if (this.#disposed || this.#saveTimer !== null) return;
    this.#saveTimer = setTimeout(() => this.save(), this.#options.saveDelayMs ?? 400);
  }
}
