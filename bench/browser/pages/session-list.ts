// The session list every variant reads: a `SessionListSource` over generated sessions held in
// memory, ordered by the SDK's own comparator. Each tab's list is kept sorted, so switching
// tabs or applying an incoming row costs the store next to nothing: what is measured is the
// list element, not the store.
import {
  SnapshotStore,
  deepFreeze,
  listTabOf,
  sessionComparator,
  type ListTab,
  type Session,
} from '@chat-sessions/sdk';
import type {
  SessionListBulkResult,
  SessionListSource,
  SessionListView,
  SessionListWriteResult,
} from '../../../src/controllers/session-list-source.js';
import { NOW, type BrokerSessions } from './fixture.js';

const READ_ONLY: SessionListWriteResult = {
  data: null,
  error: { message: 'The benchmark list is read-only', code: 'read_only' },
};

/** Where an incoming row left and joined the list shown, for a list that patches its DOM by hand. */
export interface ShownListChange {
  readonly session: Session;
  /** Its index in the list shown before the change, or -1. */
  readonly from: number;
  /** Its index in the list shown after the change, or -1. */
  readonly to: number;
}

type ChangeListener = (change: ShownListChange) => void;

function emptyLists(): Record<ListTab, Session[]> {
  return { active: [], completed: [], archived: [], trash: [] };
}

// A copy with one row out or in: a copy and a splice. At 10 000 rows, `filter`, spreading two
// slices and copying frozen arrays (the lists are read-only by type, not frozen) cost the
// benchmark's burst 1.2 ms a change in this store alone (60 of its 75 ms).
function without<T>(list: readonly T[], index: number): T[] {
  const copy = list.slice();
  copy.splice(index, 1);
  return copy;
}

function inserted<T>(list: readonly T[], index: number, item: T): T[] {
  const copy = list.slice();
  copy.splice(index, 0, item);
  return copy;
}

/** A loaded, read-only session list in memory, live to the rows given to `receive`. */
export class InMemorySessionList
  extends SnapshotStore<SessionListView>
  implements SessionListSource
{
  readonly #rows: Map<string, Session>;
  #lists: Record<ListTab, readonly Session[]>;
  readonly #changeListeners = new Set<ChangeListener>();
  #subscriberCount = 0;
  #unread: number;

  constructor(sessions: BrokerSessions, tab: ListTab = 'active') {
    const lists = emptyLists();
    const rows = new Map<string, Session>();
    for (const session of [...sessions.active, ...sessions.completed]) {
      rows.set(session.id, deepFreeze(session));
      lists[listTabOf(session)].push(session);
    }
    for (const [name, list] of Object.entries(lists) as Array<[ListTab, Session[]]>) {
      list.sort(sessionComparator(name, 'recent', NOW));
    }
    let unread = 0;
    for (const session of rows.values()) unread += session.unreadCount;
    super(InMemorySessionList.view(lists, unread, tab));
    this.#rows = rows;
    this.#lists = lists;
    this.#unread = unread;
  }

  private static view(
    lists: Record<ListTab, readonly Session[]>,
    unread: number,
    tab: ListTab,
  ): SessionListView {
    return {
      tab,
      sort: 'recent',
      search: '',
      searchInput: '',
      items: lists[tab],
      tabCounts: Object.freeze({
        active: lists.active.length,
        completed: lists.completed.length,
        archived: lists.archived.length,
        trash: lists.trash.length,
      }),
      unread,
      hasMore: false,
      loading: false,
      loadingMore: false,
      loaded: true,
      error: null,
    };
  }

  /** Calls `listener` with where each incoming row left and joined the list shown. */
  onShownListChange(listener: ChangeListener): () => void {
    this.#changeListeners.add(listener);
    return () => this.#changeListeners.delete(listener);
  }

  /** A newer row of a session (from the change feed): replaces the old one, wherever it lists. */
  receive(session: Session): void {
    const frozen = deepFreeze(session);
    const previous = this.#rows.get(session.id);
    const shown = this.getSnapshot().tab;
    const lists = { ...this.#lists };
    let from = -1;
    if (previous) {
      const oldTab = listTabOf(previous);
      const index = lists[oldTab].indexOf(previous);
      if (index >= 0) {
        lists[oldTab] = without(lists[oldTab], index);
        if (oldTab === shown) from = index;
      }
    }
    const newTab = listTabOf(frozen);
    const list = lists[newTab];
    const compare = sessionComparator(newTab, 'recent', NOW);
    let low = 0;
    let high = list.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (compare(list[middle]!, frozen) < 0) low = middle + 1;
      else high = middle;
    }
    lists[newTab] = inserted(list, low, frozen);
    this.#rows.set(frozen.id, frozen);
    this.#lists = lists;
    this.#unread += frozen.unreadCount - (previous?.unreadCount ?? 0);
    this.setSnapshot(InMemorySessionList.view(lists, this.#unread, shown));
    const change: ShownListChange = { session: frozen, from, to: newTab === shown ? low : -1 };
    for (const listener of [...this.#changeListeners]) listener(change);
  }

  /** The sessions of a tab, in order. */
  itemsOf(tab: ListTab): readonly Session[] {
    return this.#lists[tab];
  }

  /** How many listeners follow this list (each element showing it holds one). */
  get subscribers(): number {
    return this.#subscriberCount;
  }

  override subscribe(listener: () => void): () => void {
    const unsubscribe = super.subscribe(listener);
    this.#subscriberCount += 1;
    let subscribed = true;
    return () => {
      if (subscribed) this.#subscriberCount -= 1;
      subscribed = false;
      unsubscribe();
    };
  }

  load(): Promise<unknown> {
    return Promise.resolve(null);
  }

  loadMore(): Promise<unknown> {
    return Promise.resolve(null);
  }

  setTab(tab: ListTab): void {
    if (tab === this.getSnapshot().tab) return;
    this.setSnapshot(InMemorySessionList.view(this.#lists, this.#unread, tab));
  }

  setSort(): void {}
  setSearch(): void {}
  flushSearch(): void {}

  create(): Promise<SessionListWriteResult> {
    return Promise.resolve(READ_ONLY);
  }
  rename(): Promise<SessionListWriteResult> {
    return Promise.resolve(READ_ONLY);
  }
  transition(): Promise<SessionListWriteResult> {
    return Promise.resolve(READ_ONLY);
  }
  setPinned(): Promise<SessionListWriteResult> {
    return Promise.resolve(READ_ONLY);
  }
  delete(): Promise<SessionListWriteResult> {
    return Promise.resolve(READ_ONLY);
  }
  restore(): Promise<SessionListWriteResult> {
    return Promise.resolve(READ_ONLY);
  }
  markRead(): Promise<SessionListWriteResult> {
    return Promise.resolve(READ_ONLY);
  }
  bulk(_action: string, ids: readonly string[]): Promise<readonly SessionListBulkResult[]> {
    return Promise.resolve(ids.map((id) => ({ id, ...READ_ONLY })));
  }
}
