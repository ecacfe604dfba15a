// The sidebar's trash view against the real backend (SDK, gateway, PostgreSQL 15): the Trash
// entry with its exact count, the list of the broker's trashed sessions, Restore and "Delete
// forever" (behind a confirmation) per row and in bulk, their events, the keyboard path and axe.
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { ChatSessionsClient, Session } from '@chat-sessions/sdk';
import '../../src/chat-sidebar/define.js';
import type { ChatSidebar } from '../../src/chat-sidebar/chat-sidebar.js';
import type { ChatSidebarTrash } from '../../src/chat-sidebar/trash/chat-sidebar-trash.js';
import type {
  ChatListTabChangeEvent,
  ChatSessionPurgeEvent,
  ChatSessionPurgeRequestEvent,
  ChatSessionRestoreEvent,
} from '../../src/events.js';
import { deepActiveElement } from './support/accessibility.js';
import { backendInfo, eventually, newBroker, type TestBroker } from './support/backend.js';
import { $, textOf } from './support/sidebar.js';

async function sidebarFor(client: ChatSessionsClient, width = 360): Promise<ChatSidebar> {
  const wrapper = await fixture<HTMLDivElement>(html`<div
    style="position: fixed; top: 0; left: 0; z-index: 1; width: ${width}px; height: 640px; display: flex; background: white"
  >
    <chat-sidebar style="flex: 1 1 auto" locale="en-GB" .client=${client}></chat-sidebar>
  </div>`);
  return wrapper.querySelector('chat-sidebar')!;
}

async function trashed(broker: TestBroker, title: string): Promise<Session> {
  const { data, error } = await broker.chat.sessions.create({ kind: 'general', title });
  if (error) throw error;
  const deleted = await broker.chat.sessions.delete(data.id);
  if (deleted.error) throw deleted.error;
  return data;
}

function trashView(sidebar: ChatSidebar): ChatSidebarTrash | null {
  return sidebar.shadowRoot!.querySelector('chat-sidebar-trash');
}

function inTrash(sidebar: ChatSidebar, selector: string): HTMLElement[] {
  const view = trashView(sidebar);
  return view ? [...view.shadowRoot!.querySelectorAll<HTMLElement>(selector)] : [];
}

function rowTitles(sidebar: ChatSidebar): string[] {
  return inTrash(sidebar, '[part~="trash-card"]').map(
    (card) => (card as HTMLElement & { session: Session }).session.title,
  );
}

function rowButton(sidebar: ChatSidebar, title: string, kind: 'restore' | 'purge'): HTMLElement {
  const button = inTrash(sidebar, `.${kind}`).find((element) =>
    element.getAttribute('aria-label')?.includes(`“${title}”`),
  );
  if (!button) throw new Error(`no ${kind} button for ${title}`);
  return button;
}

async function openTrash(sidebar: ChatSidebar): Promise<void> {
  $(sidebar, '[part~="trash-entry"]')!.focus();
  await sendKeys({ press: 'Enter' });
  await eventually(() => expect(inTrash(sidebar, '[part~="trash-heading"]')).to.have.length(1));
}

async function status(broker: TestBroker, id: string): Promise<string> {
  const { data, error } = await broker.chat.sessions.get(id);
  if (error) return error.code;
  return data.deletedAt === null ? 'listed' : 'trashed';
}

