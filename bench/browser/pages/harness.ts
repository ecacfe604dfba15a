// The page side of the browser benchmark: what run.ts calls through `page.evaluate`. Every
// variant (the sidebar, the Lit `repeat` list, the hand-built DOM list) implements
// `ListUnderTest`; the harness generates the data, times the work in the page with
// `performance.now()`, and decides when the screen shows the result.
//
// "Shown" means: a frame has been produced (we are past requestAnimationFrame and the frame's
// style, layout and paint) in which the list's viewport is filled with rendered cards, and
// each of them shows the session the store has at its position, with its unread badge.
import { listTabOf, sessionComparator, type ListTab, type Session } from '@chat-sessions/sdk';
import type { SessionListView } from '../../../src/controllers/session-list-source.js';
import {
  decodeSessions,
  NOW,
  unreadBadge,
  type BrokerSessions,
  type IncomingChange,
} from './fixture.js';
import { InMemorySessionList } from './session-list.js';

/** A card in the list's viewport, and what it shows. */
export interface VisibleRow {
  readonly id: string;
  /** Its index in the list (0 = first). */
  readonly position: number;
  /** The unread badge's text ('' without one). */
  readonly badge: string;
}

/** What the list's viewport shows right now. */
export interface Viewport {
  /** The cards in the viewport, in list order. */
  readonly rows: readonly VisibleRow[];
  /** Every card in the viewport has rendered, and they fill it (or reach the end of the list). */
  readonly complete: boolean;
}

/** A list implementation under measurement. */
export interface ListUnderTest {
  /** Starts rendering the store's list into `box`. */
  mount(box: HTMLElement, list: InMemorySessionList): void;
  unmount(): void;
  /** What a broker choosing another tab does (the sidebar: a click on the tab). */
  showTab(tab: ListTab, list: InMemorySessionList): void;
  viewport(): Viewport;
  /** Anything besides the rows that must show the store's view (tab counts, unread total). */
  showsView?(view: SessionListView): boolean;
  /** Every row of the list against `expected`; the problems found (empty: none). */
  verify(
    expected: readonly Session[],
    view: SessionListView,
    around: readonly number[],
  ): Promise<string[]>;
}

/** Resolves in the first task after the next frame was produced, with the time then. */
export function afterNextFrame(): Promise<number> {
  return new Promise((resolve) => {
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        channel.port1.close();
        resolve(performance.now());
      };
      channel.port2.postMessage(null);
    });
  });
}

/** Waits until the page is quiet: a few frames, then an idle period. */
export async function settle(): Promise<void> {
  for (let frame = 0; frame < 3; frame += 1) await afterNextFrame();
  await new Promise((resolve) => requestIdleCallback(() => resolve(null), { timeout: 250 }));
  await afterNextFrame();
}

/** Problems with a viewport against the list it should show (empty: it shows it). */
export function viewportProblems(
  rows: readonly VisibleRow[],
  expected: readonly Session[],
): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  rows.forEach((row, index) => {
    const session = expected[row.position];
    if (seen.has(row.id)) problems.push(`session ${row.id} shown twice`);
    seen.add(row.id);
    if (index > 0 && row.position !== rows[index - 1]!.position + 1) {
      problems.push(`rows ${rows[index - 1]!.position + 1} and ${row.position + 1} are adjacent`);
    }
    if (!session) problems.push(`row ${row.position + 1} shown, past the end (${expected.length})`);
    else if (session.id !== row.id)
      problems.push(`row ${row.position + 1} shows ${row.id}, expected ${session.id}`);
    else if (unreadBadge(session) !== row.badge) {
      problems.push(
        `row ${row.position + 1} badge "${row.badge}", expected "${unreadBadge(session)}"`,
      );
    }
  });
  return problems;
}

/** Every node in `root` and, recursively, in every shadow root inside it. */
export function deepNodeCount(root: Node): number {
  let count = 0;
  const visit = (node: Node): void => {
    count += 1;
    if (node instanceof Element && node.shadowRoot) visit(node.shadowRoot);
    for (let child = node.firstChild; child; child = child.nextSibling) visit(child);
  };
  visit(root);
  return count;
}

