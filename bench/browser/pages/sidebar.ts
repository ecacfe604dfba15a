// Variant under test: <chat-sidebar> itself (its own virtual list), given the
// list as its `store`, as a host with its own SessionListStore would.
import { ReactiveElement } from 'lit';
import {
  virtualListRef,
  type VirtualListScroller,
} from '../../../src/chat-sidebar/virtual-list-events.js';
import type { ListTab, Session } from '@chat-sessions/sdk';
import '../../../src/chat-sidebar/define.js';
import type { ChatSidebar } from '../../../src/chat-sidebar/chat-sidebar.js';
import { buildRows } from '../../../src/chat-sidebar/rows.js';
import type { SessionListView } from '../../../src/controllers/session-list-source.js';
import { NOW, frozenClock } from './fixture.js';
import {
  afterNextFrame,
  installBenchPage,
  viewportProblems,
  type ListUnderTest,
  type Viewport,
  type VisibleRow,
} from './harness.js';
import type { InMemorySessionList } from './session-list.js';

/** Most space between two rows of the list (its cards' margins); an edge there is still filled. */
const ROW_GAP_PX = 12;

function rendered(element: Element): boolean {
  return !(element instanceof ReactiveElement) || (element.hasUpdated && !element.isUpdatePending);
}

function digits(text: string | null | undefined): string {
  return (text ?? '').replace(/\D/g, '');
}

class SidebarUnderTest implements ListUnderTest {
  private sidebar: ChatSidebar | null = null;

  mount(box: HTMLElement, list: InMemorySessionList): void {
    const sidebar = document.createElement('chat-sidebar');
    sidebar.style.flex = '1 1 auto';
    sidebar.locale = 'en-GB';
    sidebar.clock = frozenClock;
    sidebar.store = list;
    box.append(sidebar);
    this.sidebar = sidebar;
  }

  unmount(): void {
    this.sidebar?.remove();
    this.sidebar = null;
  }

  showTab(tab: ListTab): void {
    this.sidebar?.shadowRoot?.querySelector<HTMLElement>(`#tab-${tab}`)?.click();
  }

  private listbox(): VirtualListScroller | null {
    return this.sidebar?.shadowRoot?.querySelector<VirtualListScroller>('[role="listbox"]') ?? null;
  }

  viewport(): Viewport {
    const sidebar = this.sidebar;
    const scroller = this.listbox();
    if (!sidebar || !scroller || !rendered(sidebar)) return { rows: [], complete: false };
    const box = scroller.getBoundingClientRect();
    const rows: VisibleRow[] = [];
    let complete = true;
    let bottom = -Infinity;
    let setSize = 0;
    for (const card of scroller.querySelectorAll<HTMLElement>('[data-session-id]')) {
      const rect = card.getBoundingClientRect();
      // A card starting just below the edge: the space above it is the gap between cards.
      if (rect.height > 0 && rect.top >= box.bottom && rect.top - box.bottom <= ROW_GAP_PX)
        bottom = Math.max(bottom, box.bottom);
      if (rect.height === 0 || rect.bottom <= box.top || rect.top >= box.bottom) continue;
      if (!rendered(card)) complete = false;
      bottom = Math.max(bottom, rect.bottom);
      setSize = Number(card.getAttribute('aria-setsize'));
      rows.push({
        id: card.dataset['sessionId']!,
        position: Number(card.getAttribute('aria-posinset')) - 1,
        badge: card.shadowRoot?.querySelector('[part~="unread-badge"]')?.textContent?.trim() ?? '',
      });
    }
    // A group heading may be what reaches the bottom edge (the cards above it fill the rest).
    for (const heading of scroller.querySelectorAll<HTMLElement>('.group-heading')) {
      const rect = heading.getBoundingClientRect();
      if (rect.height > 0 && rect.top < box.bottom && rect.bottom > box.top)
        bottom = Math.max(bottom, rect.bottom);
    }
    rows.sort((a, b) => a.position - b.position);
    const last = rows.at(-1);
    complete &&= last !== undefined && (bottom >= box.bottom - 1 || last.position === setSize - 1);
    return { rows, complete };
  }

  showsView(view: SessionListView): boolean {
    const root = this.sidebar?.shadowRoot;
    if (!root) return false;
    const count = (tab: string) =>
      digits(root.querySelector(`#tab-${tab} [part~="tab-count"]`)?.textContent);
    const total = digits(root.querySelector('[part~="unread-total"]')?.textContent);
    return (
      count('active') === String(view.tabCounts?.active ?? '') &&
      count('completed') === String(view.tabCounts?.completed ?? '') &&
      total === (view.unread > 0 ? String(view.unread) : '')
    );
  }

  async verify(
    expected: readonly Session[],
    view: SessionListView,
    around: readonly number[],
  ): Promise<string[]> {
    const problems: string[] = [];
    if (!this.showsView(view)) problems.push('tab counts or unread total differ from the store');
    const scroller = this.listbox();
    const virtualList = scroller?.[virtualListRef];
    if (!scroller || !virtualList) return [...problems, 'no virtualized list'];
    // The sidebar's own row model (group headings between sessions) gives each session's row.
    const { rowIndex } = buildRows(expected, view.sort, NOW, false);
    for (const position of around) {
      const row = rowIndex.get(expected[position]!.id)!;
      let found: Viewport | null = null;
      for (let frame = 0; frame < 120 && !found; frame += 1) {
        virtualList.scrollToIndex(row, 'center');
        await afterNextFrame();
        const shown = this.viewport();
        if (shown.complete && shown.rows.some((visible) => visible.position === position))
          found = shown;
      }
      if (!found) {
        const shown = this.viewport();
        problems.push(
          `row ${position + 1} never came into view (shown: ${shown.rows.map((row) => row.position + 1).join(',') || 'none'}, complete: ${shown.complete})`,
        );
        continue;
      }
      problems.push(...viewportProblems(found.rows, expected));
      const setSize = scroller.querySelector('[data-session-id]')?.getAttribute('aria-setsize');
      if (setSize !== String(expected.length))
        problems.push(`aria-setsize ${setSize}, expected ${expected.length}`);
    }
    scroller.scrollTop = 0;
    return [...new Set(problems)];
  }
}

installBenchPage(new SidebarUnderTest());
