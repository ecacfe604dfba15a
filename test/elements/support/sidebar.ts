import { fixture, html, nextFrame, waitUntil } from '@open-wc/testing';
import { a11ySnapshot, sendKeys } from '@web/test-runner-commands';
import '../../../src/chat-sidebar/define.js';
import type { ChatSidebar } from '../../../src/chat-sidebar/chat-sidebar.js';
import type { SessionListView } from '../../../src/controllers/session-list-source.js';
import type { Session } from '../../../packages/sdk/src/models/session.js';
import { ManualClock } from './manual-clock.js';
import { flightRequest, generalChat, MINUTE, NOW } from './sessions.js';

export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** A snapshot of the store's shape, as plain data: loaded, on the Active tab, recent order. */
export function listSnapshot(
  items: readonly Session[],
  overrides: Partial<SessionListView> = {},
): SessionListView {
  return {
    tab: 'active',
    sort: 'recent',
    search: '',
    searchInput: '',
    items,
    tabCounts: { active: items.length, completed: 0, archived: 0, trash: 0 },
    unread: items.reduce((sum, session) => sum + session.unreadCount, 0),
    hasMore: false,
    loading: false,
    loadingMore: false,
    loaded: true,
    error: null,
    ...overrides,
  };
}

/**
 * `count` sessions, newest first, alternating flight requests and general chats, one every
 * `spacing` ms back from "now" (so the first ones fall under Today).
 */
export function manySessions(count: number, spacing = 7 * MINUTE, from = 0): Session[] {
  return Array.from({ length: count }, (_, index) => {
    const at = new Date(NOW - (from + index) * spacing).toISOString();
    const n = from + index;
    return n % 2 === 0
      ? flightRequest({ title: `Request ${n}`, lastActivityAt: at, unreadCount: n % 3 })
      : generalChat({ title: `Chat ${n}`, lastActivityAt: at, unreadCount: 0 });
  });
}

export interface RenderOptions {
  width?: number;
  height?: number;
  selected?: string;
  clock?: ManualClock;
}

/**
 * A sidebar showing plain data, in a box of the given size, at the specs' fixed "now". The box
 * is pinned to the top left of the page: a virtualizer renders only what is inside the viewport,
 * so a sidebar pushed below the fold (by an earlier fixture) would render no card at all.
 */
export async function renderSidebar(
  snapshot: Partial<SessionListView> | null,
  options: RenderOptions = {},
): Promise<ChatSidebar> {
  const wrapper = await fixture<HTMLDivElement>(html`
    <div
      style="position: fixed; top: 0; left: 0; z-index: 1; width: ${options.width ?? 360}px;
        height: ${options.height ?? 560}px; display: flex; background: white"
    >
      <chat-sidebar
        style="flex: 1 1 auto"
        locale="en-GB"
        selected=${options.selected ?? ''}
        undo-timeout="0"
        .clock=${options.clock ?? new ManualClock(NOW)}
        .snapshot=${snapshot}
      ></chat-sidebar>
    </div>
  `);
  const sidebar = wrapper.querySelector('chat-sidebar')!;
  await settle(sidebar);
  return sidebar;
}

/** Waits for the sidebar's update and the virtualizer's layout to settle. */
export async function settle(sidebar: ChatSidebar): Promise<void> {
  await sidebar.updateComplete;
  for (let frame = 0; frame < 4; frame += 1) await nextFrame();
  await sidebar.updateComplete;
}

export function shadow(sidebar: ChatSidebar): ShadowRoot {
  return sidebar.shadowRoot!;
}

export function $(sidebar: ChatSidebar, selector: string): HTMLElement | null {
  return shadow(sidebar).querySelector<HTMLElement>(selector);
}

export function $$(sidebar: ChatSidebar, selector: string): HTMLElement[] {
  return [...shadow(sidebar).querySelectorAll<HTMLElement>(selector)];
}

/** The cards rendered (in DOM order). */
export function cards(sidebar: ChatSidebar): HTMLElement[] {
  return $$(sidebar, '[data-session-id]');
}

export function card(sidebar: ChatSidebar, id: string): HTMLElement | null {
  return $(sidebar, `[data-session-id="${id}"]`);
}