/**
 * The start of a timed action: its time, and a `bench:start` mark for run.ts to find in the
 * trace it records meanwhile (bench/browser/trace.ts). Earlier marks are cleared first, so the
 * timeline holds one.
 */
function startMark(): number {
  performance.clearMarks();
  const start = performance.now();
  performance.mark('bench:start');
  return start;
}

function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

const SHOW_TIMEOUT_MS = 60_000;

/** The API run.ts drives. Times are in milliseconds. */
export class BenchPage {
  private sessions: BrokerSessions | null = null;
  private changes: readonly IncomingChange[] = [];
  private store: InMemorySessionList | null = null;
  /** The list as it was before the burst, to check the burst's result against. */
  private beforeBurst: SessionListView | null = null;
  private readonly box: HTMLElement;

  constructor(private readonly list: ListUnderTest) {
    this.box = document.getElementById('box')!;
  }

  /**
   * Loads the broker's sessions and the burst for `size` (generated and parsed by the SDK's
   * schema once, by run.ts) into a store showing `tab`; nothing rendered yet.
   */
  async prepare(
    size: number,
    tab: ListTab = 'active',
  ): Promise<{ active: number; completed: number; changes: number }> {
    const response = await fetch(`./sessions-${size}.json`);
    if (!response.ok) throw new Error(`no generated sessions for ${size}`);
    const data = decodeSessions(await response.json());
    this.sessions = data.sessions;
    this.changes = data.changes;
    this.store = new InMemorySessionList(this.sessions, tab);
    return {
      active: this.sessions.active.length,
      completed: this.sessions.completed.length,
      changes: this.changes.length,
    };
  }

  private get source(): InMemorySessionList {
    if (!this.store) throw new Error('call prepare(size) first');
    return this.store;
  }

  /**
   * Waits for the first frame (once `ready()`) whose viewport shows `expected`: filled with
   * rendered cards, each the session at its position, with its badge, and whatever else the list
   * shows of the store (`showsView`). Resolves with the time just after that frame.
   */
  private async untilShown(
    expected: () => readonly Session[],
    ready: () => boolean = () => true,
  ): Promise<number> {
    const deadline = performance.now() + SHOW_TIMEOUT_MS;
    for (;;) {
      const at = await afterNextFrame();
      if (ready()) {
        const { rows, complete } = this.list.viewport();
        const items = expected();
        if (
          complete &&
          rows.length > 0 &&
          viewportProblems(rows, items).length === 0 &&
          (this.list.showsView?.(this.source.getSnapshot()) ?? true)
        ) {
          return at;
        }
      }
      if (at > deadline) {
        const { rows, complete } = this.list.viewport();
        const shows = this.list.showsView?.(this.source.getSnapshot()) ?? true;
        throw new Error(
          `the list never showed what the store holds (complete: ${complete}, ${rows.length} rows, counts and unread shown: ${shows}): ${viewportProblems(rows, expected()).slice(0, 3).join('; ') || (rows.length ? 'the rows match' : 'no rows')}`,
        );
      }
    }
  }

  /** Waits until the page is quiet; run.ts calls it before each timed action. */
  async quiet(): Promise<void> {
    await settle();
  }

  /** Mounts the list and times until its first screen of cards is shown (after a `gc()`). */
  async firstRender(): Promise<number> {
    const store = this.source;
    collectGarbage();
    await afterNextFrame();
    const start = startMark();
    this.list.mount(this.box, store);
    const shown = await this.untilShown(() => store.getSnapshot().items);
    return shown - start;
  }

  /** Switches from the Active to the Completed tab; times until the Completed list is shown (after a `gc()`). */
  async switchTab(): Promise<number> {
    const store = this.source;
    const completed = store.itemsOf('completed');
    collectGarbage();
    await afterNextFrame();
    const start = startMark();
    this.list.showTab('completed', store);
    const shown = await this.untilShown(
      () => completed,
      () => store.getSnapshot().tab === 'completed',
    );
    return shown - start;
  }

