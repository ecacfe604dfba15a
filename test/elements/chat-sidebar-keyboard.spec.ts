import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import type { ChatSidebar } from '../../src/chat-sidebar/chat-sidebar.js';
import type {
  ChatSessionActionEvent,
  ChatSessionDeleteEvent,
  ChatSessionDeleteRequestEvent,
  ChatSessionMarkReadEvent,
  ChatSessionPinEvent,
  ChatSessionRenameEvent,
  ChatSessionRestoreEvent,
  ChatSessionSelectEvent,
} from '../../src/events.js';
import { flightRequest, generalChat } from './support/sessions.js';
import {
  $,
  $$,
  card,
  focusedId,
  listSnapshot,
  manySessions,
  PlainHost,
  pressKeys,
  renderSidebar,
  settle,
  shadow,
  textOf,
  waitForFocus,
} from './support/sidebar.js';

/** The sidebar with `count` sessions and a host applying its events. */
async function setup(count = 12, options: { selected?: string; height?: number } = {}) {
  const items = manySessions(count);
  const sidebar = await renderSidebar(listSnapshot(items), options);
  const host = new PlainHost(sidebar, items);
  await settle(sidebar);
  return { sidebar, host, items };
}

const id = (host: PlainHost, index: number) => host.items[index]!.id;

async function press(sidebar: ChatSidebar, key: string): Promise<void> {
  await pressKeys(key);
  await settle(sidebar);
}

function menuItems(sidebar: ChatSidebar): string[] {
  return $$(sidebar, '[role="menuitem"]').map(textOf);
}

function activeMenuItem(sidebar: ChatSidebar): string {
  return textOf(shadow(sidebar).activeElement);
}

async function clickCard(
  sidebar: ChatSidebar,
  sessionId: string,
  modifier?: 'Shift' | 'Control',
): Promise<void> {
  const element = card(sidebar, sessionId)!;
  element.scrollIntoView({ block: 'nearest' });
  await settle(sidebar);
  const box = element.getBoundingClientRect();
  if (modifier) await sendKeys({ down: modifier });
  await sendMouse({
    type: 'click',
    position: [Math.round(box.left + 20), Math.round(box.top + box.height / 2)],
  });
  if (modifier) await sendKeys({ up: modifier });
  await settle(sidebar);
}