/** The session id of the focused card, or null. */
export function focusedId(sidebar: ChatSidebar): string | null {
  const active = shadow(sidebar).activeElement as HTMLElement | null;
  return active?.dataset['sessionId'] ?? null;
}

export async function waitForFocus(
  sidebar: ChatSidebar,
  id: string,
  message?: string,
): Promise<void> {
  await waitUntil(
    () => focusedId(sidebar) === id,
    message ?? `card ${id} never got focus (focused: ${focusedId(sidebar)})`,
    {
      timeout: 3000,
    },
  );
}

/** Every node in the element and, recursively, in every shadow root inside it. */
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

export function textOf(element: Element | null): string {
  return (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** A node of Chromium's accessibility tree (what puppeteer's snapshot reports). */
export interface AccessibleTreeNode {
  role: string;
  name?: string;
  description?: string;
  selected?: boolean;
  focused?: boolean;
  multiselectable?: boolean;
  children?: AccessibleTreeNode[];
}

/**
 * Chromium's accessibility tree of the whole page (shadow roots flattened, as assistive
 * technology gets it), and every node in it that matches.
 */
export async function accessibleNodes(
  match: (node: AccessibleTreeNode) => boolean,
): Promise<AccessibleTreeNode[]> {
  // eslint-disable-next-line @typescript-eslint/no-confusing-void-expression -- typed void, resolves with the snapshot
  const tree = (await a11ySnapshot({})) as unknown as AccessibleTreeNode;
  const found: AccessibleTreeNode[] = [];
  const visit = (node: AccessibleTreeNode): void => {
    if (match(node)) found.push(node);
    node.children?.forEach(visit);
  };
  visit(tree);
  return found;
}

/**
 * What a host page without the SDK store does with the sidebar's events: it keeps the list of
 * sessions and applies what the broker asked for (delete and archive remove a session from the
 * Active tab, restore puts it back where it was), as plain data. Every event is recorded.
 */
export class PlainHost {
  readonly events: Event[] = [];
  private readonly removed = new Map<string, { session: Session; index: number }>();

  constructor(
    readonly sidebar: ChatSidebar,
    public items: Session[],
    private readonly extra: Partial<SessionListView> = {},
  ) {
    for (const name of [
      'chat-session-select',
      'chat-session-action',
      'chat-session-rename',
      'chat-session-pin',
      'chat-session-mark-read',
      'chat-session-delete-request',
      'chat-session-delete',
      'chat-session-restore',
      'chat-session-create',
    ]) {
      sidebar.addEventListener(name, (event) => this.handle(event));
    }
    this.show();
  }

  /** The recorded events of one type. */
  of<T extends Event>(type: string): T[] {
    return this.events.filter((event) => event.type === type) as T[];
  }

  /** Replaces the sessions (as a change from elsewhere would) and shows them. */
  set(items: Session[]): void {
    this.items = items;
    this.show();
  }

  private show(): void {
    this.sidebar.snapshot = listSnapshot(this.items, this.extra);
  }

  private handle(event: Event): void {
    this.events.push(event);
    const detail = event as Event & { session?: Session; action?: string };
    const session = detail.session;
    if (!session) return;
    if (
      event.type === 'chat-session-delete' ||
      (event.type === 'chat-session-action' && detail.action === 'archive')
    ) {
      const index = this.items.findIndex((item) => item.id === session.id);
      if (index < 0) return;
      this.removed.set(session.id, { session, index });
      this.set(this.items.filter((item) => item.id !== session.id));
    } else if (event.type === 'chat-session-restore') {
      const entry = this.removed.get(session.id);
      if (!entry) return;
      const items = [...this.items];
      items.splice(entry.index, 0, entry.session);
      this.set(items);
    }
  }
}

/**
 * Presses a key or a combination (`Shift+Tab`, `Control+a`) with real key events: modifiers go
 * down, the key is pressed, modifiers come up.
 */
export async function pressKeys(combination: string): Promise<void> {
  const keys = combination === '+' ? ['+'] : combination.split('+');
  const key = keys.pop()!;
  for (const modifier of keys) await sendKeys({ down: modifier });
  await sendKeys({ press: key });
  for (const modifier of keys.reverse()) await sendKeys({ up: modifier });
}