  /**
   * Delivers the 50 incoming changes as 50 tasks in a row (as a change feed pushing rows one by
   * one would), and times until a frame shows the list, its counts and its badges as they are
   * after all 50 (after a `gc()`).
   */
  async burst(): Promise<number> {
    const store = this.source;
    const changes = this.changes;
    this.beforeBurst = store.getSnapshot();
    collectGarbage();
    await afterNextFrame();
    let received = 0;
    const feed = new MessageChannel();
    feed.port1.onmessage = (event: MessageEvent<number>) => {
      store.receive(changes[event.data]!.session);
      received += 1;
    };
    const start = startMark();
    for (let index = 0; index < changes.length; index += 1) feed.port2.postMessage(index);
    const shown = await this.untilShown(
      () => store.getSnapshot().items,
      () => received === changes.length,
    );
    feed.port1.close();
    return shown - start;
  }

  /** After the burst: the whole list against the store, for dropped or duplicated rows. */
  async checkBurst(): Promise<{ problems: string[]; checkedPositions: number }> {
    const before = this.beforeBurst;
    if (!before) throw new Error('call burst() first');
    const view = this.source.getSnapshot();
    const problems = this.storeProblems(before, view);
    const around = this.positionsToCheck(before.items, view.items);
    problems.push(...(await this.list.verify(view.items, view, around)));
    return { problems, checkedPositions: around.length };
  }

  /**
   * The store's result must be right before the list is judged against it: the sessions the
   * changes leave on the tab (replayed here on plain ids), each once, in the SDK's order.
   */
  private storeProblems(before: SessionListView, after: SessionListView): string[] {
    const problems: string[] = [];
    const expected = new Set(before.items.map((session) => session.id));
    for (const { session } of this.changes) {
      if (listTabOf(session) === after.tab) expected.add(session.id);
      else expected.delete(session.id);
    }
    const listed = new Set(after.items.map((session) => session.id));
    if (listed.size !== after.items.length) problems.push('store: a session listed twice');
    if (listed.size !== expected.size || [...expected].some((id) => !listed.has(id))) {
      problems.push(`store: ${listed.size} sessions listed, ${expected.size} expected`);
    }
    const compare = sessionComparator(after.tab, after.sort, NOW);
    if (
      after.items.some(
        (session, index) => index > 0 && compare(after.items[index - 1]!, session) > 0,
      )
    ) {
      problems.push('store: sessions out of order');
    }
    return problems;
  }

  /**
   * Where to look in a virtualized list: the top, the end, where each changed session is now and
   * where it was, and seven places in between. A dropped or duplicated row anywhere shifts every
   * row after it, so the end alone would catch one; the others say where.
   */
  private positionsToCheck(before: readonly Session[], after: readonly Session[]): number[] {
    const changed = new Set(this.changes.map((change) => change.session.id));
    const positions = new Set<number>([0, after.length - 1]);
    for (let eighth = 1; eighth < 8; eighth += 1)
      positions.add(Math.floor((after.length * eighth) / 8));
    after.forEach((session, index) => changed.has(session.id) && positions.add(index));
    before.forEach(
      (session, index) =>
        changed.has(session.id) && positions.add(Math.min(index, after.length - 1)),
    );
    // Rows close together share one screen.
    const sorted = [...positions].sort((a, b) => a - b);
    return sorted.filter((position, index) => index === 0 || position - sorted[index - 1]! > 3);
  }

  /** Nodes in the box, shadow roots included. */
  nodes(): number {
    return deepNodeCount(this.box);
  }

  /** Nodes in the whole document, shadow roots included. */
  documentNodes(): number {
    return deepNodeCount(document);
  }

  unmount(): void {
    this.list.unmount();
  }

  /** How many listeners the store has (each mounted list holds one). */
  storeSubscribers(): number {
    return this.source.subscribers;
  }

  /** Mounts the list, waits until it is shown, unmounts it; `times` times. */
  async mountCycles(times: number): Promise<void> {
    const store = this.source;
    for (let cycle = 0; cycle < times; cycle += 1) {
      this.list.mount(this.box, store);
      await this.untilShown(() => store.getSnapshot().items);
      this.list.unmount();
      await afterNextFrame();
    }
  }
}

declare global {
  interface Window {
    benchPage?: BenchPage;
  }
}

/** Makes the page's list measurable by run.ts. */
export function installBenchPage(list: ListUnderTest): void {
  window.benchPage = new BenchPage(list);
}