describe('<chat-sidebar> keyboard and pointer', () => {
  afterEach(async () => {
    await sendMouse({ type: 'move', position: [700, 590] });
  });

  describe('roving focus', () => {
    it('is one tab stop: Tab from the tabs lands on the open session', async () => {
      const items = manySessions(8);
      const sidebar = await renderSidebar(listSnapshot(items), { selected: items[3]!.id });
      $(sidebar, '#tab-active')!.focus();
      await press(sidebar, 'Tab');
      expect(focusedId(sidebar)).to.equal(items[3]!.id);
      await press(sidebar, 'Tab');
      expect(focusedId(sidebar)).to.equal(null);
      await press(sidebar, 'Shift+Tab');
      expect(focusedId(sidebar)).to.equal(items[3]!.id);
    });

    it('moves with ↑ ↓ Home End PageUp PageDown, through 300 sessions, rendering only what is near', async () => {
      const { sidebar, host } = await setup(300);
      card(sidebar, id(host, 0))!.focus();
      await press(sidebar, 'ArrowDown');
      await waitForFocus(sidebar, id(host, 1));
      await press(sidebar, 'ArrowUp');
      await press(sidebar, 'ArrowUp');
      await waitForFocus(sidebar, id(host, 0), 'ArrowUp stops at the first');
      await press(sidebar, 'PageDown');
      await waitForFocus(sidebar, id(host, 8));
      await press(sidebar, 'End');
      await waitForFocus(sidebar, id(host, 299));
      await press(sidebar, 'ArrowDown');
      await waitForFocus(sidebar, id(host, 299), 'ArrowDown stops at the last');
      await press(sidebar, 'PageUp');
      await waitForFocus(sidebar, id(host, 291));
      await press(sidebar, 'Home');
      await waitForFocus(sidebar, id(host, 0));
      // The roving tab stop is the focused card, and only one card has it.
      expect(
        $$(sidebar, '[data-session-id][tabindex="0"]').map(
          (element) => element.dataset['sessionId'],
        ),
      ).to.deep.equal([id(host, 0)]);
      expect($$(sidebar, '[data-session-id]').length).to.be.below(40);
    });

    it('Enter opens the focused session', async () => {
      const { sidebar, host } = await setup();
      card(sidebar, id(host, 0))!.focus();
      await press(sidebar, 'ArrowDown');
      await press(sidebar, 'Enter');
      const [event] = host.of<ChatSessionSelectEvent>('chat-session-select');
      expect(event?.session.id).to.equal(id(host, 1));
      expect(sidebar.selected).to.equal(id(host, 1));
      expect(card(sidebar, id(host, 1))!.getAttribute('aria-current')).to.equal('true');
    });

    it('keeps focus on a session that moves (pinned to the top by a change elsewhere)', async () => {
      const { sidebar, host } = await setup(8);
      const moving = host.items[5]!;
      card(sidebar, moving.id)!.focus();
      host.set([{ ...moving, pinned: true }, ...host.items.filter((item) => item !== moving)]);
      await settle(sidebar);
      await waitForFocus(sidebar, moving.id);
    });
  });

  describe('focus after a session leaves', () => {
    it('goes to the next session, or the one before at the end, or the tabs when none is left', async () => {
      const { sidebar, host } = await setup(3);
      const [first, second, third] = host.items;
      card(sidebar, second!.id)!.focus();
      // Archived elsewhere (another tab, the change feed): it leaves while focused.
      host.set([first!, third!]);
      await waitForFocus(sidebar, third!.id, 'the next session takes its place');
      host.set([first!]);
      await waitForFocus(sidebar, first!.id, 'at the end, the one before');
      host.set([]);
      await settle(sidebar);
      await waitUntil(
        () => shadow(sidebar).activeElement?.id === 'tab-active',
        'focus goes to the tab',
      );
    });
  });

  describe('multi-select', () => {
    it('Space selects, Shift+↓ extends, Ctrl+A selects all, Escape clears; the bar counts them', async () => {
      const { sidebar, host } = await setup(6);
      card(sidebar, id(host, 1))!.focus();
      await press(sidebar, ' ');
      expect(textOf($(sidebar, '[part="bulk-count"]'))).to.equal('1 selected');
      expect(card(sidebar, id(host, 1))!.getAttribute('aria-selected')).to.equal('true');
      await press(sidebar, 'Shift+ArrowDown');
      await press(sidebar, 'Shift+ArrowDown');
      await waitForFocus(sidebar, id(host, 3));
      expect(textOf($(sidebar, '[part="bulk-count"]'))).to.equal('3 selected');
      expect(
        $$(sidebar, '[data-session-id][aria-selected="true"]').map(
          (element) => element.dataset['sessionId'],
        ),
      ).to.deep.equal([id(host, 1), id(host, 2), id(host, 3)]);
      await press(sidebar, 'Control+a');
      expect(textOf($(sidebar, '[part="bulk-count"]'))).to.equal('6 selected');
      await expect(sidebar).to.be.accessible();
      await press(sidebar, 'Escape');
      expect($(sidebar, '[part="bulk-bar"]')).to.equal(null);
      expect(focusedId(sidebar)).to.equal(id(host, 3));
    });

    it('a checkbox shows on hover and focus, on every card while any is selected; clicking it selects; Escape clears', async () => {
      const { sidebar, host } = await setup(4);
      const check = (index: number) =>
        $(sidebar, `[data-check-for="${id(host, index)}"]`) as HTMLElement;
      const shown = (index: number) => getComputedStyle(check(index)).visibility === 'visible';
      expect([0, 1, 2, 3].map(shown)).to.deep.equal([false, false, false, false]);
      const box = check(1).getBoundingClientRect();
      const centre: [number, number] = [
        Math.round(box.left + box.width / 2),
        Math.round(box.top + box.height / 2),
      ];
      await sendMouse({ type: 'move', position: centre });
      expect(shown(1), 'on hover').to.equal(true);
      await sendMouse({ type: 'click', position: centre });
      await settle(sidebar);
      expect(card(sidebar, id(host, 1))!.getAttribute('aria-selected')).to.equal('true');
      expect(textOf($(sidebar, '[part="bulk-count"]'))).to.equal('1 selected');
      // The tick is drawn by CSS (one node fewer per row).
      expect(check(1).getAttribute('part')).to.equal('item-check checked');
      expect(getComputedStyle(check(1), '::after').content).to.equal('"✓"');
      expect(getComputedStyle(check(0), '::after').content).to.equal('none');
      expect([0, 1, 2, 3].map(shown), 'selection mode').to.deep.equal([true, true, true, true]);
      await sendMouse({ type: 'move', position: [700, 590] });
      await expect(sidebar).to.be.accessible();
      await press(sidebar, 'Escape');
      expect($(sidebar, '[part="bulk-bar"]')).to.equal(null);
      expect(card(sidebar, id(host, 1))!.getAttribute('aria-selected')).to.equal('false');
      expect(focusedId(sidebar)).to.equal(id(host, 1));
      expect([0, 1, 2, 3].map(shown), 'only the focused card').to.deep.equal([
        false,
        true,
        false,
        false,
      ]);
    });

    it('Ctrl-click toggles, Shift-click selects a range, a plain click opens and clears', async () => {
      const { sidebar, host } = await setup(6);
      await clickCard(sidebar, id(host, 0), 'Control');
      await clickCard(sidebar, id(host, 1), 'Control');
      expect(textOf($(sidebar, '[part="bulk-count"]'))).to.equal('2 selected');
      await clickCard(sidebar, id(host, 0), 'Control');
      expect(textOf($(sidebar, '[part="bulk-count"]'))).to.equal('1 selected');
      await clickCard(sidebar, id(host, 3), 'Shift');
      expect(
        $$(sidebar, '[data-session-id][aria-selected="true"]').map(
          (element) => element.dataset['sessionId'],
        ),
      ).to.deep.equal([id(host, 0), id(host, 1), id(host, 2), id(host, 3)]);
      expect(host.of('chat-session-select')).to.have.length(0);
      await clickCard(sidebar, id(host, 1));
      expect($(sidebar, '[part="bulk-bar"]')).to.equal(null);
      expect(
        host.of<ChatSessionSelectEvent>('chat-session-select').map((event) => event.session.id),
      ).to.deep.equal([id(host, 1)]);
    });

    it('applies bulk archive and mark read to the sessions that allow them, one event each', async () => {
      const items = [
        flightRequest({ title: 'A', status: 'active', unreadCount: 2 }),
        generalChat({ title: 'B', status: 'paused', unreadCount: 0 }),
        generalChat({ title: 'C', status: 'completed', outcome: 'won', unreadCount: 1 }),
      ];
      const sidebar = await renderSidebar(listSnapshot(items));
      const host = new PlainHost(sidebar, items);
      await settle(sidebar);
      card(sidebar, items[0]!.id)!.focus();
      await press(sidebar, 'Control+a');
      // Tab from the list reaches the bar below it.
      await press(sidebar, 'Tab');
      expect(activeMenuItem(sidebar)).to.equal('Archive');
      await press(sidebar, 'Tab');
      expect(activeMenuItem(sidebar)).to.equal('Complete…');
      await press(sidebar, 'Tab');
      expect(activeMenuItem(sidebar)).to.equal('Mark read');
      await press(sidebar, 'Enter');
      expect(
        host
          .of<ChatSessionMarkReadEvent>('chat-session-mark-read')
          .map((event) => event.session.title),
      ).to.deep.equal(['A', 'C']);
      await press(sidebar, 'Shift+Tab');
      await press(sidebar, 'Shift+Tab');
      expect(activeMenuItem(sidebar)).to.equal('Archive');
      await press(sidebar, 'Enter');
      const archived = host.of<ChatSessionActionEvent>('chat-session-action');
      expect(archived.map((event) => `${event.session.title} ${event.action}`)).to.deep.equal([
        'A archive',
        'B archive',
        'C archive',
      ]);
      expect(
        archived.every((event) => event.cancelable && event.bubbles && event.composed),
      ).to.equal(true);
    });
  });

  describe('bulk complete', () => {
    it('completes the selected active and paused sessions with one outcome, skipping the rest', async () => {
      const items = [
        flightRequest({ title: 'A', status: 'active' }),
        generalChat({ title: 'B', status: 'paused' }),
        generalChat({ title: 'C', status: 'completed', outcome: 'lost' }),
      ];
      const sidebar = await renderSidebar(listSnapshot(items));
      const host = new PlainHost(sidebar, items);
      await settle(sidebar);
      card(sidebar, items[0]!.id)!.focus();
      await press(sidebar, 'Control+a');
      await press(sidebar, 'Tab');
      await press(sidebar, 'Tab');
      expect(activeMenuItem(sidebar)).to.equal('Complete…');
      await press(sidebar, 'Enter');
      expect(textOf($(sidebar, '#dialog-title'))).to.equal('Complete 2 sessions');
      // Nothing is pre-selected, and the form cannot submit until an outcome is chosen.
      const radios = [
        ...shadow(sidebar).querySelectorAll<HTMLInputElement>('input[name="outcome"]'),
      ];
      expect(radios.filter((radio) => radio.checked)).to.deep.equal([]);
      expect(($(sidebar, 'dialog form') as HTMLFormElement).checkValidity()).to.equal(false);
      await expect(sidebar).to.be.accessible();
      await press(sidebar, 'ArrowDown');
      await press(sidebar, 'ArrowDown');
      expect((shadow(sidebar).activeElement as HTMLInputElement).value).to.equal('cancelled');
      await press(sidebar, 'Tab');
      await press(sidebar, 'Tab');
      await press(sidebar, 'Enter');
      expect(
        host
          .of<ChatSessionActionEvent>('chat-session-action')
          .map((event) => `${event.session.title} ${event.action} ${event.outcome}`),
      ).to.deep.equal(['A complete cancelled', 'B complete cancelled']);
      expect($(sidebar, '[part="bulk-bar"]')).to.equal(null);
    });
  });

  describe('actions menu', () => {
    it('opens with Shift+F10 on the focused card, moves with arrows, and Escape returns focus', async () => {
      const { sidebar, host } = await setup(4);
      card(sidebar, id(host, 2))!.focus();
      await press(sidebar, 'Shift+F10');
      const menu = $(sidebar, '[role="menu"]')!;
      expect(menu.getAttribute('aria-label')).to.equal('Session actions');
      expect(menu.matches(':popover-open')).to.equal(true);
      expect(menuItems(sidebar)).to.deep.equal([
        'Pause',
        'Complete…',
        'Archive',
        'Rename…',
        'Pin',
        'Mark as read',
        'Edit request…',
        'Delete…',
      ]);
      expect(activeMenuItem(sidebar)).to.equal('Pause');
      await press(sidebar, 'ArrowDown');
      expect(activeMenuItem(sidebar)).to.equal('Complete…');
      await press(sidebar, 'End');
      expect(activeMenuItem(sidebar)).to.equal('Delete…');
      await press(sidebar, 'ArrowDown');
      expect(activeMenuItem(sidebar), 'wraps').to.equal('Pause');
      await press(sidebar, 'ArrowUp');
      expect(activeMenuItem(sidebar)).to.equal('Delete…');
      await expect(sidebar).to.be.accessible();
      await press(sidebar, 'Escape');
      expect($(sidebar, '[role="menu"]')).to.equal(null);
      await waitForFocus(sidebar, id(host, 2));
    });

    it('opens from the menu key too, and runs a lifecycle action as a cancelable chat-session-action', async () => {
      const { sidebar, host } = await setup(4);
      card(sidebar, id(host, 1))!.focus();
      const archivedId = id(host, 1);
      const successor = id(host, 2);
      await press(sidebar, 'ContextMenu');
      expect(menuItems(sidebar)).to.include('Archive');
      await press(sidebar, 'ArrowDown');
      await press(sidebar, 'ArrowDown');
      expect(activeMenuItem(sidebar)).to.equal('Archive');
      await press(sidebar, 'Enter');
      const [event] = host.of<ChatSessionActionEvent>('chat-session-action');
      expect(event?.session.id).to.equal(archivedId);
      expect(event?.action).to.equal('archive');
      expect(event?.outcome).to.equal(null);
      // The host archived it: it left the Active list, and focus went to the next session.
      await waitForFocus(sidebar, successor);
    });

    it('completes with an outcome chosen in a dialog', async () => {
      const { sidebar, host } = await setup(3);
      card(sidebar, id(host, 0))!.focus();
      await press(sidebar, 'Shift+F10');
      await press(sidebar, 'ArrowDown');
      await press(sidebar, 'Enter');
      const dialog = $(sidebar, 'dialog') as HTMLDialogElement;
      expect(dialog.open).to.equal(true);
      expect(textOf($(sidebar, '#dialog-title'))).to.equal('Complete “Request 0”');
      expect((shadow(sidebar).activeElement as HTMLInputElement).value).to.equal('won');
      expect(
        (shadow(sidebar).activeElement as HTMLInputElement).checked,
        'not pre-selected',
      ).to.equal(false);
      await expect(sidebar).to.be.accessible();
      await press(sidebar, 'ArrowDown');
      expect((shadow(sidebar).activeElement as HTMLInputElement).value).to.equal('lost');
      await press(sidebar, 'Tab');
      await press(sidebar, 'Tab');
      expect(activeMenuItem(sidebar)).to.equal('Complete');
      await press(sidebar, 'Enter');
      expect(dialog.open).to.equal(false);
      const [event] = host.of<ChatSessionActionEvent>('chat-session-action');
      expect([event?.session.id, event?.action, event?.outcome]).to.deep.equal([
        id(host, 0),
        'complete',
        'lost',
      ]);
      await waitForFocus(sidebar, id(host, 0));
    });

    it('renames in a dialog; Escape cancels and returns focus', async () => {
      const { sidebar, host } = await setup(3);
      card(sidebar, id(host, 1))!.focus();
      await press(sidebar, 'Shift+F10');
      // Chat 1 has no unread replies: Pause, Complete…, Archive, Rename…, Pin, Delete….
      await press(sidebar, 'End');
      await press(sidebar, 'ArrowUp');
      await press(sidebar, 'ArrowUp');
      expect(activeMenuItem(sidebar)).to.equal('Rename…');
      await press(sidebar, 'Enter');
      const field = shadow(sidebar).activeElement as HTMLInputElement;
      expect(field.id).to.equal('rename-title');
      expect(field.value).to.equal('Chat 1');
      await press(sidebar, 'Escape');
      expect(($(sidebar, 'dialog') as HTMLDialogElement).open).to.equal(false);
      await waitForFocus(sidebar, id(host, 1));
      expect(host.of('chat-session-rename')).to.have.length(0);

      await press(sidebar, 'Shift+F10');
      await press(sidebar, 'End');
      for (let step = 0; step < 2; step += 1) await press(sidebar, 'ArrowUp');
      await press(sidebar, 'Enter');
      (shadow(sidebar).activeElement as HTMLInputElement).select();
      await sendKeys({ type: 'Ops sync, Friday' });
      await press(sidebar, 'Enter');
      const [event] = host.of<ChatSessionRenameEvent>('chat-session-rename');
      expect([event?.session.id, event?.title]).to.deep.equal([id(host, 1), 'Ops sync, Friday']);
      await waitForFocus(sidebar, id(host, 1));
    });

    it('pins and marks read from the menu (cancelable chat-session-pin, chat-session-mark-read)', async () => {
      const { sidebar, host } = await setup(3);
      // Request 2 has unread replies: Pause, Complete…, Archive, Rename…, Pin, Mark as read, Delete….
      card(sidebar, id(host, 2))!.focus();
      await press(sidebar, 'Shift+F10');
      for (let step = 0; step < 4; step += 1) await press(sidebar, 'ArrowDown');
      expect(activeMenuItem(sidebar)).to.equal('Pin');
      await press(sidebar, 'Enter');
      const [pin] = host.of<ChatSessionPinEvent>('chat-session-pin');
      expect([pin?.session.id, pin?.pinned, pin?.cancelable, pin?.composed]).to.deep.equal([
        id(host, 2),
        true,
        true,
        true,
      ]);
      await waitForFocus(sidebar, id(host, 2));
      await press(sidebar, 'Shift+F10');
      await press(sidebar, 'End');
      await press(sidebar, 'ArrowUp');
      expect(activeMenuItem(sidebar)).to.equal('Edit request…');
      await press(sidebar, 'ArrowUp');
      expect(activeMenuItem(sidebar)).to.equal('Mark as read');
      await press(sidebar, 'Enter');
      expect(
        host
          .of<ChatSessionMarkReadEvent>('chat-session-mark-read')
          .map((event) => event.session.id),
      ).to.deep.equal([id(host, 2)]);
    });

    it('closes the New menu with Escape, focus back on New', async () => {
      const { sidebar } = await setup(2);
      const button = $(sidebar, '[part="new-button"]')!;
      button.focus();
      await press(sidebar, 'Enter');
      expect(activeMenuItem(sidebar)).to.equal('Flight request');
      await press(sidebar, 'Escape');
      expect($(sidebar, '[role="menu"]')).to.equal(null);
      expect(shadow(sidebar).activeElement).to.equal(button);
      expect(button.getAttribute('aria-expanded')).to.equal('false');
    });
  });

  describe('delete and undo', () => {
    it('Delete asks the host (cancelable), then the broker; Enter confirms; Ctrl+Z restores', async () => {
      const { sidebar, host } = await setup(4);
      const doomed = host.items[1]!;
      card(sidebar, doomed.id)!.focus();

      // A host may keep the session (or ask in its own way).
      const keep = (event: Event) => event.preventDefault();
      sidebar.addEventListener('chat-session-delete-request', keep);
      await press(sidebar, 'Delete');
      expect(($(sidebar, 'dialog') as HTMLDialogElement).open).to.equal(false);
      expect(focusedId(sidebar)).to.equal(doomed.id);
      sidebar.removeEventListener('chat-session-delete-request', keep);

      await press(sidebar, 'Delete');
      const requests = host.of<ChatSessionDeleteRequestEvent>('chat-session-delete-request');
      expect(requests).to.have.length(2);
      expect(requests[1]!.sessions).to.deep.equal([doomed]);
      expect(requests[1]!.cancelable && requests[1]!.bubbles && requests[1]!.composed).to.equal(
        true,
      );
      const dialog = $(sidebar, 'dialog') as HTMLDialogElement;
      expect(dialog.open).to.equal(true);
      expect(textOf($(sidebar, '#dialog-title'))).to.equal('Move to trash?');
      expect(activeMenuItem(sidebar)).to.equal('Move to trash');
      await expect(sidebar).to.be.accessible();
      await press(sidebar, 'Enter');

      expect(
        host.of<ChatSessionDeleteEvent>('chat-session-delete').map((event) => event.session.id),
      ).to.deep.equal([doomed.id]);
      await waitForFocus(sidebar, host.items[1]!.id, 'the next session has focus');
      expect(host.items.map((item) => item.id)).not.to.include(doomed.id);
      const toast = $(sidebar, '[part="toast"]')!;
      expect(textOf(toast)).to.equal('Moved “Chat 1” to trash. Undo ×');
      expect(toast.closest('[role="status"]')).not.to.equal(null);
      await expect(sidebar).to.be.accessible();

      await press(sidebar, 'Control+z');
      expect(
        host.of<ChatSessionRestoreEvent>('chat-session-restore').map((event) => event.session.id),
      ).to.deep.equal([doomed.id]);
      expect(host.items[1]!.id).to.equal(doomed.id);
      expect($(sidebar, '[part="toast"]')).to.equal(null);
    });

    it('Escape in the confirmation keeps the session and returns focus', async () => {
      const { sidebar, host } = await setup(3);
      card(sidebar, id(host, 0))!.focus();
      await press(sidebar, 'Delete');
      await press(sidebar, 'Escape');
      expect(host.of('chat-session-delete')).to.have.length(0);
      await waitForFocus(sidebar, id(host, 0));
    });

    it('deletes the selection from the bar, and the toast’s Undo button brings it back', async () => {
      const { sidebar, host } = await setup(5);
      const chosen = [host.items[1]!, host.items[2]!];
      card(sidebar, chosen[0]!.id)!.focus();
      await press(sidebar, ' ');
      await press(sidebar, 'Shift+ArrowDown');
      // Delete on a selected session deletes the whole selection.
      await press(sidebar, 'Delete');
      expect(textOf($(sidebar, '#dialog-title'))).to.equal('Move 2 sessions to trash?');
      await press(sidebar, 'Enter');
      expect(
        host.of<ChatSessionDeleteEvent>('chat-session-delete').map((event) => event.session.id),
      ).to.deep.equal(chosen.map((session) => session.id));
      expect(textOf($(sidebar, '[part="toast"] .toast-message'))).to.equal(
        'Moved 2 sessions to trash.',
      );
      expect($(sidebar, '[part="bulk-bar"]')).to.equal(null);
      // Tab from the list, past the (now empty) bar, to Undo.
      await waitUntil(() => focusedId(sidebar) !== null, 'focus back in the list');
      await press(sidebar, 'Tab');
      expect(activeMenuItem(sidebar)).to.equal('Undo');
      await press(sidebar, 'Enter');
      expect(
        host.of<ChatSessionRestoreEvent>('chat-session-restore').map((event) => event.session.id),
      ).to.deep.equal(chosen.map((session) => session.id));
      await waitForFocus(sidebar, chosen[0]!.id, 'the restored session has focus');
    });
  });

  it('right-click opens the actions menu; the pointer-only ⋯ button too', async () => {
    const { sidebar, host } = await setup(3);
    const box = card(sidebar, id(host, 1))!.getBoundingClientRect();
    await sendMouse({
      type: 'click',
      button: 'right',
      position: [Math.round(box.left + 30), Math.round(box.top + 20)],
    });
    await settle(sidebar);
    expect(menuItems(sidebar)).to.include('Pause');
    await press(sidebar, 'Escape');
    const button = $(sidebar, `[data-actions-for="${id(host, 2)}"]`)!;
    expect(button.getAttribute('aria-hidden')).to.equal('true');
    expect(button.tabIndex).to.equal(-1);
    button.click();
    await settle(sidebar);
    expect(menuItems(sidebar)).to.include('Delete…');
  });
});
