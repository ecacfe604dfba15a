import type { ChatSessionsClient } from '../client/chat-sessions.js';
import type { SessionSort } from '../inputs.js';
import type { ListTab } from '../lifecycle.js';
import type { Environment } from '../platform.js';
import { createLocalCache, type LocalCache } from '../offline/cache-link.js';
import type { CacheStorage } from '../offline/cache-types.js';
import { ConnectionState, type NetworkSignal } from '../offline/connection-state.js';
import { createOutbox, type OutboxLink } from '../offline/outbox-link.js';
import type { MessageStore } from '../stores/message-store.js';
import type { OperatorThreadStore } from '../stores/operator-thread-store.js';
import { SessionListStore } from '../stores/session-list-store.js';
import type { SessionStore } from '../stores/session-store.js';
import { ChangeFeedSync, type NudgeSource } from '../sync/change-feed-sync.js';
import { conversationStores, loadConversationStores } from './conversation-loader.js';
import { StoreRegistry } from './store-registry.js';

/** Options of a client's runtime ({@link getRuntime}); read once, when the runtime is made. */
export interface RuntimeOptions {
  /**
   * An engine the host already runs, to use instead of making one. The runtime starts it when
   * a store is watched but never stops or disposes it: it stays the host's.
   */
  sync?: ChangeFeedSync;
  /** Poll interval of the runtime's engine while the page is visible, in ms (default 15 000). */
  intervalMs?: number;
  /** Delay between a write and the poll it triggers, in ms (default 25). */
  afterWriteDelayMs?: number;
  /** `BroadcastChannel` name shared by this broker's tabs (e.g. `chat-sessions:${userId}`). */
  channelName?: string | null;
  /** Extra "poll now" signals, e.g. `realtimeNudge(...)`. */
  nudges?: NudgeSource[];
  /** Poll interval while a nudge source (Realtime) is live, in ms (default 60 000). */
  healthyIntervalMs?: number;
  /** The signed-in broker's id: the owner of sessions a list creates optimistically. */
  userId?: string;
  /**
   * How long a store nobody watches is kept before it is disposed, in ms (default 0: at once).
   * Lit re-renders never unsubscribe; only moving an element in the DOM does (disconnect then
   * connect), which costs one reload. Raise it if a host moves elements often.
   */
  idleMs?: number;
  /** Environment hooks (visibility, focus, BroadcastChannel, clock); detected when omitted. */
  environment?: Partial<Environment>;
  /**
   * The outbox: in a browser with IndexedDB and Web Locks, sends lost to the network (and the
   * session lists' lifecycle actions, pins and read marks) are kept per broker (`userId`) and
   * sent again, in order, when the connection returns. `false` turns
   * it off; options tune it (tests). Node has neither feature: no outbox there. Needs `userId`:
   * without it there is no outbox.
   */
  outbox?:
    | false
    | {
        retryMs?: number;
        warmMs?: number;
        indexedDB?: IDBFactory | null;
        locks?: LockManager | null;
      };
  /**
   * The local cache: in a browser with IndexedDB, the first page of each list shown (no
   * search), the counts and the newest page of the conversations opened most recently are kept
   * per broker (`userId`, one database each) with the change feed's position; a reload paints
   * from it before the network answers, then catches up by the feed from that position (a
   * delta; a position too old or ahead of the server gives a full reload). On by default where
   * IndexedDB exists and `userId` is given; `false` turns it off. On sign-out call
   * {@link ChatSessionsRuntime.clearCache} (or {@link clearLocalCache}) so nothing is left.
   *
   * @example
   * const runtime = getRuntime(chat, { userId, cache: { maxConversations: 5 } });
   * // sign-out:
   * await runtime.clearCache();
   * runtime.dispose();
   * await supabase.auth.signOut();
   */
  cache?:
    | false
    | {
        /** Delay between a change and the write that keeps it, in ms (default 400). */
        saveDelayMs?: number;
        /** More changes than this since the stored position make a full reload (default 1 000). */
        maxDelta?: number;
        /** A cache older than this is not shown, in ms (default 7 days). */
        maxAgeMs?: number;
        /** Conversations kept, the most recently opened (default 10). */
        maxConversations?: number;
        /** Feature override (tests); detected when omitted. */
        indexedDB?: IDBFactory | null;
        /** Where to keep it instead of IndexedDB (tests, or a host's own storage). */
        storage?: CacheStorage;
      };
  /** Connection-state tuning: how often to retry while down (ms), the browser's signal. */
  connection?: { probeMs?: number; offlineAfter?: number; network?: NetworkSignal | null };
}

