import type { ChatSessionsClient } from '../client/chat-sessions.js';
import type { VersionedRequestOptions } from '../client/sessions-client.js';
import { ChatSessionsError, fail, validationError, type Result } from '../errors.js';
import { newId } from '../ids.js';
import {
  CreateSessionInputSchema,
  SessionPatchSchema,
  type CreateSessionInput,
  type SessionPatch,
  type SessionSort,
  type TransitionInput,
} from '../inputs.js';
import { targetStatus, type LifecycleAction, type ListTab } from '../lifecycle.js';
import type { ChangeBatch } from '../models/changes.js';
import { EMPTY_SESSION_COUNTS, type SessionCounts } from '../models/counts.js';
import type { SessionCursor, SessionPage } from '../models/session-page.js';
import type { CompletionOutcome, Session } from '../models/session.js';
import { detectEnvironment, type Environment } from '../platform.js';
import type { ChangeFeedSync } from '../sync/change-feed-sync.js';
import { FeedLink } from './feed-link.js';
import { matchesQuery, sessionComparator } from './session-order.js';
import { SnapshotStore, deepFreeze } from './store.js';

/** A change the list applies optimistically. */
export type SessionMutation =
  | 'create'
  | 'rename'
  | 'update'
  | LifecycleAction
  | 'pin'
  | 'unpin'
  | 'delete'
  | 'restore'
  | 'mark_read';

/** The last optimistic change that failed (and was rolled back). */
export interface SessionMutationError {
  sessionId: string;
  mutation: SessionMutation;
  error: ChatSessionsError;
}

/** Sessions per list: Active counts active and paused. */
export type TabCounts = Readonly<Record<ListTab, number>>;

/** What a {@link SessionListStore} shows. Immutable: every change makes a new one. */
export interface SessionListSnapshot {
  /** The list shown. */
  tab: ListTab;
  /** The order. */
  sort: SessionSort;
  /** The search applied to `items` (after the debounce). */
  search: string;
  /** The search as typed (before the debounce). */
  searchInput: string;
  /** The sessions of the list, in the server's order, each at most once. */
  items: readonly Session[];
  /** Exact counts per status, the trash and unread total, including changes still in flight. */
  counts: SessionCounts;
  /** Counts per list, for tab badges. */
  tabCounts: TabCounts;
  /** Unread operator replies across all sessions. */
  unread: number;
  /** More sessions wait after `items` (call `loadMore`). */
  hasMore: boolean;
  /** The first page of the current list is loading. */
  loading: boolean;
  /** A further page is loading. */
  loadingMore: boolean;
  /** The current list's first page has arrived. */
  loaded: boolean;
  /** Why the last load failed, or null. */
  error: ChatSessionsError | null;
  /** The last optimistic change that failed and was rolled back, or null. */
  mutationError: SessionMutationError | null;
  /** Ids of sessions with a change in flight (show a spinner, keep buttons). */
  pendingIds: readonly string[];
}

/** Options of {@link SessionListStore}. */
export interface SessionListStoreOptions {
  /** The client to load and write with. */
  client: ChatSessionsClient;
  /** The change-feed engine keeping the list live (recommended; the list is static without it). */
  sync?: ChangeFeedSync | null;
  /** Initial list (default `active`). */
  tab?: ListTab;
  /** Initial order (default `recent`). */
  sort?: SessionSort;
  /** Initial search (default none). */
  search?: string;
  /** Sessions per page, 1–200 (default 50). */
  pageSize?: number;
  /** Wait after the last keystroke before searching, in ms (default 250). */
  searchDebounceMs?: number;
  /** The signed-in broker's id, used as the owner of sessions created optimistically. */
  userId?: string;
  /** Clock (and other hooks); detected when omitted. */
  environment?: Partial<Environment>;
}

/** Actions {@link SessionListStore.bulk} can apply to a selection. */
export type BulkAction =
  Exclude<SessionMutation, 'create' | 'rename' | 'update' | 'complete'> | 'complete';

/** Options of {@link SessionListStore.bulk}. */
export interface BulkOptions {
  /** The outcome, for `complete`. */
  outcome?: CompletionOutcome;
  /** Requests in flight at once (default 4). */
  concurrency?: number;
}

/** One session's result of a bulk action. */
export interface BulkItemResult {
  id: string;
  data: Session | null;
  error: ChatSessionsError | null;
}