describe('<chat-sidebar> trash view (real backend)', () => {
  before(async function () {
    this.timeout(120_000);
    await backendInfo();
  });

  it('shows the trash count, opens by keyboard, restores with Enter and goes back with Escape', async () => {
    const broker = await newBroker();
    await broker.chat.sessions.create({ kind: 'general', title: 'Still active' });
    const first = await trashed(broker, 'Binned first');
    const second = await trashed(broker, 'Binned second');
    const sidebar = await sidebarFor(broker.chat);
    const entry = () => $(sidebar, '[part~="trash-entry"]')!;
    await eventually(() => expect(textOf(entry())).to.equal('Trash 2'));
    // Not a tab: the tab list keeps exactly its three tabs.
    expect(sidebar.shadowRoot!.querySelectorAll('[role="tab"]')).to.have.length(3);

    const tabs: string[] = [];
    sidebar.addEventListener('chat-list-tab-change', (event: ChatListTabChangeEvent) =>
      tabs.push(event.tab),
    );
    await openTrash(sidebar);
    expect(tabs).to.deep.equal(['trash']);
    await eventually(() =>
      expect(rowTitles(sidebar)).to.have.members(['Binned first', 'Binned second']),
    );
    const view = trashView(sidebar)!;
    expect(textOf(inTrash(sidebar, '[part~="trash-heading"]')[0]!)).to.equal('Trash 2');
    expect(deepActiveElement()).to.equal(inTrash(sidebar, '[part~="trash-heading"]')[0]);
    // The tabs make way for the view, which says how to leave.
    expect(sidebar.shadowRoot!.querySelectorAll('[role="tab"]')).to.have.length(0);
    expect(textOf(inTrash(sidebar, '[part~="trash-back"]')[0]!)).to.equal('←Back to Active');
    expect(inTrash(sidebar, '.trashed-at').map(textOf)).to.deep.equal([
      'Trashed now',
      'Trashed now',
    ]);
    await expect(sidebar).to.be.accessible();

    const restored: ChatSessionRestoreEvent[] = [];
    sidebar.addEventListener('chat-session-restore', (event) => restored.push(event));
    // Tab from the heading reaches the first row's controls; Enter on Restore restores.
    rowButton(sidebar, 'Binned first', 'restore').focus();
    await sendKeys({ press: 'Enter' });
    await eventually(() => expect(rowTitles(sidebar)).to.deep.equal(['Binned second']));
    expect(restored.map((event) => [event.session.id, event.cancelable])).to.deep.equal([
      [first.id, true],
    ]);
    await eventually(async () => expect(await status(broker, first.id)).to.equal('listed'));
    await eventually(() =>
      expect(textOf(inTrash(sidebar, '[part~="trash-heading"]')[0]!)).to.equal('Trash 1'),
    );
    // Focus stays in the view (on the next row's Restore), and the change is announced.
    expect(deepActiveElement()).to.equal(rowButton(sidebar, 'Binned second', 'restore'));
    expect(textOf(view.shadowRoot!.querySelector('[role="status"]'))).to.equal(
      'Restored “Binned first”.',
    );

    await sendKeys({ press: 'Escape' });
    await eventually(() => expect(trashView(sidebar)).to.equal(null));
    expect(tabs).to.deep.equal(['trash', 'active']);
    expect(deepActiveElement()).to.equal(entry());
    expect(sidebar.shadowRoot!.querySelector('[role="tab"][aria-selected="true"]')!.id).to.equal(
      'tab-active',
    );
    await eventually(() => expect(textOf(entry())).to.equal('Trash 1'));
    expect(second.id).to.be.a('string');
    await expect(sidebar).to.be.accessible();
  });

  it("a delete's undo toast goes once its session is restored from the trash", async function () {
    this.timeout(20_000);
    const broker = await newBroker();
    const { data: session, error } = await broker.chat.sessions.create({
      kind: 'general',
      title: 'Geneva watch fair',
    });
    if (error) throw error;
    const sidebar = await sidebarFor(broker.chat);
    const card = () =>
      sidebar.shadowRoot!.querySelector<HTMLElement>(`[data-session-id="${session.id}"]`);
    await eventually(() => expect(card()).to.exist);
    // Delete by keyboard: the confirmation, then the toast offering Undo.
    card()!.focus();
    await sendKeys({ press: 'Delete' });
    await eventually(() => expect($(sidebar, 'dialog[open]')).to.exist);
    await sendKeys({ press: 'Enter' });
    const toast = () => $(sidebar, '[part="toast"]');
    await eventually(() => expect(textOf(toast())).to.contain('Geneva watch fair'));
    await eventually(async () => expect(await status(broker, session.id)).to.equal('trashed'));
    // Restored from the trash view instead: the toast no longer offers to undo the delete.
    await openTrash(sidebar);
    await eventually(() => expect(rowTitles(sidebar)).to.deep.equal(['Geneva watch fair']));
    rowButton(sidebar, 'Geneva watch fair', 'restore').focus();
    await sendKeys({ press: 'Enter' });
    await eventually(async () => expect(await status(broker, session.id)).to.equal('listed'));
    // (A boolean: chai would print the whole toast element in a failure.)
    await eventually(() => expect(toast() === null, 'the undo toast is gone').to.equal(true));
    await expect(sidebar).to.be.accessible();
  });

  it('deletes forever only after the confirmation: Escape and Cancel keep it, the host may veto', async () => {
    const broker = await newBroker();
    const doomed = await trashed(broker, 'Doomed deal');
    const sidebar = await sidebarFor(broker.chat, 280);
    await eventually(() => expect(textOf($(sidebar, '[part~="trash-entry"]'))).to.equal('Trash 1'));
    await openTrash(sidebar);
    await eventually(() => expect(rowTitles(sidebar)).to.deep.equal(['Doomed deal']));
    await expect(sidebar).to.be.accessible();

    const requests: ChatSessionPurgeRequestEvent[] = [];
    const purged: ChatSessionPurgeEvent[] = [];
    sidebar.addEventListener('chat-session-purge-request', (event) => requests.push(event));
    sidebar.addEventListener('chat-session-purge', (event) => purged.push(event));
    const dialog = () => inTrash(sidebar, 'dialog')[0] as HTMLDialogElement;

    // Escape closes the confirmation (Cancel has the focus), focus goes back to the button.
    const purgeButton = rowButton(sidebar, 'Doomed deal', 'purge');
    purgeButton.focus();
    await sendKeys({ press: 'Enter' });
    await eventually(() => expect(dialog().open).to.equal(true));
    expect(textOf(dialog().querySelector('h2'))).to.equal('Delete “Doomed deal” forever?');
    expect(textOf(deepActiveElement())).to.equal('Cancel');
    await expect(sidebar).to.be.accessible();
    await sendKeys({ press: 'Escape' });
    await eventually(() => expect(dialog().open).to.equal(false));
    expect(deepActiveElement()).to.equal(purgeButton);

    // Cancel by mouse keeps it too.
    purgeButton.click();
    await eventually(() => expect(dialog().open).to.equal(true));
    (dialog().querySelector('button[type="button"]') as HTMLButtonElement).click();
    await eventually(() => expect(dialog().open).to.equal(false));
    expect(purged).to.have.length(0);
    expect(await status(broker, doomed.id)).to.equal('trashed');

    // A host that says no: no confirmation at all.
    const veto = (event: Event) => event.preventDefault();
    sidebar.addEventListener('chat-session-purge-request', veto);
    purgeButton.click();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(dialog().open).to.equal(false);
    sidebar.removeEventListener('chat-session-purge-request', veto);
    expect(
      requests.map((event) => [event.sessions.map((s) => s.id), event.cancelable]),
    ).to.deep.equal([
      [[doomed.id], true],
      [[doomed.id], true],
      [[doomed.id], true],
    ]);

    // Confirmed with the keyboard: Tab to "Delete forever", Enter.
    purgeButton.focus();
    await sendKeys({ press: 'Enter' });
    await eventually(() => expect(dialog().open).to.equal(true));
    await sendKeys({ press: 'Tab' });
    expect(textOf(deepActiveElement())).to.equal('Delete forever');
    await sendKeys({ press: 'Enter' });
    await eventually(() =>
      expect(purged.map((event) => event.session.id)).to.deep.equal([doomed.id]),
    );
    expect(purged[0]!.cancelable).to.equal(false);
    await eventually(() => expect(rowTitles(sidebar)).to.deep.equal([]));
    await eventually(async () => expect(await status(broker, doomed.id)).to.equal('not_found'));
    expect(textOf(inTrash(sidebar, '[part~="trash-empty"]')[0]!)).to.equal('The trash is empty.');
    // Nothing left to focus in the list: the heading has it.
    expect(deepActiveElement()).to.equal(inTrash(sidebar, '[part~="trash-heading"]')[0]);
    await expect(sidebar).to.be.accessible();
  });

  it('restores and deletes forever in bulk from the selection bar', async () => {
    const broker = await newBroker();
    const a = await trashed(broker, 'Alpha');
    const b = await trashed(broker, 'Bravo');
    const c = await trashed(broker, 'Charlie');
    const sidebar = await sidebarFor(broker.chat);
    await eventually(() => expect(textOf($(sidebar, '[part~="trash-entry"]'))).to.equal('Trash 3'));
    await openTrash(sidebar);
    await eventually(() => expect(rowTitles(sidebar)).to.have.length(3));

    // Select two rows with Space on their checkboxes.
    for (const title of ['Alpha', 'Bravo']) {
      const check = inTrash(sidebar, '.check').find(
        (element) => element.getAttribute('aria-label') === `Select “${title}”`,
      )!;
      check.focus();
      await sendKeys({ press: 'Space' });
    }
    const bar = () => inTrash(sidebar, '[part~="trash-bulk-bar"]')[0];
    await eventually(() =>
      expect(textOf(bar()!.querySelector('.bulk-count'))).to.equal('2 selected'),
    );
    await expect(sidebar).to.be.accessible();
    const barButton = (label: string) =>
      [...bar()!.querySelectorAll<HTMLButtonElement>('button')].find(
        (button) => textOf(button) === label,
      )!;

    barButton('Delete forever').click();
    const dialog = inTrash(sidebar, 'dialog')[0] as HTMLDialogElement;
    await eventually(() => expect(dialog.open).to.equal(true));
    expect(textOf(dialog.querySelector('h2'))).to.equal('Delete 2 sessions forever?');
    (dialog.querySelector('button[type="submit"]') as HTMLButtonElement).click();
    await eventually(() => expect(rowTitles(sidebar)).to.deep.equal(['Charlie']));
    await eventually(async () => expect(await status(broker, a.id)).to.equal('not_found'));
    expect(await status(broker, b.id)).to.equal('not_found');
    await eventually(() =>
      expect(textOf(inTrash(sidebar, '[part~="trash-heading"]')[0]!)).to.equal('Trash 1'),
    );
    expect(bar()).to.equal(undefined);

    // Select the last one and restore it from the bar.
    inTrash(sidebar, '.check')[0]!.click();
    await eventually(() => expect(bar()).to.not.equal(undefined));
    barButton('Restore').click();
    await eventually(() => expect(rowTitles(sidebar)).to.deep.equal([]));
    await eventually(async () => expect(await status(broker, c.id)).to.equal('listed'));
    inTrash(sidebar, '[part~="trash-back"]')[0]!.click();
    await eventually(() => expect(trashView(sidebar)).to.equal(null));
    await eventually(() => expect(textOf($(sidebar, '[part~="trash-entry"]'))).to.equal('Trash 0'));
  });
});