/** Which session list to share: the list a group of watchers starts with. */
export interface SessionListQuery {
  tab?: ListTab;
  sort?: SessionSort;
  search?: string;
  /** Sessions per page, 1–200 (default 50). */
  pageSize?: number;
  /**
   * Watchers of one group share one store, and with it its tab, order and search: a change
   * through the store is seen by every watcher. Give a separate group to a list that must
   * switch tabs on its own (default `default`).
   */
  group?: string;
}

/** Which conversation: a session's main thread (`threadId` null) or one operator thread. */
export interface ConversationQuery {
  sessionId: string;
  threadId?: string | null;
  /** Messages per page, 1–200 (default 50). */
  pageSize?: number;
}

/** What a runtime holds right now (for debugging and tests). */
export interface RuntimeStats {
  /** Stores held. */
  stores: number;
  /** Stores with at least one listener. */
  watched: number;
  /** The engine is running. */
  syncRunning: boolean;
}

/**
 * One client's live data: the one change-feed engine and the shared stores, by key (TanStack
 * Query's QueryClient for Chat Sessions). Ask it for a store and subscribe: the first listener
 * starts the store (and the engine), the last one stops it (the store is disposed and
 * forgotten; the engine stops when no store is watched). Elements, providers and host code get
 * stores here, so one page polls once per client. Get it with {@link getRuntime}.
 *
 * @example
 * const runtime = getRuntime(chat, { channelName: `chat-sessions:${userId}`, userId });
 * const list = runtime.sessionList({ tab: 'active' });
 * const stop = list.subscribe(() => render(list.getSnapshot())); // loads, polls
 * stop(); // the last watcher: the list is disposed, the engine stops
 */
export class ChatSessionsRuntime {
  /** The client every store uses. */
  readonly client: ChatSessionsClient;
  readonly #sync: ChangeFeedSync;
  readonly #ownsSync: boolean;
  readonly #userId: string;
  readonly #registry: StoreRegistry;
  readonly #connection: ConnectionState;
  readonly #outbox: OutboxLink | null;
  readonly #cache: LocalCache | null;
  readonly #stopRecovered: () => void;
  #engineUsers = 0;
  #stopScheduled = false;

