import type { Session, SessionSort } from '@chat-sessions/sdk';
import type { SessionListSource, SessionListView } from '../controllers/session-list-source.js';
import {
  ChatListLoadMoreEvent,
  ChatListRetryEvent,
  ChatListSearchEvent,
  ChatListSortChangeEvent,
} from '../events.js';

/**
 * What the list asks of its store: the header's search field and sort toggle, the next page and
 * a retry. Each is announced (`chat-list-search`, `chat-list-sort-change`, `chat-list-load-more`,
 * `chat-list-retry`) and applied to the store, or (search) kept as typed when there is none.
 */
export class ListQuery {
  /** The list the next page was asked for (asked once per list). */
  private moreAskedFor: readonly Session[] | null = null;

  constructor(
    private readonly host: EventTarget,
    private readonly options: {
      readonly source: () => SessionListSource | null;
      readonly view: () => SessionListView;
      readonly sort: () => SessionSort;
      /** The search as typed, kept by the sidebar when no store keeps it. */
      readonly typed: (value: string) => void;
    },
  ) {}

  input(event: InputEvent): void {
    const value = (event.target as HTMLInputElement).value;
    this.host.dispatchEvent(new ChatListSearchEvent(value));
    const source = this.options.source();
    if (source) source.setSearch(value);
    else this.options.typed(value);
  }

  keydown(event: KeyboardEvent): void {
    const input = event.target as HTMLInputElement;
    if (event.key === 'Enter') {
      event.preventDefault();
      void this.options.source()?.flushSearch();
    } else if (event.key === 'Escape' && input.value !== '') {
      event.preventDefault();
      event.stopPropagation();
      input.value = '';
      this.host.dispatchEvent(new ChatListSearchEvent(''));
      const source = this.options.source();
      if (source) {
        source.setSearch('');
        void source.flushSearch();
      } else {
        this.options.typed('');
      }
    }
  }

  toggleSort(): void {
    const next: SessionSort = this.options.sort() === 'attention' ? 'recent' : 'attention';
    this.host.dispatchEvent(new ChatListSortChangeEvent(next));
    void this.options.source()?.setSort(next);
  }

  /** Asks for the next page when there is one and nothing is loading or failed, once per list. */
  more(): void {
    const view = this.options.view();
    if (!view.hasMore || view.loading || view.loadingMore || view.error) return;
    if (this.moreAskedFor === view.items) return;
    this.moreAskedFor = view.items;
    this.host.dispatchEvent(new ChatListLoadMoreEvent(view.tab, view.items.length));
    void this.options.source()?.loadMore();
  }

  /** Retries what failed: the next page when some sessions are shown, else the whole list. */
  retry(): void {
    const view = this.options.view();
    const source = this.options.source();
    this.host.dispatchEvent(new ChatListRetryEvent(view.tab));
    if (!source) return;
    source.clearError?.();
    void (view.items.length > 0 && view.loaded ? source.loadMore() : source.load());
  }
}
