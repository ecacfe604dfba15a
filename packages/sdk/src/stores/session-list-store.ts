import type { ChatSessionsClient } from '../client/chat-sessions.js';
import type { PurgedSession, VersionedRequestOptions } from '../client/sessions-client.js';
import { ChatSessionsError, fail, type Result } from '../errors.js';
import type { CreateSessionInput, SessionPatch, SessionSort, TransitionInput } from '../inputs.js';
import type { ListTab } from '../lifecycle.js';
import type { ChangeBatch } from '../models/changes.js';
import { EMPTY_SESSION_COUNTS, type SearchCounts } from '../models/counts.js';
import type { SessionPage } from '../models/session-page.js';
import type { Session } from '../models/session.js';
import { detectEnvironment, type Environment } from '../platform.js';
import type { ChangeFeedSync } from '../sync/change-feed-sync.js';
import type { CacheableList, StoreCache } from '../offline/cache-types.js';
import type { ActionOutcome } from '../offline/outbox-types.js';
import { FeedLink } from './feed-link.js';
import { CountReconciliation, deltaBetween } from './list/count-reconciliation.js';
import { OptimisticQueue, type MutationSpec, type PendingChange } from './list/optimistic-queue.js';
import { PagingWindow, type ListQuery } from './list/paging-window.js';
import { SearchDebounce } from './list/search-debounce.js';
import { MutationSpecs, runBulk } from './list/mutation-specs.js';
import { QueuedActions } from './list/queued-actions.js';
import type {
  BulkAction,
  BulkItemResult,
  BulkOptions,
  SessionListStoreOptions,
  SessionMutationError,
} from './list/types.js';
import { SessionListShortcuts } from './list/shortcuts.js';
import { deepFreeze } from './store.js';

export type { SessionMutation } from './list/optimistic-queue.js';
export type {
  BulkAction,
  BulkItemResult,
  BulkOptions,
  SessionListSnapshot,
  SessionListStoreOptions,
  SessionMutationError,
  TabCounts,
} from './list/types.js';

/**
 * The live session list behind a sidebar: one tab at a time, searched and ordered, paged by
 * keyset, with exact counts. Writes made through it show at once (optimistically) and are rolled
 * back to server truth, with the error surfaced, if the server refuses them. With a
 * {@link ChangeFeedSync}, changes from other devices and tabs flow in.
 *
 * @example
 * const list = new SessionListStore({ client: chat, sync });
 * list.subscribe(() => render(list.getSnapshot()));
 * await list.load();
 * list.setSearch('teb');                    // debounced
 * await list.archive(sessionId);            // leaves the Active tab at once
 * const results = await list.bulk('mark_read', selectedIds);
 */
export class SessionListStore extends SessionListShortcuts implements CacheableList {
  /** @internal What the local cache reads of this store. */
  readonly cacheKind = 'list';
  readonly #client: ChatSessionsClient;
  readonly #sync: ChangeFeedSync | null;
  readonly #environment: Environment;
  readonly #pageSize: number;
  readonly #userId: string;
  /** Server truth: every row the list has read, newest by change-feed version. */
  readonly #rows = new Map<string, Session>();
  readonly #optimistic = new OptimisticQueue();
  readonly #counts: CountReconciliation;
  readonly #window = new PagingWindow();
  readonly #search: SearchDebounce;
  readonly #feed: FeedLink;
  readonly #cache: StoreCache | null;
  readonly #queued: QueuedActions;
  readonly #stopQueued: () => void;
  #fromCache = false;
  #tab: ListTab;
  #sort: SessionSort;
  #loading = false;
  #loadingMore = false;
  #error: ChatSessionsError | null = null;
  #mutationError: SessionMutationError | null = null;
  #generation = 0;
  #pageAbort: AbortController | null = null;
  #countsTimer: ReturnType<typeof setTimeout> | null = null;
  #disposed = false;

