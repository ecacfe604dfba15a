import type { Session, SessionSort } from '@chat-sessions/sdk';

/** The headings the list is grouped under, in the order they appear. */
export type SessionGroup = 'pinned' | 'today' | 'yesterday' | 'previous7Days' | 'older';

/** One row of the virtualized list: a group heading, a session, or the "loading more" placeholder. */
export type SidebarRow =
  | { readonly kind: 'heading'; readonly key: string; readonly group: SessionGroup }
  | {
      readonly kind: 'session';
      readonly key: string;
      readonly session: Session;
      readonly position: number;
    }
  | { readonly kind: 'more'; readonly key: string };

/** The rows of a list, and where each session is. */
export interface SidebarRows {
  readonly rows: readonly SidebarRow[];
  /** Session id → index in `rows`. */
  readonly rowIndex: ReadonlyMap<string, number>;
  /** Session id → index among the sessions (`items`). */
  readonly position: ReadonlyMap<string, number>;
}

const DAY_MS = 86_400_000;

/** Midnight, in the viewer's time zone, `daysBack` calendar days before the day of `now`. */
function localMidnight(now: number, daysBack: number): number {
  const date = new Date(now);
  date.setHours(0, 0, 0, 0);
  date.setDate(date.getDate() - daysBack);
  return date.getTime();
}

/**
 * The date group of a last activity, by calendar day in the viewer's time zone: today (or
 * later, for a clock running ahead), yesterday, the rest of the 7 days before today (2 to 7
 * days ago), or older.
 */
export function dateGroupOf(lastActivity: number, now: number): Exclude<SessionGroup, 'pinned'> {
  if (Number.isNaN(lastActivity) || lastActivity >= localMidnight(now, 0)) return 'today';
  if (lastActivity >= localMidnight(now, 1)) return 'yesterday';
  if (lastActivity >= localMidnight(now, 7)) return 'previous7Days';
  return 'older';
}

/**
 * A key that changes when the date groups may change: at the viewer's local midnight. The rows
 * are rebuilt when it does, not on every clock tick.
 */
export function dayKey(now: number): number {
  return Math.floor(localMidnight(now, 0) / DAY_MS);
}

/**
 * The rows for a list in the order the store gives. In the recent order, pinned sessions come
 * first under "Pinned" and the rest under their date group; the attention order has no
 * headings (its order is not by date). A trailing placeholder row stands for the page that is
 * loading or still to load.
 */
export function buildRows(
  items: readonly Session[],
  sort: SessionSort,
  now: number,
  more: boolean,
): SidebarRows {
  const rows: SidebarRow[] = [];
  const rowIndex = new Map<string, number>();
  const position = new Map<string, number>();
  const grouped = sort === 'recent';
  const seenGroups = new Map<SessionGroup, number>();
  let previous: SessionGroup | null = null;
  items.forEach((session, index) => {
    if (grouped) {
      const group: SessionGroup = session.pinned
        ? 'pinned'
        : dateGroupOf(Date.parse(session.lastActivityAt), now);
      if (group !== previous) {
        // An order the groups don't follow (it shouldn't happen) still gets unique keys.
        const seen = seenGroups.get(group) ?? 0;
        seenGroups.set(group, seen + 1);
        rows.push({
          kind: 'heading',
          key: seen ? `heading:${group}:${seen}` : `heading:${group}`,
          group,
        });
        previous = group;
      }
    }
    rowIndex.set(session.id, rows.length);
    position.set(session.id, index);
    rows.push({ kind: 'session', key: `session:${session.id}`, session, position: index });
  });
  if (more && items.length > 0) rows.push({ kind: 'more', key: 'more' });
  return { rows, rowIndex, position };
}

/** The ids from `from` to `to` (inclusive, either order) in `items`; empty if either is missing. */
export function idsBetween(items: readonly Session[], from: string, to: string): string[] {
  const start = items.findIndex((session) => session.id === from);
  const end = items.findIndex((session) => session.id === to);
  if (start < 0 || end < 0) return [];
  const [low, high] = start <= end ? [start, end] : [end, start];
  return items.slice(low, high + 1).map((session) => session.id);
}

/** The rows of the last list, rebuilt only when the sessions, order, day or tail changed. */
export class RowsCache {
  rows: SidebarRows = buildRows([], 'recent', 0, false);
  private key: readonly unknown[] = [];

  for(items: readonly Session[], sort: SessionSort, now: number, more: boolean): SidebarRows {
    const key = [items, sort, dayKey(now), more];
    if (key.some((part, index) => part !== this.key[index])) {
      this.key = key;
      this.rows = buildRows(items, sort, now, more);
    }
    return this.rows;
  }
}
