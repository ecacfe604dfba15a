// Baseline: the same cards built by hand with the DOM API, no framework, no shadow roots, no
// virtualization: every session of the tab has its card in the DOM, styled by one document
// stylesheet. Incoming rows are patched in by hand (the card replaced and moved to its new
// index), which is the least work a list showing every card can do.
import type { ListTab, Session } from '@chat-sessions/sdk';
import { NOW } from './fixture.js';
import { installBenchPage, type ListUnderTest, type Viewport } from './harness.js';
import type { InMemorySessionList, ShownListChange } from './session-list.js';
import { allRowsProblems, visibleRowsFrom } from './rows-in-dom.js';

const STYLES = `
  .plain-list {
    flex: 1 1 auto;
    overflow: auto;
    padding: 12px;
    font-family: system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif;
    font-size: 0.875rem;
    line-height: 1.35;
    color: #1d2939;
  }
  .plain-card { margin-bottom: 6px; cursor: pointer; }
  .plain-card .base {
    display: grid; gap: 4px; padding: 10px 12px;
    border: 1px solid #d0d5dd; border-radius: 8px; background: #fff;
  }
  .plain-card .line { display: flex; align-items: center; gap: 6px; min-width: 0; }
  .plain-card .line.spread { justify-content: space-between; gap: 8px; }
  .plain-card .primary { flex: 1 1 auto; min-width: 0; overflow: hidden; font-weight: 600; text-overflow: ellipsis; white-space: nowrap; }
  .plain-card .secondary { min-width: 0; overflow: hidden; color: #667085; text-overflow: ellipsis; white-space: nowrap; }
  .plain-card .arrow { padding: 0 0.25em; color: #667085; font-weight: 400; }
  .plain-card time { flex: none; color: #667085; font-size: 0.8125em; white-space: nowrap; }
  .plain-card .meta { display: flex; flex-wrap: wrap; align-items: center; gap: 4px 8px; color: #667085; font-size: 0.8125em; }
  .plain-card .unread {
    flex: none; min-width: 1.6em; padding: 0 6px; border-radius: 999px; background: #2563eb; color: #fff;
    font-size: 0.75rem; font-weight: 600; line-height: 1.6em; text-align: center;
  }
  .plain-card .stage { padding: 0 6px; border: 1px solid #7c3aed; border-radius: 999px; color: #1d2939; white-space: nowrap; }
  .plain-card .status { padding: 0 5px; border: 1px solid #98a2b3; border-radius: 4px; color: #1d2939; white-space: nowrap; }
`;

const relative = new Intl.RelativeTimeFormat('en-GB', { numeric: 'auto', style: 'short' });
const calendar = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  timeZone: 'UTC',
});

function ago(iso: string): string {
  const minutes = Math.trunc((Date.parse(iso) - NOW) / 60_000);
  if (minutes > -60) return relative.format(minutes, 'minute');
  if (minutes > -1440) return relative.format(Math.trunc(minutes / 60), 'hour');
  if (minutes > -10080) return relative.format(Math.trunc(minutes / 1440), 'day');
  return relative.format(Math.trunc(minutes / 10080), 'week');
}