  constructor(client: ChatSessionsClient, options: RuntimeOptions = {}) {
    this.client = client;
    this.#ownsSync = !options.sync;
    this.#sync =
      options.sync ??
      new ChangeFeedSync({
        client,
        ...(options.intervalMs === undefined ? {} : { intervalMs: options.intervalMs }),
        ...(options.afterWriteDelayMs === undefined
          ? {}
          : { afterWriteDelayMs: options.afterWriteDelayMs }),
        channelName: options.channelName ?? null,
        nudges: options.nudges ?? [],
        ...(options.healthyIntervalMs === undefined
          ? {}
          : { healthyIntervalMs: options.healthyIntervalMs }),
        ...(options.environment ? { environment: options.environment } : {}),
      });
    this.#userId = options.userId ?? '';
    this.#connection = new ConnectionState({
      client,
      sync: this.#sync,
      ...(options.connection?.probeMs === undefined ? {} : { probeMs: options.connection.probeMs }),
      ...(options.connection?.offlineAfter === undefined
        ? {}
        : { offlineAfter: options.connection.offlineAfter }),
      ...(options.connection?.network === undefined ? {} : { network: options.connection.network }),
    });
    // Without the broker's id there is no outbox: one broker's queue must never be sent (or
    // shown, when refused) under another broker who signs in on the same browser.
    this.#outbox =
      options.outbox === false || !this.#userId
        ? null
        : createOutbox({
            client,
            broker: this.#userId,
            connection: this.#connection,
            ...(options.outbox ?? {}),
          });
    this.#connection.setOutbox(this.#outbox !== null);
    // The conversation side's stores, fetched now (not on the first conversation opened) so
    // they are there offline too; a failed load is tried again by the next caller.
    loadConversationStores().catch(() => undefined);
    // Keyed by the broker's id like the outbox: without it, nothing is kept.
    this.#cache =
      options.cache === false || !this.#userId
        ? null
        : createLocalCache({
            client,
            broker: this.#userId,
            sync: this.#sync,
            ...(options.cache ?? {}),
          });
    this.#stopRecovered = this.#connection.onRecovered(() => this.#cache?.recovered());
    this.#registry = new StoreRegistry(
      { acquire: () => this.#acquireEngine(), release: () => this.#releaseEngine() },
      options.idleMs ?? 0,
    );
  }

  /** The change-feed engine: running while any store of this runtime is watched. */
  get sync(): ChangeFeedSync {
    return this.#sync;
  }

  /**
   * The connection state (`online`, `offline`, `reconnecting`, `degraded`), writes waiting in
   * the outbox and the last queued write the server refused, as a store.
   */
  get connection(): ConnectionState {
    return this.#connection;
  }

  /** The outbox, or null where the browser lacks IndexedDB or Web Locks (Node) or it is off. */
  get outbox(): OutboxLink | null {
    return this.#outbox;
  }

  /** The local cache, or null where the browser lacks IndexedDB (Node), without `userId`, or off. */
  get cache(): LocalCache | null {
    return this.#cache;
  }

  /**
   * Deletes this broker's local cache and keeps nothing more in it: call on sign-out (then
   * dispose the runtime). A no-op without a cache.
   */
  async clearCache(): Promise<void> {
    await this.#cache?.clear();
  }

  /** What the runtime holds right now. */
  get stats(): RuntimeStats {
    return { ...this.#registry.stats, syncRunning: this.#sync.getSnapshot().running };
  }

  /**
   * The shared session list for a query (tab, order, search, page size) and group. Subscribing
   * loads it and keeps it live.
   */
  sessionList(query: SessionListQuery = {}): SessionListStore {
    const tab = query.tab ?? 'active';
    const sort = query.sort ?? 'recent';
    const search = query.search ?? '';
    const pageSize = query.pageSize ?? 50;
    const key = JSON.stringify(['list', query.group ?? 'default', tab, sort, search, pageSize]);
    return this.#registry.get(
      key,
      () =>
        new SessionListStore({
          client: this.client,
          sync: this.#sync,
          tab,
          sort,
          search,
          pageSize,
          userId: this.#userId,
          cache: this.#cache,
          outbox: this.#outbox,
        }),
      (store) => void store.load(),
    );
  }

  /**
   * The shared messages of a conversation. Subscribing loads the newest page and keeps it live.
   * The conversation side's stores are a module of their own: every runtime starts loading it
   * when made; call this (and {@link threads}, {@link session}) once `loadConversationStores()`
   * has resolved, or it throws.
   */
  messages(query: ConversationQuery): MessageStore {
    const threadId = query.threadId ?? null;
    const pageSize = query.pageSize ?? 50;
    const key = JSON.stringify(['messages', query.sessionId, threadId, pageSize]);
    return this.#registry.get(
      key,
      () =>
        new (conversationStores('messages').MessageStore)({
          client: this.client,
          sync: this.#sync,
          sessionId: query.sessionId,
          threadId,
          pageSize,
          outbox: this.#outbox,
          cache: this.#cache,
        }),
      (store) => void store.load(),
    );
  }

  /**
   * The shared operator threads of a session. Subscribing loads them and keeps them live. Needs
   * `loadConversationStores()` done, as {@link messages} does.
   */
  threads(sessionId: string): OperatorThreadStore {
    return this.#registry.get(
      JSON.stringify(['threads', sessionId]),
      () =>
        new (conversationStores('threads').OperatorThreadStore)({
          client: this.client,
          sync: this.#sync,
          sessionId,
        }),
      (store) => void store.load(),
    );
  }

  /**
   * One shared, live session row (a view's header). Subscribing reads it and keeps it live.
   * Needs `loadConversationStores()` done, as {@link messages} does.
   */
  session(sessionId: string): SessionStore {
    return this.#registry.get(
      JSON.stringify(['session', sessionId]),
      () =>
        new (conversationStores('session').SessionStore)({
          client: this.client,
          sync: this.#sync,
          sessionId,
        }),
      (store) => void store.load(),
    );
  }

  /**
   * Disposes every store and stops the engine (disposing it unless the host gave it). The
   * next {@link getRuntime} for this client makes a new runtime.
   */
  dispose(): void {
    if (runtimes.get(this.client) === this) runtimes.delete(this.client);
    this.#cache?.save();
    this.#registry.clear();
    this.#stopRecovered();
    this.#cache?.dispose();
    this.#outbox?.dispose();
    this.#connection.dispose();
    if (this.#ownsSync) this.#sync.dispose();
  }

  #acquireEngine(): void {
    this.#engineUsers += 1;
    if (this.#engineUsers === 1) {
      this.#sync.start();
      // Writes left waiting by an earlier page (a reload) go out now.
      this.#outbox?.resume();
    }
  }

  #releaseEngine(): void {
    this.#engineUsers -= 1;
    if (this.#engineUsers > 0 || !this.#ownsSync || this.#stopScheduled) return;
    // Stop after the current task: an element that swaps one store for another releases the
    // old one before its next store starts; the engine keeps running across that.
    this.#stopScheduled = true;
    queueMicrotask(() => {
      this.#stopScheduled = false;
      if (this.#engineUsers === 0) this.#sync.stop();
    });
  }
}

