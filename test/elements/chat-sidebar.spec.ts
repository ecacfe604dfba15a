import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { availableActions } from '../../packages/sdk/src/lifecycle.js';
import type { Session } from '../../packages/sdk/src/models/session.js';
import {
  ChatListLoadMoreEvent,
  ChatListRetryEvent,
  ChatListSortChangeEvent,
  ChatSessionCreateEvent,
  ChatSessionSelectEvent,
} from '../../src/events.js';
import { ManualClock } from './support/manual-clock.js';
import { flightRequest, generalChat, NOW } from './support/sessions.js';
import {
  $,
  $$,
  accessibleNodes,
  card,
  cards,
  DAY,
  HOUR,
  listSnapshot,
  manySessions,
  renderSidebar,
  settle,
  shadow,
  textOf,
} from './support/sidebar.js';

const at = (offset: number) => new Date(NOW - offset).toISOString();

describe('<chat-sidebar>', () => {
  describe('states', () => {
    it('shows skeletons (hidden from assistive technology) while the first page loads', async () => {
      const sidebar = await renderSidebar(listSnapshot([], { loaded: false, loading: true }));
      expect($$(sidebar, '[part="skeleton"]').length).to.equal(6);
      expect($(sidebar, '.skeletons')!.getAttribute('aria-hidden')).to.equal('true');
      expect($(sidebar, '[role="tabpanel"]')!.getAttribute('aria-busy')).to.equal('true');
      expect(textOf($(sidebar, '.panel [role="status"]'))).to.equal('Loading sessions…');
      expect($(sidebar, '[role="listbox"]')).to.equal(null);
      // Counts are not facts until the first page arrived.
      expect($$(sidebar, '[part="tab-count"]')).to.have.length(0);
      await expect(sidebar).to.be.accessible();
    });

    it('shows an error with a retry that fires chat-list-retry', async () => {
      const sidebar = await renderSidebar(
        listSnapshot([], {
          loaded: false,
          error: { message: 'The network is unreachable', code: 'network' },
        }),
      );
      const alert = $(sidebar, '[part="error"]')!;
      expect(alert.getAttribute('role')).to.equal('alert');
      expect(textOf(alert)).to.contain("Couldn't load the sessions.");
      // A broker's words, never the exception's text.
      expect(textOf(alert)).to.contain('The connection dropped. It will load again');
      expect(textOf(alert)).not.to.contain('The network is unreachable');
      await expect(sidebar).to.be.accessible();
      setTimeout(() => $(sidebar, '[part="retry-button"]')!.click());
      const event = (await oneEvent(sidebar, 'chat-list-retry')) as unknown as ChatListRetryEvent;
      expect(event).to.be.instanceOf(ChatListRetryEvent);
      expect(event.tab).to.equal('active');
      expect(event.bubbles && event.composed).to.equal(true);
    });

    it('keeps the sessions and offers a retry when a further page fails', async () => {
      const sidebar = await renderSidebar(
        listSnapshot(manySessions(5), { hasMore: true, error: { message: 'timeout' } }),
      );
      expect(cards(sidebar).length).to.equal(5);
      expect(textOf($(sidebar, '[part="error"]'))).to.contain("Couldn't load more sessions.");
      await expect(sidebar).to.be.accessible();
    });

    it('has an empty state per tab, each a slot the host can fill', async () => {
      for (const tab of ['active', 'completed', 'archived'] as const) {
        const sidebar = await renderSidebar(listSnapshot([], { tab }));
        const slot = $(sidebar, '[part="empty"] slot') as HTMLSlotElement;
        expect(slot.name).to.equal(`empty-${tab}`);
        expect(textOf(slot)).to.equal(
          {
            active: 'No active sessions. Start one with New or quick create.',
            completed: 'No completed sessions yet.',
            archived: 'Nothing archived.',
          }[tab],
        );
        await expect(sidebar).to.be.accessible();
      }
      const host = await fixture<HTMLDivElement>(html`<div style="height: 400px; display: flex">
        <chat-sidebar .snapshot=${listSnapshot([], { tab: 'archived' })}>
          <p slot="empty-archived">Archive a session to tidy the Active list.</p>
        </chat-sidebar>
      </div>`);
      const sidebar = host.querySelector('chat-sidebar')!;
      await sidebar.updateComplete;
      const slot = $(sidebar, '[part="empty"] slot') as HTMLSlotElement;
      expect(slot.assignedElements().map(textOf)).to.deep.equal([
        'Archive a session to tidy the Active list.',
      ]);
    });

    it('says when a search finds nothing, quoting the search as text', async () => {
      const sidebar = await renderSidebar(
        listSnapshot([], { search: 'gulfstream <b>', searchInput: 'gulfstream <b>' }),
      );
      const slot = $(sidebar, '[part="empty"] slot') as HTMLSlotElement;
      expect(slot.name).to.equal('empty-search');
      expect(textOf(slot)).to.equal('No sessions match “gulfstream <b>”.');
      expect(shadow(sidebar).querySelector('b')).to.equal(null);
    });
  });

  describe('header', () => {
    it('shows the total unread, exact tab counts, and the tabs as an ARIA tablist', async () => {
      const sidebar = await renderSidebar(
        listSnapshot(manySessions(3), {
          unread: 1234,
          tabCounts: { active: 10_432, completed: 87, archived: 0, trash: 4 },
        }),
      );
      expect(textOf($(sidebar, '[part="unread-total"]'))).to.equal('1,234 unread');
      const tabs = $$(sidebar, '[role="tab"]');
      expect(tabs.map((tab) => textOf(tab))).to.deep.equal([
        'Active 10,432',
        'Completed 87',
        'Archived 0',
      ]);
      expect(tabs.map((tab) => tab.getAttribute('aria-selected'))).to.deep.equal([
        'true',
        'false',
        'false',
      ]);
      expect(tabs.map((tab) => tab.tabIndex)).to.deep.equal([0, -1, -1]);
      expect($(sidebar, '[role="tablist"]')!.getAttribute('aria-label')).to.equal('Session lists');
      const panel = $(sidebar, '[role="tabpanel"]')!;
      expect(panel.getAttribute('aria-labelledby')).to.equal(tabs[0]!.id);
      expect(tabs.every((tab) => tab.getAttribute('aria-controls') === panel.id)).to.equal(true);
      const [tab] = await accessibleNodes((node) => node.role === 'tab' && node.selected === true);
      expect(tab?.name).to.equal('Active 10,432');
    });

    it('hides the unread total at zero', async () => {
      const sidebar = await renderSidebar(listSnapshot([generalChat({ unreadCount: 0 })]));
      expect($(sidebar, '[part="unread-total"]')).to.equal(null);
    });

    it('moves between tabs with the arrow keys (activating them), firing chat-list-tab-change', async () => {
      const sidebar = await renderSidebar(listSnapshot(manySessions(3)));
      const changes: string[] = [];
      // A host without the SDK store applies the change itself: here, by showing the new tab.
      sidebar.addEventListener('chat-list-tab-change', (event) => {
        changes.push(event.tab);
        sidebar.snapshot = listSnapshot([], { tab: event.tab });
      });
      $(sidebar, '#tab-active')!.focus();
      await sendKeys({ press: 'ArrowRight' });
      await settle(sidebar);
      expect(changes).to.deep.equal(['completed']);
      expect(shadow(sidebar).activeElement?.id).to.equal('tab-completed');
      expect($(sidebar, '#tab-completed')!.getAttribute('aria-selected')).to.equal('true');
      expect($(sidebar, '#tab-completed')!.tabIndex).to.equal(0);
      expect($(sidebar, '[role="tabpanel"]')!.getAttribute('aria-labelledby')).to.equal(
        'tab-completed',
      );
      await sendKeys({ press: 'End' });
      await sendKeys({ press: 'ArrowRight' });
      await sendKeys({ press: 'Home' });
      await sendKeys({ press: 'ArrowLeft' });
      expect(changes).to.deep.equal(['completed', 'archived', 'active', 'archived']);
      expect(shadow(sidebar).activeElement?.id).to.equal('tab-archived');
    });

    it('fires chat-list-search as the user types, and chat-list-sort-change from the toggle', async () => {
      const sidebar = await renderSidebar(listSnapshot(manySessions(3)));
      const searches: string[] = [];
      sidebar.addEventListener('chat-list-search', (event) => searches.push(event.search));
      ($(sidebar, '[part="search"]') as HTMLInputElement).focus();
      await sendKeys({ type: 'teb' });
      expect(searches).to.deep.equal(['t', 'te', 'teb']);
      await sendKeys({ press: 'Escape' });
      expect(searches.at(-1)).to.equal('');
      expect(($(sidebar, '[part="search"]') as HTMLInputElement).value).to.equal('');

      const sort = $(sidebar, '[part="sort"]')!;
      expect(sort.getAttribute('aria-pressed')).to.equal('false');
      setTimeout(() => sort.click());
      const event = (await oneEvent(
        sidebar,
        'chat-list-sort-change',
      )) as unknown as ChatListSortChangeEvent;
      expect(event.sort).to.equal('attention');
      sidebar.snapshot = listSnapshot(manySessions(3), { sort: 'attention' });
      await settle(sidebar);
      expect(sort.getAttribute('aria-pressed')).to.equal('true');
      expect($$(sidebar, '[part="group-heading"]')).to.have.length(0);
    });
  });

  describe('the list', () => {
    it('groups sessions by day in recent order, pinned first, headings hidden from the listbox', async () => {
      const items = [
        flightRequest({ title: 'Pinned', pinned: true, lastActivityAt: at(40 * DAY) }),
        generalChat({ title: 'This morning', lastActivityAt: at(3 * HOUR) }),
        generalChat({ title: 'Last night', lastActivityAt: at(14 * HOUR) }),
        generalChat({ title: 'Three days ago', lastActivityAt: at(3 * DAY) }),
        generalChat({ title: 'Six days ago', lastActivityAt: at(6 * DAY + HOUR) }),
        generalChat({ title: 'Two weeks ago', lastActivityAt: at(14 * DAY) }),
      ];
      const sidebar = await renderSidebar(listSnapshot(items));
      const rows = $$(sidebar, '[part="group-heading"], [data-session-id]').map((row) =>
        row.dataset['sessionId']
          ? `  ${(row as HTMLElement & { session: Session }).session.title}`
          : textOf(row),
      );
      // "Now" is 1 Dec 12:00 UTC: 14 hours ago is the evening before.
      expect(rows).to.deep.equal([
        'Pinned',
        '  Pinned',
        'Today',
        '  This morning',
        'Yesterday',
        '  Last night',
        'Previous 7 days',
        '  Three days ago',
        '  Six days ago',
        'Older',
        '  Two weeks ago',
      ]);
      expect(
        $$(sidebar, '[part="group-heading"]').every(
          (heading) => heading.getAttribute('aria-hidden') === 'true',
        ),
      ).to.equal(true);
    });

    it('shows each session as an option of a multi-select listbox, with its place in the whole list', async () => {
      const items = manySessions(3);
      const sidebar = await renderSidebar(
        listSnapshot(items, {
          hasMore: true,
          tabCounts: { active: 120, completed: 0, archived: 0, trash: 0 },
        }),
        { selected: items[1]!.id },
      );
      const listbox = $(sidebar, '[role="listbox"]')!;
      expect(listbox.getAttribute('aria-multiselectable')).to.equal('true');
      expect(listbox.getAttribute('aria-label')).to.equal('Active sessions');
      const [first, second] = cards(sidebar);
      expect(first!.localName).to.equal('flight-request-card');
      expect(second!.localName).to.equal('general-chat-card');
      expect(first!.getAttribute('aria-posinset')).to.equal('1');
      expect(first!.getAttribute('aria-setsize')).to.equal('120');
      const [listboxNode] = await accessibleNodes((node) => node.role === 'listbox');
      expect(listboxNode?.name).to.equal('Active sessions');
      expect(listboxNode?.multiselectable).to.equal(true);
      expect(listboxNode?.children?.map((node) => `${node.role}: ${node.name}`)).to.deep.equal([
        'option: Flight request, Request 0, TEB to VNY, 12 December, 6 passengers, Requesting quotes',
        'option: General chat, Chat 1, 12 messages',
        'option: Flight request, Request 2, TEB to VNY, 12 December, 6 passengers, Requesting quotes, 2 unread operator replies',
      ]);
      // The open session is "current"; selection (for bulk actions) is aria-selected.
      expect(second!.getAttribute('aria-current')).to.equal('true');
      expect(second!.getAttribute('aria-selected')).to.equal('false');
      expect((second as HTMLElement & { selected: boolean }).selected).to.equal(true);
      // One tab stop: the open session.
      expect(cards(sidebar).map((element) => element.tabIndex)).to.deep.equal([-1, 0, -1]);
      await expect(sidebar).to.be.accessible();
    });

    it('fires chat-session-select when a card is clicked, and marks it open', async () => {
      const items = manySessions(3);
      const sidebar = await renderSidebar(listSnapshot(items));
      setTimeout(() => card(sidebar, items[2]!.id)!.click());
      const event = (await oneEvent(
        document,
        'chat-session-select',
      )) as unknown as ChatSessionSelectEvent;
      expect(event).to.be.instanceOf(ChatSessionSelectEvent);
      expect(event.session).to.equal(items[2]);
      expect(event.bubbles && event.composed).to.equal(true);
      expect(sidebar.selected).to.equal(items[2]!.id);
      await sidebar.updateComplete;
      expect(card(sidebar, items[2]!.id)!.getAttribute('aria-current')).to.equal('true');
    });

    it('fires nothing when the host sets `selected` (a deep link)', async () => {
      const items = manySessions(3);
      const sidebar = await renderSidebar(listSnapshot(items));
      let fired = 0;
      sidebar.addEventListener('chat-session-select', () => (fired += 1));
      sidebar.setAttribute('selected', items[2]!.id);
      await settle(sidebar);
      expect(card(sidebar, items[2]!.id)!.getAttribute('aria-current')).to.equal('true');
      expect(card(sidebar, items[2]!.id)!.tabIndex).to.equal(0);
      expect(fired).to.equal(0);
    });

    it('asks for the next page when the end of the list comes into view', async () => {
      const sidebar = await renderSidebar(listSnapshot(manySessions(40), { hasMore: true }), {
        height: 500,
      });
      const asked: ChatListLoadMoreEvent[] = [];
      sidebar.addEventListener('chat-list-load-more', (event) => asked.push(event));
      $(sidebar, '[role="listbox"]')!.scrollTop = 1e6;
      await settle(sidebar);
      await settle(sidebar);
      expect(asked.length).to.equal(1);
      expect(asked[0]!.loaded).to.equal(40);
      // The placeholder of the next page is in the list, hidden from assistive technology.
      expect($(sidebar, '.more')!.getAttribute('aria-hidden')).to.equal('true');
      // Asked once per page: more scrolling before it arrives asks nothing more.
      $(sidebar, '[role="listbox"]')!.scrollTop -= 50;
      await settle(sidebar);
      $(sidebar, '[role="listbox"]')!.scrollTop = 1e6;
      await settle(sidebar);
      expect(asked.length).to.equal(1);
      sidebar.snapshot = listSnapshot(manySessions(80), { hasMore: false });
      await settle(sidebar);
      $(sidebar, '[role="listbox"]')!.scrollTop = 1e6;
      await settle(sidebar);
      expect(asked.length).to.equal(1);
      expect($(sidebar, '.more')).to.equal(null);
    });
  });

  describe('per-session menu', () => {
    it('offers exactly the actions the SDK allows for each status', async () => {
      const sessions = [
        flightRequest({ status: 'active', unreadCount: 2 }),
        flightRequest({ status: 'paused', unreadCount: 0, pinned: true }),
        generalChat({ status: 'completed', outcome: 'won', unreadCount: 0 }),
        generalChat({ status: 'archived', statusBeforeArchive: 'completed', unreadCount: 1 }),
      ];
      for (const session of sessions) {
        const sidebar = await renderSidebar(listSnapshot([session]));
        $(sidebar, `[data-actions-for="${session.id}"]`)!.click();
        await settle(sidebar);
        const items = $$(sidebar, '[role="menuitem"]').map((item) => item.dataset['action']);
        // "Edit request…" (a flight request's, not a status action) goes before Delete.
        const expected: string[] = availableActions(session);
        if (session.kind === 'flight_request') {
          expected.splice(expected.indexOf('delete'), 0, 'edit_request');
        }
        expect(items, session.status).to.deep.equal(expected);
        await expect(sidebar).to.be.accessible();
      }
    });
  });

  describe('quick create and New', () => {
    it('reads free text with the SDK parser into a flight request', async () => {
      const sidebar = await renderSidebar(listSnapshot(manySessions(2)));
      ($(sidebar, '[part="quick-create-input"]') as HTMLInputElement).focus();
      await sendKeys({ type: 'TEB to VNY Dec 12, 6 pax' });
      setTimeout(() => void sendKeys({ press: 'Enter' }));
      const event = (await oneEvent(
        sidebar,
        'chat-session-create',
      )) as unknown as ChatSessionCreateEvent;
      expect(event).to.be.instanceOf(ChatSessionCreateEvent);
      expect(event.cancelable && event.bubbles && event.composed).to.equal(true);
      expect(event.text).to.equal('TEB to VNY Dec 12, 6 pax');
      expect(event.input.kind).to.equal('flight_request');
      expect(event.input.legs).to.deep.equal([
        { from: 'TEB', to: 'VNY', date: '2026-12-12', time: null },
      ]);
      expect(event.input.passengers).to.equal(6);
      expect(event.input.tripType).to.equal('one_way');
      expect(event.input.id).to.match(/^[0-9a-f-]{36}$/);
      await settle(sidebar);
      expect(($(sidebar, '[part="quick-create-input"]') as HTMLInputElement).value).to.equal('');
    });

    it("uses the host's parser when given one, and the New menu creates a general chat", async () => {
      const sidebar = await renderSidebar(listSnapshot([]));
      sidebar.metadataParser = (text) => ({ kind: 'general', title: `Parsed: ${text}` });
      const created: ChatSessionCreateEvent[] = [];
      sidebar.addEventListener('chat-session-create', (event) => created.push(event));
      ($(sidebar, '[part="quick-create-input"]') as HTMLInputElement).focus();
      await sendKeys({ type: 'hello' });
      await sendKeys({ press: 'Enter' });
      await settle(sidebar);
      expect(created.map((event) => event.input)).to.deep.include({
        kind: 'general',
        title: 'Parsed: hello',
        id: created[0]!.input.id,
        firstMessage: { content: 'hello' },
      });

      const newButton = $(sidebar, '[part="new-button"]')!;
      newButton.focus();
      await sendKeys({ press: 'Enter' });
      await settle(sidebar);
      expect(newButton.getAttribute('aria-expanded')).to.equal('true');
      expect($$(sidebar, '[role="menuitem"]').map(textOf)).to.deep.equal([
        'Flight request',
        'General chat',
      ]);
      await sendKeys({ press: 'ArrowDown' });
      await sendKeys({ press: 'Enter' });
      await settle(sidebar);
      expect(created[1]!.input.kind).to.equal('general');
      expect(created[1]!.text).to.equal(null);
      expect(shadow(sidebar).activeElement).to.equal(newButton);
    });
  });

  describe('user text', () => {
    it('renders HTML in titles, previews and searches as inert text, in cards, dialogs and toasts', async () => {
      const payload =
        '<img src=x onerror="window.__xss = true"><script>window.__xss = true</script>';
      const items = [
        flightRequest({ title: payload, legs: [], tripType: null }),
        generalChat({ title: payload, lastMessagePreview: payload }),
      ];
      const sidebar = await renderSidebar(
        listSnapshot(items, { search: payload, searchInput: payload }),
      );
      expect(($(sidebar, '[part="search"]') as HTMLInputElement).value).to.equal(payload);
      // Delete dialog and undo toast quote the title.
      card(sidebar, items[1]!.id)!.focus();
      await sendKeys({ press: 'Delete' });
      await settle(sidebar);
      expect(textOf($(sidebar, 'dialog'))).to.contain(payload);
      await sendKeys({ press: 'Enter' });
      await settle(sidebar);
      expect(textOf($(sidebar, '[part="toast"]'))).to.contain(payload);
      const all = [sidebar, ...cards(sidebar)].map((element) => element.shadowRoot!);
      expect(all.some((root) => root.querySelector('img, script'))).to.equal(false);
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect((window as { __xss?: boolean }).__xss).to.equal(undefined);
    });
  });

  describe('text and time', () => {
    it('takes overrides for any string, and formats counts in its locale', async () => {
      const sidebar = await renderSidebar(
        listSnapshot(manySessions(2), {
          unread: 1234,
          tabCounts: { active: 10_432, completed: 3, archived: 0, trash: 0 },
        }),
      );
      sidebar.locale = 'de-DE';
      sidebar.strings = {
        heading: 'Sitzungen',
        unreadTotal: (_count, formatted) => `${formatted} ungelesen`,
        tabLabels: { active: 'Aktiv' },
        groupLabels: { today: 'Heute' },
      };
      await settle(sidebar);
      expect(textOf($(sidebar, '[part="heading"]'))).to.equal('Sitzungen');
      expect(textOf($(sidebar, '[part="unread-total"]'))).to.equal('1.234 ungelesen');
      // Only the overridden tab label changes; the others keep their English default.
      expect($$(sidebar, '[role="tab"]').map(textOf)).to.deep.equal([
        'Aktiv 10.432',
        'Completed 3',
        'Archived 0',
      ]);
      expect(textOf($(sidebar, '[part="group-heading"]'))).to.equal('Heute');
    });

    it('regroups at midnight as its clock moves on', async () => {
      const clock = new ManualClock(NOW);
      const items = [generalChat({ title: 'Morning', lastActivityAt: at(2 * HOUR) })];
      const sidebar = await renderSidebar(listSnapshot(items), { clock });
      expect($$(sidebar, '[part="group-heading"]').map(textOf)).to.deep.equal(['Today']);
      clock.advance(13 * HOUR);
      await settle(sidebar);
      expect($$(sidebar, '[part="group-heading"]').map(textOf)).to.deep.equal(['Yesterday']);
    });
  });

  describe('theming', () => {
    it('takes a dark theme from the global tokens alone, and exposes its parts and the cards’ parts', async () => {
      const style = document.createElement('style');
      style.textContent = `
        .dark {
          color-scheme: dark;
          --chat-color-surface: #16191d; --chat-color-surface-hover: #1f242a;
          --chat-color-surface-selected: #1b2b45; --chat-color-text: #e6e9ed;
          --chat-color-text-muted: #a4adb8; --chat-color-border: #343b44;
          --chat-color-accent: #6ea8ff; --chat-color-on-accent: #0b1220;
        }
        chat-sidebar::part(card-base) { outline: 3px solid rgb(255, 0, 0); }
        chat-sidebar::part(heading) { letter-spacing: 2px; }
      `;
      document.head.append(style);
      try {
        const items = manySessions(2);
        const sidebar = await renderSidebar(listSnapshot(items));
        sidebar.parentElement!.classList.add('dark');
        await settle(sidebar);
        expect(getComputedStyle(sidebar).backgroundColor).to.equal('rgb(22, 25, 29)');
        expect(getComputedStyle(sidebar).color).to.equal('rgb(230, 233, 237)');
        expect(getComputedStyle($(sidebar, '#tab-active')!).borderBottomColor).to.equal(
          'rgb(110, 168, 255)',
        );
        expect(getComputedStyle($(sidebar, '[part="heading"]')!).letterSpacing).to.equal('2px');
        for (const element of cards(sidebar)) {
          const base = element.shadowRoot!.querySelector('[part~="base"]')!;
          expect(getComputedStyle(base).outlineWidth).to.equal('3px');
          expect(getComputedStyle(base).backgroundColor).to.equal('rgb(22, 25, 29)');
        }
        await expect(sidebar).to.be.accessible();
      } finally {
        style.remove();
      }
    });

    it('marks selected cards through the card’s own base part', async () => {
      const items = manySessions(2);
      const sidebar = await renderSidebar(listSnapshot(items));
      card(sidebar, items[0]!.id)!.focus();
      await sendKeys({ press: ' ' });
      await settle(sidebar);
      const base = card(sidebar, items[0]!.id)!.shadowRoot!.querySelector('[part~="base"]')!;
      expect(getComputedStyle(base).borderTopColor).to.equal('rgb(10, 91, 211)');
    });
  });

  describe('narrow columns', () => {
    it('fits a 280 px column without overflowing, and stays accessible', async () => {
      const sidebar = await renderSidebar(
        listSnapshot(manySessions(20), {
          tabCounts: { active: 10_432, completed: 1_087, archived: 99, trash: 0 },
        }),
        { width: 280 },
      );
      expect(sidebar.getBoundingClientRect().width).to.equal(280);
      const base = $(sidebar, '[part="base"]')!;
      expect(base.scrollWidth).to.be.at.most(base.clientWidth);
      for (const part of ['header', 'tabs', 'quick-create']) {
        const element = $(sidebar, `[part="${part}"]`)!;
        expect(element.scrollWidth, part).to.be.at.most(element.clientWidth);
      }
      // Every tab shows its whole name and count.
      for (const tab of $$(sidebar, '[role="tab"] > span')) {
        expect(tab.scrollWidth, textOf(tab)).to.be.at.most(tab.clientWidth);
      }
      const sidebarRight = sidebar.getBoundingClientRect().right;
      for (const element of cards(sidebar))
        expect(element.getBoundingClientRect().right).to.be.at.most(sidebarRight);
      await expect(sidebar).to.be.accessible();
    });
  });

  it('is the only thing it defines besides the cards', () => {
    expect(customElements.get('chat-sidebar')).to.be.a('function');
    expect(customElements.get('flight-request-card')).to.be.a('function');
    expect(customElements.get('general-chat-card')).to.be.a('function');
    expect(customElements.get('lit-virtualizer')).to.equal(undefined);
  });
});
