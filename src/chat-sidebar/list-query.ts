import type { SessionSort } from '@chat-sessions/sdk';
import type { SessionListSource } from '../controllers/session-list-source.js';
import { ChatListSearchEvent, ChatListSortChangeEvent } from '../events.js';

/**
 * The header's search field and sort toggle: each change is announced (`chat-list-search`,
 * `chat-list-sort-change`) and applied to the store, or kept as typed when there is none.
 */
export class ListQuery {
  constructor(
    private readonly host: EventTarget,
    private readonly options: {
      readonly source: () => SessionListSource | null;
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
}