type CountKey = 'active' | 'paused' | 'completed' | 'archived' | 'trash';
type CountsDelta = Partial<Record<CountKey | 'unread', number>>;

interface PendingChange {
  sessionId: string;
  mutation: SessionMutation;
  /** The optimistic view of the session given the row beneath (server truth or earlier changes). */
  apply(session: Session | undefined): Session | undefined;
  /** Its effect on the counts, computed when it was made. */
  delta: CountsDelta;
}

/** A change to make: its optimistic effect and the request that makes it. */
interface MutationSpec {
  sessionId: string;
  mutation: SessionMutation;
  apply(session: Session | undefined): Session | undefined;
  send(): Promise<Result<Session>>;
}

/** Runs tasks at most `limit` at a time. */
function limiter(limit: number): <T>(task: () => Promise<T>) => Promise<T> {
  let active = 0;
  const waiting: Array<() => void> = [];
  return async <T>(task: () => Promise<T>): Promise<T> => {
    if (active >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
    active += 1;
    try {
      return await task();
    } finally {
      active -= 1;
      waiting.shift()?.();
    }
  };
}

interface ListWindow {
  /** The first page of the current query arrived. */
  loaded: boolean;
  /** Where the next page starts, or null at the end. */
  cursor: SessionCursor | null;
  /** The last row of the last page (the boundary of what is loaded), or null. */
  end: Session | null;
}

function bucketOf(session: Session | undefined): CountKey | null {
  if (!session) return null;
  return session.deletedAt !== null ? 'trash' : session.status;
}

function unreadOf(session: Session | undefined): number {
  return session && session.deletedAt === null ? session.unreadCount : 0;
}

function deltaBetween(before: Session | undefined, after: Session | undefined): CountsDelta {
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

function addDelta(counts: SessionCounts, delta: CountsDelta): SessionCounts {
  const next = { ...counts };
  for (const [key, value] of Object.entries(delta) as Array<[CountKey | 'unread', number]>) {
    next[key] = Math.max(0, next[key] + value);
  }
  return next;
}

function firstDepartureOf(legs: Session['legs']): string | null {
  return legs.find((leg) => leg.date)?.date ?? null;
}

/** The session a lifecycle action leads to, as the database would make it (times approximate). */
function transitioned(session: Session, input: TransitionInput, nowIso: string): Session {
  const target = targetStatus(session, input.action);
  if (target === null) return session;
  const next: Session = { ...session, status: target, updatedAt: nowIso };
  if (input.action === 'archive') {
    next.statusBeforeArchive = session.status;
    next.archivedAt = nowIso;
  }
  if (input.action === 'unarchive') {
    next.statusBeforeArchive = null;
    next.archivedAt = null;
  }
  if (target === 'completed') {
    next.outcome = input.outcome ?? session.outcome;
    next.completedAt = nowIso;
  } else if (target !== 'archived') {
    next.outcome = null;
    next.completedAt = null;
  }
  if (target === 'active' || target === 'completed') next.resumeAt = null;
  if (input.action === 'pause') {
    next.resumeAt = input.resumeAt === undefined ? null : new Date(input.resumeAt).toISOString();
  }
  return next;
}

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
export class SessionListStore extends SnapshotStore<SessionListSnapshot> {
  readonly #client: ChatSessionsClient;
  readonly #sync: ChangeFeedSync | null;
  readonly #environment: Environment;
  readonly #pageSize: number;
  readonly #searchDebounceMs: number;
  readonly #userId: string;
  readonly #rows = new Map<string, Session>();
  #changes: PendingChange[] = [];
  #settled: Array<{ delta: CountsDelta; version: number }> = [];
  #baseCounts: SessionCounts = EMPTY_SESSION_COUNTS;
  #tab: ListTab;
  #sort: SessionSort;
  #search: string;
  #searchInput: string;
  #window: ListWindow = { loaded: false, cursor: null, end: null };
  #loading = false;
  #loadingMore = false;
  #error: ChatSessionsError | null = null;
  #mutationError: SessionMutationError | null = null;
  #generation = 0;
  #pageAbort: AbortController | null = null;
  #searchTimer: ReturnType<typeof setTimeout> | null = null;
  #countsInFlight: Promise<void> | null = null;
  #countsAgain = false;
  #countsTimer: ReturnType<typeof setTimeout> | null = null;
  readonly #queues = new Map<string, Promise<void>>();
  readonly #feed: FeedLink;
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
    this.#searchDebounceMs = options.searchDebounceMs ?? 250;
    this.#userId = options.userId ?? '';
    this.#tab = tab;
    this.#sort = sort;
    this.#search = search;
    this.#searchInput = search;
    this.#feed = new FeedLink(this.#sync, (batch) => this.#applyBatch(batch));
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
    this.#window = { loaded: false, cursor: null, end: null };
    this.#loading = true;
    this.#loadingMore = false;
    this.#error = null;
    this.#emit();
    if (this.#sync) await this.#sync.ensureBaseline();
    if (generation !== this.#generation)
      return fail(
        new ChatSessionsError({ code: 'aborted', message: 'A newer load replaced this one' }),
      );
    const [page] = await Promise.all([
      this.#client.sessions.list(
        { tab: this.#tab, sort: this.#sort, search: this.#search, limit: this.#pageSize },
        { signal: abort.signal },
      ),
      this.#refreshCounts(),
    ]);
    if (generation !== this.#generation || this.#disposed) return page;
    this.#loading = false;
    if (page.error) {
      this.#error = page.error;
    } else {
      this.#applyPage(page.data, null);
    }
    this.#emit();
    return page;
  }

  /** Loads the next page of the current list (keyset). Does nothing at the end or while loading. */
  async loadMore(): Promise<Result<SessionPage> | null> {
    if (
      this.#disposed ||
      !this.#window.loaded ||
      this.#window.cursor === null ||
      this.#loadingMore ||
      this.#loading
    )
      return null;
    const generation = this.#generation;
    const start = this.#window.end;
    this.#loadingMore = true;
    this.#emit();
    const page = await this.#client.sessions.list(
      {
        tab: this.#tab,
        sort: this.#sort,
        search: this.#search,
        limit: this.#pageSize,
        cursor: this.#window.cursor,
      },
      this.#pageAbort ? { signal: this.#pageAbort.signal } : {},
    );
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
    this.#searchInput = search;
    if (this.#searchTimer !== null) clearTimeout(this.#searchTimer);
    this.#searchTimer = setTimeout(() => {
      this.#searchTimer = null;
      void this.flushSearch();
    }, this.#searchDebounceMs);
    this.#emit();
  }

  /** Applies the typed search now (e.g. on Enter) instead of waiting for the debounce. */
  flushSearch(): Promise<Result<SessionPage>> | null {
    if (this.#searchTimer !== null) {
      clearTimeout(this.#searchTimer);
      this.#searchTimer = null;
    }
    if (this.#searchInput.trim() === this.#search.trim()) {
      if (this.#searchInput !== this.#search) {
        this.#search = this.#searchInput;
        this.#emit();
      }
      return null;
    }
    this.#search = this.#searchInput;
    return this.load();
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
    const parsed = CreateSessionInputSchema.safeParse(input);
    if (!parsed.success) return Promise.resolve(fail(validationError('session', parsed.error)));
    const value = parsed.data;
    const id = value.id ?? newId();
    const nowIso = new Date(this.#environment.now()).toISOString();
    const legs = value.legs ?? [];
    const provisional: Session = deepFreeze({
      id,
      ownerId: this.#userId,
      kind: value.kind,
      status: 'active',
      statusBeforeArchive: null,
      title: (value.title ?? '').trim(),
      tripType: value.tripType ?? null,
      legs,
      passengers: value.passengers ?? null,
      stage: value.stage ?? (value.kind === 'flight_request' ? 'understanding_request' : null),
      outcome: null,
      pinned: value.pinned ?? false,
      resumeAt: null,
      createdAt: nowIso,
      updatedAt: nowIso,
      lastActivityAt: nowIso,
      completedAt: null,
      archivedAt: null,
      deletedAt: null,
      departsOn: firstDepartureOf(legs),
      lastMessagePreview: null,
      messageCount: 0,
      unreadCount: 0,
      threadCount: 0,
      repliedThreadCount: 0,
      lastSeq: 0,
      metadata: value.metadata ?? {},
      externalRef: value.externalRef ?? null,
      version: 1,
      syncVersion: 0,
    });
    return this.#mutate({
      sessionId: id,
      mutation: 'create',
      apply: (session) => session ?? provisional,
      send: () => this.#client.sessions.create({ ...input, id }),
    });
  }

  /** Renames a session (shown at once). */
  rename(
    id: string,
    title: string,
    options: VersionedRequestOptions = {},
  ): Promise<Result<Session>> {
    return this.#mutate({
      sessionId: id,
      mutation: 'rename',
      apply: (session) => session && { ...session, title: title.trim() },
      send: () => this.#client.sessions.rename(id, title, options),
    });
  }

  /** Changes a session's fields (shown at once). */
  update(
    id: string,
    patch: SessionPatch,
    options: VersionedRequestOptions = {},
  ): Promise<Result<Session>> {
    const parsed = SessionPatchSchema.safeParse(patch);
    if (!parsed.success)
      return Promise.resolve(fail(validationError('session patch', parsed.error)));
    const value = parsed.data;
    return this.#mutate({
      sessionId: id,
      mutation: 'update',
      apply: (session) => {
        if (!session) return session;
        const next: Session = { ...session };
        if (value.title !== undefined) next.title = value.title.trim();
        if (value.tripType !== undefined) next.tripType = value.tripType;
        if (value.legs !== undefined) {
          next.legs = value.legs;
          next.departsOn = firstDepartureOf(value.legs);
        }
        if (value.passengers !== undefined) next.passengers = value.passengers;
        if (value.stage !== undefined) next.stage = value.stage;
        if (value.metadata !== undefined) next.metadata = value.metadata;
        if (value.externalRef !== undefined) next.externalRef = value.externalRef;
        return next;
      },
      send: () => this.#client.sessions.update(id, patch, options),
    });
  }

  /**
   * Applies a lifecycle action: the session moves to its new tab, and the counts change, at
   * once. If the action is not allowed from the status the list knows, nothing moves and the
   * server's answer decides.
   */
  transition(id: string, input: TransitionInput): Promise<Result<Session>> {
    return this.#mutate(this.#transitionSpec(id, input));
  }

  /** Pauses a session, optionally until `resumeAt`. */
  pause(
    id: string,
    options: { resumeAt?: string | Date; expectedVersion?: number } = {},
  ): Promise<Result<Session>> {
    const resumeAt =
      options.resumeAt instanceof Date ? options.resumeAt.toISOString() : options.resumeAt;
    return this.transition(id, {
      action: 'pause',
      ...(resumeAt === undefined ? {} : { resumeAt }),
      ...(options.expectedVersion === undefined
        ? {}
        : { expectedVersion: options.expectedVersion }),
    });
  }

  /** Resumes a paused session. */
  resume(id: string): Promise<Result<Session>> {
    return this.transition(id, { action: 'resume' });
  }

  /** Completes a session with its outcome. */
  complete(id: string, outcome: CompletionOutcome): Promise<Result<Session>> {
    return this.transition(id, { action: 'complete', outcome });
  }

  /** Reopens a completed session. */
  reopen(id: string): Promise<Result<Session>> {
    return this.transition(id, { action: 'reopen' });
  }

  /** Archives a session. */
  archive(id: string): Promise<Result<Session>> {
    return this.transition(id, { action: 'archive' });
  }

  /** Unarchives a session (back to its status before archiving). */
  unarchive(id: string): Promise<Result<Session>> {
    return this.transition(id, { action: 'unarchive' });
  }

  /** Pins or unpins a session (it moves to or from the top at once). */
  setPinned(id: string, pinned: boolean): Promise<Result<Session>> {
    return this.#mutate(this.#bulkSpec(pinned ? 'pin' : 'unpin', id, {}));
  }

  /** Pins a session. */
  pin(id: string): Promise<Result<Session>> {
    return this.setPinned(id, true);
  }

  /** Unpins a session. */
  unpin(id: string): Promise<Result<Session>> {
    return this.setPinned(id, false);
  }

  /** Moves a session to the trash (it leaves its tab at once). */
  delete(id: string): Promise<Result<Session>> {
    return this.#mutate(this.#bulkSpec('delete', id, {}));
  }

  /** Restores a session from the trash (back to its tab at once). */
  restore(id: string): Promise<Result<Session>> {
    return this.#mutate(this.#bulkSpec('restore', id, {}));
  }

  /** Marks every operator reply of a session read (its badge clears at once). */
  markRead(id: string): Promise<Result<Session>> {
    return this.#mutate(this.#bulkSpec('mark_read', id, {}));
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
  async bulk(
    action: BulkAction,
    ids: readonly string[],
    options: BulkOptions = {},
  ): Promise<BulkItemResult[]> {
    if (action === 'complete' && !options.outcome) {
      throw new TypeError(
        "bulk('complete', ids, { outcome }) needs an outcome: 'won', 'lost' or 'cancelled'",
      );
    }
    const throttle = limiter(Math.max(1, options.concurrency ?? 4));
    const unique = [...new Set(ids)];
    const settled = await Promise.all(
      unique.map(async (id) => {
        const spec = this.#bulkSpec(action, id, options);
        const result = await this.#mutate({ ...spec, send: () => throttle(spec.send) });
        return [id, { id, ...result }] as const;
      }),
    );
    const results = new Map<string, BulkItemResult>(settled);
    return ids.map((id) => results.get(id)!);
  }

  #transitionSpec(id: string, input: TransitionInput): MutationSpec {
    return {
      sessionId: id,
      mutation: input.action,
      apply: (session) =>
        session && transitioned(session, input, new Date(this.#environment.now()).toISOString()),
      send: () => this.#client.sessions.transition(id, input),
    };
  }

  #bulkSpec(action: BulkAction, id: string, options: BulkOptions): MutationSpec {
    const nowIso = () => new Date(this.#environment.now()).toISOString();
    switch (action) {
      case 'pin':
      case 'unpin': {
        const pinned = action === 'pin';
        return {
          sessionId: id,
          mutation: action,
          apply: (session) => session && { ...session, pinned },
          send: () => this.#client.sessions.setPinned(id, pinned),
        };
      }
      case 'delete':
        return {
          sessionId: id,
          mutation: 'delete',
          apply: (session) =>
            session && (session.deletedAt !== null ? session : { ...session, deletedAt: nowIso() }),
          send: () => this.#client.sessions.delete(id),
        };
      case 'restore':
        return {
          sessionId: id,
          mutation: 'restore',
          apply: (session) => session && { ...session, deletedAt: null },
          send: () => this.#client.sessions.restore(id),
        };
      case 'mark_read':
        return {
          sessionId: id,
          mutation: 'mark_read',
          apply: (session) => session && { ...session, unreadCount: 0 },
          send: () => this.#client.sessions.markRead(id),
        };
      case 'complete':
        return this.#transitionSpec(id, { action, outcome: options.outcome ?? 'won' });
      default:
        return this.#transitionSpec(id, { action });
    }
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
    this.#feed.unfollow();
    this.#pageAbort?.abort();
    if (this.#searchTimer !== null) clearTimeout(this.#searchTimer);
    if (this.#countsTimer !== null) clearTimeout(this.#countsTimer);
    this.clearListeners();
  }

  // ─── Internals ──────────────────────────────────────────────────────────────────────────

  #disposedError(): ChatSessionsError {
    return new ChatSessionsError({ code: 'aborted', message: 'The session list was disposed' });
  }

  async #mutate({ sessionId, mutation, apply, send }: MutationSpec): Promise<Result<Session>> {
    if (this.#disposed) return fail(this.#disposedError());
    const before = this.#view().get(sessionId);
    const change: PendingChange = {
      sessionId,
      mutation,
      apply,
      delta: deltaBetween(before, apply(before)),
    };
    this.#changes = [...this.#changes, change];
    this.#emit();
    // One change at a time per session, in the order the broker made them.
    const result = await this.#enqueue(sessionId, send);
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
      if (result.data.syncVersion > this.#baseCounts.version) {
        this.#settled.push({ delta: change.delta, version: result.data.syncVersion });
      }
      if (!this.#sync) this.#scheduleCountsRefresh();
    }
    this.#changes = this.#changes.filter((candidate) => candidate !== change);
    if (!this.#disposed) this.#emit();
    return result;
  }

  #enqueue<T>(sessionId: string, task: () => Promise<T>): Promise<T> {
    const previous = this.#queues.get(sessionId) ?? Promise.resolve();
    const run = previous.then(task);
    const tail = run.then(
      () => undefined,
      () => undefined,
    );
    this.#queues.set(sessionId, tail);
    void tail.then(() => {
      if (this.#queues.get(sessionId) === tail) this.#queues.delete(sessionId);
    });
    return run;
  }

  /** Reads one session from the server into the cache (removing it if it is gone), and the counts. */
  async #refreshRow(sessionId: string): Promise<void> {
    const [result] = await Promise.all([
      this.#client.sessions.get(sessionId),
      this.#refreshCounts(),
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
    const returned = new Set(page.items.map((session) => session.id));
    for (const session of page.items) this.#upsert(session);
    const compare = sessionComparator(this.#tab, this.#sort, this.#environment.now());
    const end = page.items.at(-1) ?? null;
    // A cached row that the server would have listed in this page's range, but did not, and
    // that is not newer than the page, is out of date: forget it (the feed brings its new state).
    for (const row of [...this.#rows.values()]) {
      if (returned.has(row.id) || row.syncVersion > page.version) continue;
      if (!matchesQuery(row, this.#tab, this.#search)) continue;
      if (start && compare(row, start) <= 0) continue;
      if (page.nextCursor !== null && end && compare(row, end) > 0) continue;
      this.#rows.delete(row.id);
    }
    this.#window = {
      loaded: true,
      cursor: page.nextCursor,
      end: page.nextCursor === null ? null : end,
    };
  }

  async #applyBatch(batch: ChangeBatch): Promise<void> {
    const purged = batch.deleted.filter((entry) => entry.entity === 'session');
    if (batch.sessions.length === 0 && purged.length === 0) return;
    // Fetch the counts first, so rows and counts change in the same snapshot.
    await this.#refreshCounts();
    if (this.#disposed) return;
    for (const session of batch.sessions) this.#upsert(session);
    for (const entry of purged) this.#rows.delete(entry.id);
    this.#emit();
  }

  #scheduleCountsRefresh(): void {
    if (this.#countsTimer !== null || this.#disposed) return;
    this.#countsTimer = setTimeout(() => {
      this.#countsTimer = null;
      void this.#refreshCounts().then(() => this.#emit());
    }, 20);
  }

  /**
   * Reads the counts, one request at a time: asking while one is in flight makes it read once
   * more after, and the caller waits for that. Never emits (callers do, with their other changes).
   */
  #refreshCounts(): Promise<void> {
    if (this.#countsInFlight) {
      this.#countsAgain = true;
      return this.#countsInFlight;
    }
    const run = (async () => {
      do {
        this.#countsAgain = false;
        const result = await this.#client.sessions.counts();
        if (this.#disposed) return;
        if (result.data && result.data.version >= this.#baseCounts.version) {
          const counts = result.data;
          this.#baseCounts = Object.freeze(counts);
          this.#settled = this.#settled.filter((adjustment) => adjustment.version > counts.version);
        }
      } while (this.#countsAgain && !this.#disposed);
    })().finally(() => {
      this.#countsInFlight = null;
    });
    this.#countsInFlight = run;
    return run;
  }

  #view(): Map<string, Session> {
    if (this.#changes.length === 0) return this.#rows;
    const view = new Map(this.#rows);
    for (const change of this.#changes) {
      const next = change.apply(view.get(change.sessionId));
      if (next) view.set(change.sessionId, next);
      else view.delete(change.sessionId);
    }
    return view;
  }

  #emit(): void {
    if (this.#disposed) return;
    const compare = sessionComparator(this.#tab, this.#sort, this.#environment.now());
    const end = this.#window.loaded ? this.#window.end : null;
    const items = [...this.#view().values()]
      .filter(
        (session) =>
          matchesQuery(session, this.#tab, this.#search) &&
          (end === null || compare(session, end) <= 0),
      )
      .sort(compare);
    let counts = this.#baseCounts;
    for (const adjustment of this.#settled) {
      if (adjustment.version > counts.version) counts = addDelta(counts, adjustment.delta);
    }
    for (const change of this.#changes) counts = addDelta(counts, change.delta);
    this.setSnapshot({
      tab: this.#tab,
      sort: this.#sort,
      search: this.#search,
      searchInput: this.#searchInput,
      items: Object.freeze(items),
      counts: Object.freeze(counts),
      tabCounts: Object.freeze({
        active: counts.active + counts.paused,
        completed: counts.completed,
        archived: counts.archived,
        trash: counts.trash,
      }),
      unread: counts.unread,
      hasMore: this.#window.loaded && this.#window.cursor !== null,
      loading: this.#loading,
      loadingMore: this.#loadingMore,
      loaded: this.#window.loaded,
      error: this.#error,
      mutationError: this.#mutationError,
      pendingIds: Object.freeze([...new Set(this.#changes.map((change) => change.sessionId))]),
    });
  }
}