  constructor(options: SessionListStoreOptions) {
    const tab = options.tab ?? 'active';
    const sort = options.sort ?? 'recent';
    const search = options.search ?? '';
    super({
      tab,
      sort,
      search,
      searchInput: search,
      items: Object.freeze([]),
      counts: EMPTY_SESSION_COUNTS,
      tabCounts: Object.freeze({ active: 0, completed: 0, archived: 0, trash: 0 }),
      unread: 0,
      hasMore: false,
      loading: false,
      loadingMore: false,
      loaded: false,
      error: null,
      mutationError: null,
      pendingIds: Object.freeze([]),
      queuedIds: Object.freeze([]),
      fromCache: false,
    });
    const pageSize = options.pageSize ?? 50;
    if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 200) {
      throw new RangeError(
        `SessionListStore: pageSize is a whole number from 1 to 200 (got ${pageSize})`,
      );
    }
    this.#client = options.client;
    this.#sync = options.sync ?? null;
    this.#environment = detectEnvironment(options.environment);
    this.#pageSize = pageSize;
    this.#userId = options.userId ?? '';
    this.#tab = tab;
    this.#sort = sort;
    this.#search = new SearchDebounce(search, options.searchDebounceMs ?? 250, () => {
      void this.flushSearch();
    });
    this.#counts = new CountReconciliation(this.#client, () => this.#disposed);
    this.#feed = new FeedLink(this.#sync, (batch) => this.#applyBatch(batch));
    this.#cache = options.cache ?? null;
    const outbox = options.outbox ?? null;
    this.#queued = new QueuedActions(outbox, this.#optimistic, {
      view: () => this.#view(),
      specs: () => this.#specs(),
      nowIso: () => this.#nowIso(),
      ownerId: () => this.#userId,
      emit: () => this.#emit(),
      disposed: () => this.#disposed,
    });
    const stops = [
      outbox?.onActionOutcome((outcome) => void this.#settleQueued(outcome)),
      outbox?.onPeerQueued?.(() => this.#queued.peerQueued()),
    ];
    this.#stopQueued = () => stops.forEach((stop) => stop?.());
  }

  /** The session as the list currently sees it (optimistic changes included), in any tab, or undefined. */
  session(id: string): Session | undefined {
    return this.#view().get(id);
  }

  // ─── Loading ────────────────────────────────────────────────────────────────────────────

  /**
   * Loads (or reloads) the first page of the current list, and the counts. A newer load, tab,
   * order or search makes an older one's answer ignored (and aborts its request).
   */
  async load(): Promise<Result<SessionPage>> {
    if (this.#disposed) return fail(this.#disposedError());
    this.#feed.follow();
    const generation = ++this.#generation;
    this.#pageAbort?.abort();
    const abort = new AbortController();
    this.#pageAbort = abort;
    this.#window.reset();
    this.#loading = true;
    this.#loadingMore = false;
    this.#error = null;
    this.#emit();
    const restored = this.#cache ? await this.#restore(this.#cache, generation) : null;
    if (restored) return restored;
    if (this.#sync) await this.#sync.ensureBaseline();
    if (generation !== this.#generation)
      return fail(
        new ChatSessionsError({ code: 'aborted', message: 'A newer load replaced this one' }),
      );
    const [page] = await Promise.all([
      this.#client.sessions.list(
        { tab: this.#tab, sort: this.#sort, search: this.#search.applied, limit: this.#pageSize },
        { signal: abort.signal },
      ),
      this.#counts.refresh(),
    ]);
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- set while awaiting
    if (generation !== this.#generation || this.#disposed) return page;
    this.#loading = false;
    this.#fromCache = false;
    if (page.error) {
      this.#error = page.error;
    } else {
      this.#applyPage(page.data, null);
    }
    this.#emit();
    void this.#queued.restore();
    return page;
  }

  /** Paints from the local cache and catches up by delta; null when a network load is due. */
  #restore(cache: StoreCache, generation: number): Promise<Result<SessionPage> | null> {
    return cache.restoreList(
      { ...this.#query(), pageSize: this.#pageSize },
      {
        current: () => generation === this.#generation && !this.#disposed,
        paint: (page, counts) => {
          if (counts) this.#counts.seed(counts);
          this.#applyPage(page, null);
          this.#fromCache = true;
          this.#emit();
          void this.#queued.restore();
        },
        apply: (batch) => this.#applyRows(batch),
        refreshCounts: () => this.#counts.refresh(),
        settle: (error) => {
          [this.#loading, this.#fromCache, this.#error] = [false, error !== null, error];
          this.#emit();
        },
      },
    );
  }

  /** @internal The first page as shown, for the local cache; null while not settled. */
  cacheEntry(): ReturnType<CacheableList['cacheEntry']> {
    const view = this.getSnapshot();
    const settled = view.loaded && !view.loading && !view.fromCache && !view.error;
    if (!settled || view.search !== '' || view.pendingIds.length > 0) return null;
    const { tab, sort, items, counts } = view;
    return { tab, sort, pageSize: this.#pageSize, items, nextCursor: this.#window.cursor, counts };
  }

  /** Loads the next page of the current list (keyset). Does nothing at the end or while loading. */
  async loadMore(): Promise<Result<SessionPage> | null> {
    if (this.#disposed || !this.#window.canLoadMore || this.#loadingMore || this.#loading)
      return null;
    const generation = this.#generation;
    const start = this.#window.end;
    this.#loadingMore = true;
    this.#emit();
    const page = await this.#client.sessions.list(
      {
        tab: this.#tab,
        sort: this.#sort,
        search: this.#search.applied,
        limit: this.#pageSize,
        cursor: this.#window.cursor,
      },
      this.#pageAbort ? { signal: this.#pageAbort.signal } : {},
    );
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- set while awaiting
    if (generation !== this.#generation || this.#disposed) return page;
    this.#loadingMore = false;
    if (page.error) this.#error = page.error;
    else this.#applyPage(page.data, start);
    this.#emit();
    return page;
  }

  /** Shows another list (Active, Completed, Archived, or the trash) and loads it. */
  setTab(tab: ListTab): Promise<Result<SessionPage>> | null {
    if (tab === this.#tab) return null;
    this.#tab = tab;
    return this.load();
  }

  /** Changes the order and reloads. */
  setSort(sort: SessionSort): Promise<Result<SessionPage>> | null {
    if (sort === this.#sort) return null;
    this.#sort = sort;
    return this.load();
  }

  /**
   * Sets the search as typed; the list reloads once typing pauses for `searchDebounceMs`.
   * `searchInput` in the snapshot follows at once.
   */
  setSearch(search: string): void {
    if (this.#disposed) return;
    this.#search.type(search);
    this.#emit();
  }

  /** Applies the typed search now (e.g. on Enter) instead of waiting for the debounce. */
  flushSearch(): Promise<Result<SessionPage>> | null {
    const before = this.#search.applied;
    if (this.#search.flush()) return this.load();
    if (this.#search.applied !== before) this.#emit();
    return null;
  }

  /**
   * How many sessions match `search` in each tab (`sessions.searchCounts`), for tabs that show
   * where else a search finds something. Not cached: ask again when the list changes.
   */
  searchCounts(search: string): Promise<Result<SearchCounts>> {
    if (this.#disposed) return Promise.resolve(fail(this.#disposedError()));
    return this.#client.sessions.searchCounts(search);
  }

  /** Forgets the last load or change error. */
  clearError(): void {
    this.#error = null;
    this.#mutationError = null;
    this.#emit();
  }

  // ─── Optimistic changes ─────────────────────────────────────────────────────────────────

  /**
   * Creates a session: it is listed at once (in the Active tab), and replaced by the server's
   * row when it answers; removed again if the create fails. Idempotent on `input.id`.
   */
  create(input: CreateSessionInput): Promise<Result<Session>> {
    const spec = this.#specs().create(input, this.#userId);
    return spec instanceof ChatSessionsError ? Promise.resolve(fail(spec)) : this.#mutate(spec);
  }

  /** Renames a session (shown at once). */
  rename(
    id: string,
    title: string,
    options: VersionedRequestOptions = {},
  ): Promise<Result<Session>> {
    return this.#mutate(this.#specs().rename(id, title, options));
  }

  /** Changes a session's fields (shown at once). */
  update(
    id: string,
    patch: SessionPatch,
    options: VersionedRequestOptions = {},
  ): Promise<Result<Session>> {
    const spec = this.#specs().update(id, patch, options);
    return spec instanceof ChatSessionsError ? Promise.resolve(fail(spec)) : this.#mutate(spec);
  }

  /**
   * Applies a lifecycle action: the session moves to its new tab, and the counts change, at
   * once. If the action is not allowed from the status the list knows, nothing moves and the
   * server's answer decides.
   */
  transition(id: string, input: TransitionInput): Promise<Result<Session>> {
    return this.#mutate(this.#specs().transition(id, input));
  }

  /** Pins or unpins a session (it moves to or from the top at once). */
  setPinned(id: string, pinned: boolean): Promise<Result<Session>> {
    return this.#mutate(this.#specs().bulk(pinned ? 'pin' : 'unpin', id, {}));
  }

  /** Moves a session to the trash (it leaves its tab at once). */
  delete(id: string): Promise<Result<Session>> {
    return this.#mutate(this.#specs().bulk('delete', id, {}));
  }

  /** Restores a session from the trash (back to its tab at once). */
  restore(id: string): Promise<Result<Session>> {
    return this.#mutate(this.#specs().bulk('restore', id, {}));
  }

  /**
   * Deletes a trashed session forever (`sessions.purge`): it leaves the trash list, and the
   * trash count drops, at once; on failure the list goes back to the server's truth. A session
   * already purged elsewhere answers `not_found` and stays gone.
   */
  async purge(id: string): Promise<Result<PurgedSession>> {
    if (this.#disposed) return fail(this.#disposedError());
    const before = this.#view().get(id);
    const change: PendingChange = {
      spec: { sessionId: id, mutation: 'purge', apply: () => undefined },
      delta: deltaBetween(before, undefined),
    };
    this.#optimistic.add(change);
    this.#emit();
    const result = await this.#optimistic.enqueue(id, () => this.#client.sessions.purge(id));
    if (result.error) {
      await this.#refreshRow(id);
      this.#mutationError = { sessionId: id, mutation: 'purge', error: result.error };
    } else {
      this.#rows.delete(id);
      this.#counts.settle(change.delta, result.data.version);
      if (!this.#sync) this.#scheduleCountsRefresh();
    }
    this.#optimistic.remove(change);
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- set while awaiting
    if (!this.#disposed) this.#emit();
    return result;
  }

  /** Marks every operator reply of a session read (its badge clears at once). */
  markRead(id: string): Promise<Result<Session>> {
    return this.#mutate(this.#specs().bulk('mark_read', id, {}));
  }

  /**
   * Applies one action to a selection: every session changes at once, the requests run a few
   * at a time, and each session gets its own result (a failure rolls back only that session).
   * Results come in the order of `ids`.
   *
   * @example
   * const results = await list.bulk('archive', selectedIds);
   * const failed = results.filter((result) => result.error);
   */
  bulk(
    action: BulkAction,
    ids: readonly string[],
    options: BulkOptions = {},
  ): Promise<BulkItemResult[]> {
    return runBulk(
      action,
      ids,
      options,
      (id) => this.#specs().bulk(action, id, options),
      (spec) => this.#mutate(spec),
    );
  }

  #specs(): MutationSpecs {
    return new MutationSpecs(this.#client, () => this.#nowIso());
  }

  // ─── Disposal ───────────────────────────────────────────────────────────────────────────

  /** A listener follows the feed from now on, even before the first load. */
  protected override watchedChanged(watched: boolean): void {
    if (watched && !this.#disposed) this.#feed.follow();
  }

  /** Stops listening to the feed, cancels loads and timers. Changes in flight still settle on the server. */
  dispose(): void {
    if (this.#disposed) return;
    this.#disposed = true;
    this.#cache?.released(this);
    this.#feed.unfollow();
    this.#stopQueued();
    this.#pageAbort?.abort();
    this.#search.cancel();
    if (this.#countsTimer !== null) clearTimeout(this.#countsTimer);
    this.clearListeners();
  }

  // ─── Internals ──────────────────────────────────────────────────────────────────────────

  #disposedError(): ChatSessionsError {
    return new ChatSessionsError({ code: 'aborted', message: 'The session list was disposed' });
  }

  #nowIso(): string {
    return new Date(this.#environment.now()).toISOString();
  }

  #query(): ListQuery {
    return { tab: this.#tab, sort: this.#sort, search: this.#search.applied };
  }

  async #mutate(spec: MutationSpec): Promise<Result<Session>> {
    if (this.#disposed) return fail(this.#disposedError());
    const { sessionId, mutation } = spec;
    const before = this.#view().get(sessionId);
    const change: PendingChange = { spec, delta: deltaBetween(before, spec.apply(before)) };
    this.#optimistic.add(change);
    this.#emit();
    // One change at a time per session, in the order the broker made them. Lifecycle actions,
    // pins and read marks lost to the network (or made while writes wait) wait in the outbox,
    // still shown: it sends them again in order and reports how they ended (#settleQueued).
    const outbox = this.#queued.outboxFor(spec);
    let result = await this.#optimistic.enqueue(sessionId, () =>
      outbox?.busy ? Promise.resolve(null) : spec.send(),
    );
    if (!result || result.error?.code === 'network') {
      const queued = await this.#queued.queue(spec, change);
      if (queued) return queued;
    }
    result ??= await this.#optimistic.enqueue(sessionId, spec.send);
    if (result.error) {
      // Roll back to server truth, not to what the list believed: the server refused because
      // the session is not what the list thinks (changed elsewhere, trashed, purged), or the
      // write may have been applied although no answer came back. Only an input refused before
      // sending says nothing about the session. The optimistic view stays until the truth is
      // in, so the card moves once, not back and forth.
      const refusedLocally = result.error.code === 'validation' && result.error.status === 0;
      if (!refusedLocally) await this.#refreshRow(sessionId);
      this.#mutationError = { sessionId, mutation, error: result.error };
    } else {
      this.#upsert(result.data);
      this.#counts.settle(change.delta, result.data.syncVersion);
      if (!this.#sync) this.#scheduleCountsRefresh();
    }
    this.#optimistic.remove(change);
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- set while awaiting
    if (!this.#disposed) this.#emit();
    return result;
  }

  /** A change that waited in the outbox was applied (keep the server's row) or refused (roll back). */
  async #settleQueued(outcome: ActionOutcome): Promise<void> {
    const change = this.#queued.settle(outcome);
    const { sessionId, action: mutation } = outcome.queued;
    if (outcome.kind === 'done') {
      this.#upsert(outcome.session);
      if (change) this.#counts.settle(change.delta, outcome.session.syncVersion);
    } else {
      await this.#refreshRow(sessionId);
      if (change) this.#mutationError = { sessionId, mutation, error: outcome.error };
    }
    if (change) this.#optimistic.remove(change);
    this.#emit();
  }

  /** Reads one session from the server into the cache (removing it if it is gone), and the counts. */
  async #refreshRow(sessionId: string): Promise<void> {
    const [result] = await Promise.all([
      this.#client.sessions.get(sessionId),
      this.#counts.refresh(),
    ]);
    if (this.#disposed) return;
    if (result.data) this.#upsert(result.data);
    else if (result.error.code === 'not_found') this.#rows.delete(sessionId);
  }

  /** Keeps the newest version of a row (by its change-feed version). */
  #upsert(session: Session): void {
    const known = this.#rows.get(session.id);
    if (known && known.syncVersion > session.syncVersion) return;
    this.#rows.set(session.id, deepFreeze(session));
  }

  #applyPage(page: SessionPage, start: Session | null): void {
    this.#window.applyPage(page, start, this.#query(), this.#environment.now(), {
      upsert: (session) => this.#upsert(session),
      values: () => this.#rows.values(),
      delete: (id) => this.#rows.delete(id),
    });
  }

  async #applyBatch(batch: ChangeBatch): Promise<void> {
    const purged = batch.deleted.filter((entry) => entry.entity === 'session');
    if (batch.sessions.length === 0 && purged.length === 0) return;
    // Fetch the counts first, so rows and counts change in the same snapshot.
    await this.#counts.refresh();
    if (this.#disposed) return;
    this.#applyRows(batch);
    this.#emit();
  }

  #applyRows(batch: ChangeBatch): void {
    for (const session of batch.sessions) this.#upsert(session);
    for (const entry of batch.deleted) if (entry.entity === 'session') this.#rows.delete(entry.id);
  }

  #scheduleCountsRefresh(): void {
    if (this.#countsTimer !== null || this.#disposed) return;
    this.#countsTimer = setTimeout(() => {
      this.#countsTimer = null;
      void this.#counts.refresh().then(() => this.#emit());
    }, 20);
  }

  #view(): ReadonlyMap<string, Session> {
    return this.#optimistic.view(this.#rows);
  }

  #emit(): void {
    if (this.#disposed) return;
    const now = this.#environment.now();
    const items = this.#window.visible(this.#view().values(), this.#query(), now);
    const counts = this.#counts.current(this.#optimistic.pending.map((change) => change.delta));
    this.setSnapshot({
      tab: this.#tab,
      sort: this.#sort,
      search: this.#search.applied,
      searchInput: this.#search.input,
      items: Object.freeze(items),
      counts: Object.freeze(counts),
      tabCounts: Object.freeze({
        active: counts.active + counts.paused,
        completed: counts.completed,
        archived: counts.archived,
        trash: counts.trash,
      }),
      unread: counts.unread,
      hasMore: this.#window.hasMore,
      loading: this.#loading,
      loadingMore: this.#loadingMore,
      loaded: this.#window.loaded,
      error: this.#error,
      mutationError: this.#mutationError,
      pendingIds: Object.freeze(this.#optimistic.pendingIds),
      queuedIds: Object.freeze(this.#optimistic.waitingIds),
      fromCache: this.#fromCache,
    });
    this.#cache?.changed(this);
  }
}