const runtimes = new WeakMap<ChatSessionsClient, ChatSessionsRuntime>();

/**
 * The runtime of a client: the same object for every caller, made on the first call (with
 * `options`; later calls get it as it is). Making it starts nothing.
 *
 * @example
 * import { createChatSessions, getRuntime } from '@chat-sessions/sdk';
 * const chat = createChatSessions({ supabase });
 * const conversation = getRuntime(chat).messages({ sessionId });
 * const stop = conversation.subscribe(() => render(conversation.getSnapshot().items));
 */
export function getRuntime(
  client: ChatSessionsClient,
  options?: RuntimeOptions,
): ChatSessionsRuntime {
  let runtime = runtimes.get(client);
  if (!runtime) {
    runtime = new ChatSessionsRuntime(client, options);
    runtimes.set(client, runtime);
  }
  return runtime;
}

/**
 * Deletes the local cache of one broker (`broker`, their user id) or, without one, of every
 * broker on this browser, with no runtime needed (e.g. on a sign-out page, or "sign out
 * everywhere" on a shared computer). A no-op where there is no IndexedDB.
 *
 * @example
 * await clearLocalCache({ broker: userId });
 */
export async function clearLocalCache(options: { broker?: string } = {}): Promise<void> {
  const factory = (globalThis as { indexedDB?: IDBFactory }).indexedDB;
  if (!factory) return;
  const { IndexedDbCache, clearEveryCache } = await import('../offline/cache.js');
  if (options.broker) await new IndexedDbCache(options.broker, factory).clear();
  else await clearEveryCache(factory);
}
