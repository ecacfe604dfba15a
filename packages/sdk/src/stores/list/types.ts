import type { ChatSessionsError } from '../../errors.js';
import type { SessionSort } from '../../inputs.js';
import type { ListTab } from '../../lifecycle.js';
import type { SessionCounts } from '../../models/counts.js';
import type { CompletionOutcome, Session } from '../../models/session.js';
import type { Environment } from '../../platform.js';
import type { ChangeFeedSync } from '../../sync/change-feed-sync.js';
import type { ChatSessionsClient } from '../../client/chat-sessions.js';
import type { SessionMutation } from './optimistic-queue.js';
import type { StoreCache } from '../../offline/cache-types.js';
import type { ActionOutbox } from '../../offline/outbox-types.js';

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
  /**
   * Ids of sessions with a change waiting in the outbox for the connection (also in
   * `pendingIds`): shown as made, sent again in order when the connection returns.
   */
  queuedIds: readonly string[];
  /**
   * The items were painted from the local cache and are being brought up to date (`loading`),
   * or could not be yet (`error`): the next load catches them up.
   */
  fromCache: boolean;
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
  /**
   * The local cache (the runtime's): the first load paints from it, then catches up by the
   * change feed from the stored cursor. Null or omitted: every load reads the network.
   */
  cache?: StoreCache | null;
  /**
   * The outbox (the runtime's, in a browser): lifecycle actions, pins and read marks lost to
   * the network wait there, still shown, and are sent again in order. Without one they fail.
   */
  outbox?: ActionOutbox | null;
}

/** Actions {@link SessionListStore.bulk} can apply to a selection. */
export type BulkAction =
  Exclude<SessionMutation, 'create' | 'rename' | 'update' | 'complete' | 'purge'> | 'complete';

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
