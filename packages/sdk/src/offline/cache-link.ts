import type { ChatSessionsClient } from '../client/chat-sessions.js';
import type { ChangeFeedSync } from '../sync/change-feed-sync.js';
import type { CacheCore } from './cache-core.js';
import type {
  CacheableConversation,
  CacheableList,
  CacheCatchUp,
  CacheStorage,
  ListRestoreTarget,
  StoreCache,
} from './cache-types.js';

/** Options of {@link createLocalCache}. */
export interface LocalCacheOptions {
  client: ChatSessionsClient;
  /** The broker whose data this is: one database per broker, named by this id. */
  broker: string;
  /** The runtime's engine: its position is the cache's cursor; its batches keep entries current. */
  sync: ChangeFeedSync;
  /** Delay between a change and the write that keeps it, in ms (default 400). */
  saveDelayMs?: number;
  /** More changes than this since the cursor make a reload cheaper than a delta (default 1 000). */
  maxDelta?: number;
  /** A cache older than this is not shown, in ms (default 7 days). */
  maxAgeMs?: number;
  /** Conversations kept, the most recently opened (default 10). */
  maxConversations?: number;
  /** Feature override (tests); detected from globals when omitted. */
  indexedDB?: IDBFactory | null;
  /** Where to keep it instead of IndexedDB (tests, or a host's own storage). */
  storage?: CacheStorage;
}

/**
 * The local cache of one broker, where the browser has IndexedDB (or `storage` is given); null
 * otherwise (Node) or without a broker id.
 */
export function createLocalCache(options: LocalCacheOptions): LocalCache | null {
  const indexedDB =
    options.indexedDB === undefined
      ? ((globalThis as { indexedDB?: IDBFactory }).indexedDB ?? null)
      : options.indexedDB;
  const { broker, storage } = options;
  if (!broker) return null;
  if (storage) return new LocalCache(options, () => Promise.resolve(storage));
  if (!indexedDB) return null;
  return new LocalCache(options, () =>
    import('./cache.js').then(({ IndexedDbCache }) => new IndexedDbCache(broker, indexedDB)),
  );
}

/**
 * The always-loaded side of the runtime's local cache: the stores' handle on it. Its working
 * part and its IndexedDB side are a lazy chunk, loaded when the first store asks for its entry
 * (its first load), so pages without a cache never load them.
 */
export class LocalCache implements StoreCache {
  readonly #options: LocalCacheOptions;
  readonly #open: () => Promise<CacheStorage>;
  readonly #stops: Array<() => void> = [];
  readonly #waiting = new Set<CacheableList | CacheableConversation>();
  #core: Promise<CacheCore> | null = null;
  #loaded: CacheCore | null = null;
  #disposed = false;

  /** @internal Use {@link createLocalCache}; `open` gives the storage. */
  constructor(options: LocalCacheOptions, open: () => Promise<CacheStorage>) {
    this.#options = options;
    this.#open = open;
    // Batches before the core is loaded need no keeping: its catch-up reads past them.
    this.#stops.push(options.sync.onChanges((batch) => this.#loaded?.follow(batch)));
    if (typeof document !== 'undefined') {
      const onHide = () => {
        if (document.visibilityState === 'hidden') this.save();
      };
      document.addEventListener('visibilitychange', onHide);
      this.#stops.push(() => document.removeEventListener('visibilitychange', onHide));
    }
  }

  list(query: Parameters<StoreCache['list']>[0]): ReturnType<StoreCache['list']> {
    // A cache that cannot be loaded or read is no cache: the store reads the network.
    return this.#load()
      .then((core) => core.list(query))
      .catch(() => null);
  }

  conversation(sessionId: string, threadId: string | null): ReturnType<StoreCache['conversation']> {
    return this.#load()
      .then((core) => core.conversation(sessionId, threadId))
      .catch(() => null);
  }

  restoreList(
    query: Parameters<StoreCache['restoreList']>[0],
    target: ListRestoreTarget,
  ): ReturnType<StoreCache['restoreList']> {
    return this.#load().then(
      (core) => core.restoreList(query, target),
      () => null,
    );
  }

  catchUp(): Promise<CacheCatchUp> {
    return this.#load()
      .then((core) => core.catchUp())
      .catch((): CacheCatchUp => ({ kind: 'reload', reason: 'stale' }));
  }

  changed(store: CacheableList | CacheableConversation): void {
    if (this.#disposed) return;
    if (this.#loaded) this.#loaded.changed(store);
    else this.#waiting.add(store);
  }

  released(store: CacheableList | CacheableConversation): void {
    if (this.#loaded) this.#loaded.released(store);
    else this.#waiting.delete(store);
  }

  /** The connection is back: a catch-up that failed is tried again by the stores it painted. */
  recovered(): void {
    this.#loaded?.recovered();
  }

  /** Writes what is kept now (a no-op before the catch-up, or before anything was loaded). */
  save(): void {
    this.#loaded?.save();
  }

  /** Deletes this broker's cache and keeps nothing more (sign-out). */
  async clear(): Promise<void> {
    this.dispose();
    await (await this.#load()).clear();
  }

  /** Stops following the feed and writing (what is stored stays for the next page). */
  dispose(): void {
    if (this.#disposed) return;
    this.#disposed = true;
    for (const stop of this.#stops.splice(0)) stop();
    this.#waiting.clear();
    this.#loaded?.dispose();
  }

  #load(): Promise<CacheCore> {
    this.#core ??= Promise.all([import('./cache-core.js'), this.#open()]).then(
      ([{ CacheCore }, storage]) => {
        const core = new CacheCore(this.#options, storage);
        if (this.#disposed) core.dispose();
        for (const store of this.#waiting) core.changed(store);
        this.#waiting.clear();
        this.#loaded = core;
        return core;
      },
      (error: unknown) => {
        this.#core = null;
        throw error;
      },
    );
    return this.#core;
  }
}
