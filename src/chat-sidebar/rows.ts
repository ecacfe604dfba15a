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

/** Where each session of a list is: its index, by id (a `Map` fits). */
export interface SessionLookup {
  get(id: string): number | undefined;
  has(id: string): boolean;
}

/** The rows of a list, and where each session is. */
export interface SidebarRows {
  /**
   * The rows, in order. An array to read by index: each row is made when first read, so a list
   * of 10 000 sessions costs what the rows on screen cost.
   */
  readonly rows: readonly SidebarRow[];
  /** Session id → index in `rows`. */
  readonly rowIndex: SessionLookup;
  /** Session id → index among the sessions (`items`). */
  readonly position: SessionLookup;
  /** Row key → index in `rows`, if the row is there. */
  readonly indexOfKey: (key: string) => number | undefined;
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
 * A key that changes when the date groups may change: at the viewer's local midnight. The rows
 * are rebuilt when it does, not on every clock tick.
 */
export function dayKey(now: number): number {
  return Math.floor(localMidnight(now, 0) / DAY_MS);
}

/** Where each heading comes in the recent order. */
const GROUP_RANK: Readonly<Record<SessionGroup, number>> = {
  pinned: 0,
  today: 1,
  yesterday: 2,
  previous7Days: 3,
  older: 4,
};

/** How many distinct ids a lookup finds by scanning the list before it indexes every session. */
const SCANS_BEFORE_INDEX = 8;

/**
 * Session id → index, without indexing 10 000 sessions up front: the first few ids asked for
 * (the open session, the tab stop) are found by a scan and remembered; past that, every
 * session is indexed once.
 */
class PositionLookup implements SessionLookup {
  private index: Map<string, number> | null = null;
  private readonly scanned = new Map<string, number>();

  constructor(private readonly items: readonly Session[]) {}

  get(id: string): number | undefined {
    const found = this.find(id);
    return found < 0 ? undefined : found;
  }

  has(id: string): boolean {
    return this.find(id) >= 0;
  }

  private find(id: string): number {
    if (this.index) return this.index.get(id) ?? -1;
    const known = this.scanned.get(id);
    if (known !== undefined) return known;
    if (this.scanned.size < SCANS_BEFORE_INDEX) {
      const found = this.items.findIndex((session) => session.id === id);
      this.scanned.set(id, found);
      return found;
    }
    this.index = new Map(this.items.map((session, position) => [session.id, position]));
    return this.index.get(id) ?? -1;
  }
}

/** A heading and the first session under it. */
interface GroupStart {
  readonly group: SessionGroup;
  readonly key: string;
  /** Index in `items` of the group's first session. */
  readonly first: number;
}

/**
 * The groups of a list in the recent order (pinned first, then by last activity, newest first),
 * found by binary search: the list is in that order, so each group is one run of it. A last
 * activity falls in a date group by calendar day in the viewer's time zone: today (or later, for
 * a clock running ahead), yesterday, the rest of the 7 days before today (2 to 7 days ago), or
 * older.
 */
function groupStarts(items: readonly Session[], now: number): GroupStart[] {
  // Midnights once, not per session: local midnight today, yesterday and 7 days ago.
  const today = localMidnight(now, 0);
  const yesterday = localMidnight(now, 1);
  const weekAgo = localMidnight(now, 7);
  const groupAt = (index: number): SessionGroup => {
    const session = items[index];
    if (!session) return 'older';
    if (session.pinned) return 'pinned';
    const at = Date.parse(session.lastActivityAt);
    if (Number.isNaN(at) || at >= today) return 'today';
    if (at >= yesterday) return 'yesterday';
    return at >= weekAgo ? 'previous7Days' : 'older';
  };
  const starts: GroupStart[] = [];
  const seen = new Map<SessionGroup, number>();
  let from = 0;
  while (from < items.length) {
    const group = groupAt(from);
    const rank = GROUP_RANK[group];
    // The first session past this group.
    let low = from + 1;
    let high = items.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (GROUP_RANK[groupAt(middle)] <= rank) low = middle + 1;
      else high = middle;
    }
    // A list out of order (it shouldn't happen) may show a group twice: keys stay unique.
    const times = seen.get(group) ?? 0;
    seen.set(group, times + 1);
    starts.push({
      group,
      key: times ? `heading:${group}:${times}` : `heading:${group}`,
      first: from,
    });
    from = low;
  }
  return starts;
}

/** An array of `length` rows, each made by `rowAt` when first read (the virtual list reads a screen's worth). */
function lazyRows(length: number, rowAt: (index: number) => SidebarRow): readonly SidebarRow[] {
  const made = new Map<number, SidebarRow>();
  const target: SidebarRow[] = [];
  target.length = length;
  // A Proxy: an array (`Array.isArray`) read by index.
  return new Proxy(target, {
    get(array, property, receiver) {
      if (typeof property === 'string') {
        const code = property.charCodeAt(0);
        if (code >= 48 && code <= 57) {
          const index = Number(property);
          if (Number.isInteger(index) && index < length) {
            let row = made.get(index);
            if (row === undefined) {
              row = rowAt(index);
              made.set(index, row);
            }
            return row;
          }
        }
      }
      return Reflect.get(array, property, receiver) as unknown;
    },
  });
}

/**
 * The rows for a list in the order the store gives. In the recent order, pinned sessions come
 * first under "Pinned" and the rest under their date group; the attention order has no
 * headings (its order is not by date). A trailing placeholder row stands for the page that is
 * loading or still to load.
 *
 * Made in time proportional to the headings, not the sessions: the groups are found by binary
 * search in the store's order, and rows and positions are worked out when asked for. (A list
 * handed over out of the recent order, which the store never gives, shows each session once,
 * under the heading of the run it falls in.)
 */
export function buildRows(
  items: readonly Session[],
  sort: SessionSort,
  now: number,
  more: boolean,
): SidebarRows {
  const starts = sort === 'recent' ? groupStarts(items, now) : [];
  const tail = more && items.length > 0 ? 1 : 0;
  const length = items.length + starts.length + tail;
  const position = new PositionLookup(items);
  /** Headings above the session at `index` in `items`. */
  const headingsAbove = (index: number): number => {
    let count = 0;
    for (const start of starts) {
      if (start.first > index) break;
      count += 1;
    }
    return count;
  };
  const rowAt = (row: number): SidebarRow => {
    // The heading of the g-th group is row `first + g`; its sessions follow it.
    let headings = 0;
    for (const start of starts) {
      if (start.first + headings > row) break;
      if (start.first + headings === row) {
        return { kind: 'heading', key: start.key, group: start.group };
      }
      headings += 1;
    }
    const index = row - headings;
    const session = items[index];
    // Past the sessions: the placeholder.
    if (!session) return { kind: 'more', key: 'more' };
    return { kind: 'session', key: `session:${session.id}`, session, position: index };
  };
  const rowIndex: SessionLookup = {
    get: (id) => {
      const index = position.get(id);
      return index === undefined ? undefined : index + headingsAbove(index);
    },
    has: (id) => position.has(id),
  };
  const indexOfKey = (key: string): number | undefined => {
    if (key.startsWith('session:')) return rowIndex.get(key.slice('session:'.length));
    if (key === 'more') return tail ? length - 1 : undefined;
    const at = starts.findIndex((start) => start.key === key);
    const start = starts[at];
    return start ? start.first + at : undefined;
  };
  return { rows: lazyRows(length, rowAt), rowIndex, position, indexOfKey };
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
