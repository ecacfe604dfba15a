import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { SearchCounts } from '@chat-sessions/sdk';
import type { SessionListSource, SessionListView } from '../controllers/session-list-source.js';
import type { SidebarTab } from './strings.js';

/**
 * The tabs' match counts while a search is applied: "ACK" typed on Active shows "Completed 1",
 * so a match in another tab is visible. Asks the list source (`searchCounts`, the database's
 * `chat.search_counts`) again when the search or the list changes; an answer for an older
 * search is dropped. Sources without `searchCounts` (plain data) keep the usual totals.
 */
export class SearchCountsController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #source: () => SessionListSource | null;
  #search = '';
  #basis: readonly unknown[] = [];
  #ticket = 0;
  #counts: SearchCounts | null = null;
  #countsFor = '';

  constructor(host: ReactiveControllerHost, source: () => SessionListSource | null) {
    this.#host = host;
    this.#source = source;
    host.addController(this);
  }

  hostDisconnected(): void {
    // A late answer must not update a detached element; reconnecting asks again.
    this.#ticket += 1;
    this.#search = '';
    this.#basis = [];
  }

  /** Whether the tabs show match counts (a search is applied and the source can count). */
  get active(): boolean {
    return this.#search !== '';
  }

  /** Call from `willUpdate` with the view about to render. */
  sync(view: SessionListView): void {
    const source = this.#source();
    const search = source?.searchCounts ? view.search.trim() : '';
    const basis = [source, view.tabCounts, view.items];
    if (search === this.#search && basis.every((part, index) => part === this.#basis[index])) {
      return;
    }
    this.#search = search;
    this.#basis = basis;
    const ticket = ++this.#ticket;
    if (search === '' || !source?.searchCounts) return;
    void source.searchCounts(search).then(
      (result) => this.#answer(ticket, search, result.data ?? null),
      () => this.#answer(ticket, search, null),
    );
  }

  /** The matches in `tab` for the applied search, or undefined while unknown. */
  count(tab: SidebarTab): number | undefined {
    if (!this.active || this.#countsFor !== this.#search || this.#counts === null) return undefined;
    return this.#counts[tab];
  }

  #answer(ticket: number, search: string, counts: SearchCounts | null): void {
    if (ticket !== this.#ticket) return;
    this.#counts = counts;
    this.#countsFor = search;
    this.#host.requestUpdate();
  }
}
