import type { SessionSort } from '../../inputs.js';
import { listTabOf, type ListTab } from '../../lifecycle.js';
import type { SessionCursor, SessionPage } from '../../models/session-page.js';
import type { Session } from '../../models/session.js';
import { matchesQuery, sessionComparator } from '../session-order.js';

/** The list's query: which rows belong, and in which order. */
export interface ListQuery {
  tab: ListTab;
  sort: SessionSort;
  search: string;
}

/**
 * How much of the current query's keyset order is loaded: the pages read so far end at one
 * row (or the end of the list). Rows past that boundary are not shown (they would be out of
 * order with the page still to come).
 */
export class PagingWindow {
  /** The first page of the current query arrived. */
  loaded = false;
  /** Where the next page starts, or null at the end. */
  cursor: SessionCursor | null = null;
  /** The last row of the last page (the boundary of what is loaded), or null at the end. */
  end: Session | null = null;

  /**
   * Rows the server listed for the current search. The database matches more than the client
   * can (airport names and cities, every message's text), so a row it returned stays shown
   * while it is in the tab, even if `matchesQuery` cannot see why.
   */
  readonly #serverMatched = new Set<string>();

  /** Forgets the pages (a new query, or a reload). */
  reset(): void {
    this.loaded = false;
    this.cursor = null;
    this.end = null;
    this.#serverMatched.clear();
  }

  /** Whether `session` belongs in the query: it matches here, or the server matched it. */
  matches(session: Session, query: ListQuery): boolean {
    if (matchesQuery(session, query.tab, query.search)) return true;
    return this.#serverMatched.has(session.id) && listTabOf(session) === query.tab;
  }

  /** More rows wait after the window. */
  get hasMore(): boolean {
    return this.loaded && this.cursor !== null;
  }

  /** Whether the next page can be asked for. */
  get canLoadMore(): boolean {
    return this.loaded && this.cursor !== null;
  }

  /**
   * Takes a page that starts after `start` (null for the first): keeps its rows in `rows`,
   * forgets cached rows the server would have listed in its range but did not (and that are not
   * newer than the page: the feed brings their new state), and moves the boundary.
   */
  applyPage(
    page: SessionPage,
    start: Session | null,
    query: ListQuery,
    now: number,
    rows: { upsert(session: Session): void; values(): Iterable<Session>; delete(id: string): void },
  ): void {
    const returned = new Set(page.items.map((session) => session.id));
    for (const session of page.items) {
      rows.upsert(session);
      if (query.search.trim() !== '') this.#serverMatched.add(session.id);
    }
    const compare = sessionComparator(query.tab, query.sort, now);
    const end = page.items.at(-1) ?? null;
    for (const row of [...rows.values()]) {
      if (returned.has(row.id) || row.syncVersion > page.version) continue;
      if (!this.matches(row, query)) continue;
      if (start && compare(row, start) <= 0) continue;
      if (page.nextCursor !== null && end && compare(row, end) > 0) continue;
      this.#serverMatched.delete(row.id);
      rows.delete(row.id);
    }
    this.loaded = true;
    this.cursor = page.nextCursor;
    this.end = page.nextCursor === null ? null : end;
  }

  /** The rows to show, in order: those of the query within the window. */
  visible(rows: Iterable<Session>, query: ListQuery, now: number): Session[] {
    const compare = sessionComparator(query.tab, query.sort, now);
    const end = this.loaded ? this.end : null;
    return [...rows]
      .filter(
        (session) => this.matches(session, query) && (end === null || compare(session, end) <= 0),
      )
      .sort(compare);
  }
}
