import type {
  ChatSessionsError,
  CompletionOutcome,
  CreateSessionInput,
  ListTab,
  Session,
  SessionSort,
  TransitionInput,
} from '@chat-sessions/sdk';
import type { SubscribableStore } from './store-controller.js';

/** Sessions per list, for the tab badges. */
export type SessionListTabCounts = Readonly<Record<ListTab, number>>;

/** Something that went wrong, as the SDK reports it: a message, and a stable code when known. */
export interface SessionListProblem {
  readonly message: string;
  readonly code?: string;
}

/**
 * What a session list shows: the shape of the SDK's `SessionListStore` snapshot (the fields the
 * elements read). A host without the SDK store can hand the same shape to `<chat-sidebar>` as
 * plain data (its `snapshot` property).
 */
export interface SessionListView {
  /** The list shown. */
  readonly tab: ListTab;
  /** The order: `recent` or `attention` (needs attention first). */
  readonly sort: SessionSort;
  /** The search applied to `items`. */
  readonly search: string;
  /** The search as typed (may run ahead of `search` while a debounce waits). */
  readonly searchInput: string;
  /** The sessions of the list, in order, each once. */
  readonly items: readonly Session[];
  /** Exact sessions per list, or null when unknown (the tabs then show no count). */
  readonly tabCounts: SessionListTabCounts | null;
  /** Unread operator replies across every session. */
  readonly unread: number;
  /** More sessions wait after `items`. */
  readonly hasMore: boolean;
  /** The first page is loading. */
  readonly loading: boolean;
  /** A further page is loading. */
  readonly loadingMore: boolean;
  /** The first page of the current list has arrived. */
  readonly loaded: boolean;
  /** Why the last load failed, or null. */
  readonly error: SessionListProblem | null;
}

/** A sidebar action that can apply to several sessions at once. */
export type SessionListBulkAction =
  | 'pause'
  | 'resume'
  | 'complete'
  | 'reopen'
  | 'archive'
  | 'unarchive'
  | 'pin'
  | 'unpin'
  | 'delete'
  | 'restore'
  | 'mark_read';

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
  /** Creates a session. */
  create(input: CreateSessionInput): Promise<SessionListWriteResult>;
  /** Renames a session. */
  rename(id: string, title: string): Promise<SessionListWriteResult>;
  /** Applies a lifecycle action (pause, resume, complete with its outcome, reopen, archive, unarchive). */
  transition(id: string, input: TransitionInput): Promise<SessionListWriteResult>;
  /** Pins or unpins a session. */
  setPinned(id: string, pinned: boolean): Promise<SessionListWriteResult>;
  /** Moves a session to the trash. */
  delete(id: string): Promise<SessionListWriteResult>;
  /** Restores a session from the trash. */
  restore(id: string): Promise<SessionListWriteResult>;
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
  items: Object.freeze([]) as readonly Session[],
  tabCounts: null,
  unread: 0,
  hasMore: false,
  loading: false,
  loadingMore: false,
  loaded: false,
  error: null,
});
