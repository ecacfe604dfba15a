import type { SessionSort } from '../inputs.js';
import { listTabOf, type ListTab } from '../lifecycle.js';
import type { Session } from '../models/session.js';

/**
 * The list's order and filters, mirrored from `chat.list_sessions` so a store can place a row
 * it learned about (from the change feed, or optimistically) exactly where the server would.
 */

/**
 * A timestamp as microseconds since the epoch. PostgreSQL keeps microseconds, and rows created
 * within the same millisecond must still order as the server orders them.
 */
export function timestampMicros(value: string): number {
  const millis = Date.parse(value);
  if (Number.isNaN(millis)) return 0;
  const fraction = /\.(\d+)/.exec(value)?.[1] ?? '';
  const subMillis = Number((fraction + '000000').slice(3, 6));
  return millis * 1000 + subMillis;
}

/** The text search matches, as the generated column `search_text` builds it. */
export function searchTextOf(
  session: Pick<Session, 'title' | 'legs' | 'lastMessagePreview'>,
): string {
  const airports = session.legs.map((leg) => `${leg.from} ${leg.to}`).join(' ');
  return `${session.title} ${airports} ${session.lastMessagePreview ?? ''}`.toLowerCase();
}

/** True when `session` belongs in `tab` and matches `search` (case-insensitive substring). */
export function matchesQuery(session: Session, tab: ListTab, search: string): boolean {
  if (listTabOf(session) !== tab) return false;
  const needle = search.trim().toLowerCase();
  return needle === '' || searchTextOf(session).includes(needle);
}

function utcDate(millis: number, plusDays = 0): string {
  return new Date(millis + plusDays * 86_400_000).toISOString().slice(0, 10);
}

/**
 * The "needs attention" bucket: 0 unread operator replies, 1 departing within 48 hours (today
 * to today + 2, UTC), 2 paused and due to resume, 3 the rest.
 */
export function attentionBucket(session: Session, now: number): 0 | 1 | 2 | 3 {
  if (session.unreadCount > 0) return 0;
  if (
    session.departsOn !== null &&
    session.departsOn >= utcDate(now) &&
    session.departsOn <= utcDate(now, 2)
  )
    return 1;
  if (
    session.status === 'paused' &&
    session.resumeAt !== null &&
    Date.parse(session.resumeAt) <= now
  )
    return 2;
  return 3;
}

function compareDescending(a: number | string, b: number | string): number {
  return a === b ? 0 : a > b ? -1 : 1;
}

/**
 * A comparator placing sessions as the server lists them for a tab and order: negative when
 * `a` comes first. Ties end on the id, so the order is total.
 */
export function sessionComparator(
  tab: ListTab,
  sort: SessionSort,
  now: number,
): (a: Session, b: Session) => number {
  const byRecent = (a: Session, b: Session) =>
    compareDescending(Number(a.pinned), Number(b.pinned)) ||
    compareDescending(timestampMicros(a.lastActivityAt), timestampMicros(b.lastActivityAt)) ||
    compareDescending(a.id, b.id);
  if (tab === 'trash') {
    return (a, b) =>
      compareDescending(timestampMicros(a.deletedAt ?? ''), timestampMicros(b.deletedAt ?? '')) ||
      compareDescending(a.id, b.id);
  }
  if (sort === 'recent') return byRecent;
  return (a, b) => {
    const bucketA = attentionBucket(a, now);
    const bucketB = attentionBucket(b, now);
    if (bucketA !== bucketB) return bucketA - bucketB;
    if (bucketA === 3) return byRecent(a, b);
    return (
      compareDescending(timestampMicros(a.lastActivityAt), timestampMicros(b.lastActivityAt)) ||
      compareDescending(a.id, b.id)
    );
  };
}
