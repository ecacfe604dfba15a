import type {
  BulkAction,
  ChatSessionsError,
  CompletionOutcome,
  CreateSessionInput,
  ListTab,
  SearchCounts,
  Session,
  SessionListSnapshot,
  SessionPatch,
  SessionSort,
  TabCounts,
  TransitionInput,
} from '@chat-sessions/sdk';
import type { SubscribableStore } from './store-controller.js';

/** Sessions per list, for the tab badges: the SDK's `TabCounts`. */
export type SessionListTabCounts = TabCounts;

/** Something that went wrong, as the SDK reports it: a message, and a stable code when known. */
export interface SessionListProblem {
  readonly message: string;
  readonly code?: string;
}

/**
 * What a session list shows: the SDK's `SessionListSnapshot` (the fields the elements read),
 * with two fields loosened so a host without the SDK store can hand the same shape to
 * `<chat-sidebar>` as plain data (its `snapshot` property): counts may be unknown, and an error
 * needs only a message.
 */
export interface SessionListView extends Readonly<
  Pick<
    SessionListSnapshot,
    | 'tab'
    | 'sort'
    | 'search'
    | 'searchInput'
    | 'items'
    | 'unread'
    | 'hasMore'
    | 'loading'
    | 'loadingMore'
    | 'loaded'
  >
> {
  /** Exact sessions per list, or null when unknown (the tabs then show no count). */
  readonly tabCounts: SessionListTabCounts | null;
  /** Why the last load failed, or null. */
  readonly error: SessionListProblem | null;
  /** Sessions with a change waiting to be sent (offline): their cards say so. */
  readonly queuedIds?: readonly string[];
}

/** A sidebar action that can apply to several sessions at once: the SDK's `BulkAction`. */
export type SessionListBulkAction = BulkAction;

/** The answer of one write: the SDK's `{ data, error }`. */
export interface SessionListWriteResult {
  /** The session as the server stored it, or null on failure. */
  readonly data?: Session | null;
  readonly error: ChatSessionsError | SessionListProblem | null;
}

/** One session's answer in a bulk write. */
export interface SessionListBulkResult extends SessionListWriteResult {
  readonly id: string;
}

/**
 * The live session list the elements drive: the SDK's `SessionListStore` fits it as is.
 * Reading is `getSnapshot()` + `subscribe()`; every write shows at once (optimistically) and the
 * store rolls it back if the server refuses it.
 */
export interface SessionListSource extends SubscribableStore<SessionListView> {
  /** Loads (or reloads) the first page and the counts. */
  load(): Promise<unknown>;
  /** Loads the next page; does nothing at the end or while loading. */
  loadMore(): Promise<unknown>;
  /** Shows another list. */
  setTab(tab: ListTab): unknown;
  /** Changes the order. */
  setSort(sort: SessionSort): unknown;
  /** Sets the search as typed (the store may debounce it). */
  setSearch(search: string): void;
  /** Applies the typed search now. */
  flushSearch(): unknown;
  /** Forgets the last load error (before a retry). */
  clearError?(): void;
  /** Sessions matching a search per tab; the sidebar shows them on its tabs while searching. */
  searchCounts?(
    search: string,
  ): Promise<{ readonly data?: SearchCounts | null; readonly error: unknown }>;
  /** Creates a session. */
  create(input: CreateSessionInput): Promise<SessionListWriteResult>;
  /** Renames a session. */
  rename(id: string, title: string): Promise<SessionListWriteResult>;
  /** Applies a lifecycle action (pause, resume, complete with its outcome, reopen, archive, unarchive). */
  transition(id: string, input: TransitionInput): Promise<SessionListWriteResult>;
  /**
   * Changes a session's fields (title, trip, legs, passengers, stage), shown at once; with
   * `expectedVersion`, fails with `conflict` if the session changed since. Optional: without
   * it, elements write through the client.
   */
  update?(
    id: string,
    patch: SessionPatch,
    options?: { expectedVersion?: number },
  ): Promise<SessionListWriteResult>;
  /** Pins or unpins a session. */
  setPinned(id: string, pinned: boolean): Promise<SessionListWriteResult>;
  /** Moves a session to the trash. */
  delete(id: string): Promise<SessionListWriteResult>;
  /** Restores a session from the trash. */
  restore(id: string): Promise<SessionListWriteResult>;
  /**
   * Deletes a trashed session forever (the trash view's "Delete forever"). Optional: without
   * it, the sidebar fires `chat-session-purge` and the host deletes.
   */
  purge?(id: string): Promise<{
    readonly error: ChatSessionsError | SessionListProblem | null;
  }>;
  /** Marks every operator reply of a session read. */
  markRead(id: string): Promise<SessionListWriteResult>;
  /** Applies one action to several sessions; one result per id. */
  bulk(
    action: SessionListBulkAction,
    ids: readonly string[],
    options?: { outcome?: CompletionOutcome },
  ): Promise<readonly SessionListBulkResult[]>;
}

/** A session list with nothing in it, loaded: what `<chat-sidebar>` shows without data. */
export const EMPTY_SESSION_LIST: SessionListView = Object.freeze({
  tab: 'active',
  sort: 'recent',
  search: '',
  searchInput: '',
  items: Object.freeze([]),
  tabCounts: null,
  unread: 0,
  hasMore: false,
  loading: false,
  loadingMore: false,
  loaded: false,
  error: null,
});