function element(tag: string, className: string, text?: string): HTMLElement {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function statusText(session: Session): string | null {
  if (session.status === 'active') return null;
  const label = session.status[0]!.toUpperCase() + session.status.slice(1);
  return session.outcome ? `${label} · ${session.outcome}` : label;
}

/** One session's card, by hand. */
function card(session: Session): HTMLElement {
  const root = element('div', 'plain-card');
  root.setAttribute('role', 'option');
  root.setAttribute('aria-selected', 'false');
  root.tabIndex = -1;
  root.dataset['sessionId'] = session.id;
  const base = element('div', 'base');
  const header = element('div', 'line');
  const second = element('div', 'line spread');
  const meta = element('div', 'meta');
  const time = element('time', '', ago(session.lastActivityAt));
  time.setAttribute('datetime', session.lastActivityAt);
  if (session.kind === 'flight_request') {
    const route = element('span', 'primary');
    session.legs.forEach((leg, index) => {
      if (index === 0) route.append(element('span', 'airport', leg.from));
      route.append(element('span', 'arrow', '→'), element('span', 'airport', leg.to));
    });
    if (session.legs.length === 0) route.textContent = session.title;
    header.append(route, time);
    const dates = session.legs
      .map((leg) => leg.date)
      .filter((date): date is string => date !== null);
    const details = element('span', 'secondary');
    details.append(
      element(
        'span',
        '',
        dates.length > 0 ? calendar.format(Date.parse(dates[0]!)) : 'Dates not set',
      ),
    );
    if (session.passengers !== null)
      details.append(element('span', '', ` · ${session.passengers} pax`));
    second.append(details);
    if (session.stage) meta.append(element('span', 'stage', session.stage.replaceAll('_', ' ')));
    if (session.threadCount > 0)
      meta.append(
        element('span', '', `${session.repliedThreadCount}/${session.threadCount} replied`),
      );
  } else {
    header.append(element('span', 'primary', session.title), time);
    second.append(element('span', 'secondary', session.lastMessagePreview ?? 'No messages yet'));
    meta.append(element('span', '', `${session.messageCount} messages`));
  }
  if (session.unreadCount > 0)
    second.append(
      element('span', 'unread', session.unreadCount > 99 ? '99+' : String(session.unreadCount)),
    );
  const status = statusText(session);
  if (status) meta.append(element('span', 'status', status));
  base.append(header, second, meta);
  root.append(base);
  return root;
}

function badgeOf(card: Element): string {
  return card.querySelector('.unread')?.textContent ?? '';
}

class PlainListUnderTest implements ListUnderTest {
  private scroller: HTMLElement | null = null;
  private readonly cards = new Map<string, HTMLElement>();
  private stopFollowing: Array<() => void> = [];
  private shownTab: ListTab | null = null;

  constructor() {
    const style = document.createElement('style');
    style.textContent = STYLES;
    document.head.append(style);
  }

  mount(box: HTMLElement, list: InMemorySessionList): void {
    const scroller = element('div', 'plain-list');
    scroller.setAttribute('role', 'listbox');
    scroller.setAttribute('aria-label', 'Sessions');
    this.scroller = scroller;
    this.showAll(list);
    box.append(scroller);
    this.stopFollowing = [
      list.subscribe(() => {
        if (list.getSnapshot().tab !== this.shownTab) this.showAll(list);
      }),
      list.onShownListChange((change) => this.patch(change)),
    ];
  }

  unmount(): void {
    for (const stop of this.stopFollowing) stop();
    this.stopFollowing = [];
    this.scroller?.remove();
    this.scroller = null;
    this.cards.clear();
  }

  showTab(tab: ListTab, list: InMemorySessionList): void {
    list.setTab(tab);
  }

  private showAll(list: InMemorySessionList): void {
    const scroller = this.scroller!;
    const view = list.getSnapshot();
    this.shownTab = view.tab;
    this.cards.clear();
    const fragment = document.createDocumentFragment();
    for (const session of view.items) {
      const built = card(session);
      this.cards.set(session.id, built);
      fragment.append(built);
    }
    scroller.replaceChildren(fragment);
  }

  /** An incoming row: its card leaves its old place and, rebuilt, takes its new one. */
  private patch({ session, from, to }: ShownListChange): void {
    const scroller = this.scroller!;
    if (from >= 0) {
      this.cards.get(session.id)?.remove();
      this.cards.delete(session.id);
    }
    if (to >= 0) {
      const built = card(session);
      this.cards.set(session.id, built);
      scroller.insertBefore(built, scroller.children[to] ?? null);
    }
  }

  viewport(): Viewport {
    return this.scroller
      ? visibleRowsFrom(this.scroller, () => true, badgeOf)
      : { rows: [], complete: false };
  }

  verify(expected: readonly Session[]): Promise<string[]> {
    return Promise.resolve(
      this.scroller
        ? allRowsProblems(this.scroller, expected, badgeOf)
        : ['the list is not rendered'],
    );
  }
}

installBenchPage(new PlainListUnderTest());
