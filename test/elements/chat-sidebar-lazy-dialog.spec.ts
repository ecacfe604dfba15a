// The sidebar's dialogs live in its lazy chunk (src/chat-sidebar/on-use.ts); each spec file runs
// in a fresh page, so here the Delete key is the chunk's first use (see
// chat-sidebar-lazy-menu.spec.ts for the menu and a failed load).
import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import type { ChatSidebar } from '../../src/chat-sidebar/chat-sidebar.js';
import {
  $,
  card,
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

async function press(sidebar: ChatSidebar, key: string): Promise<void> {
  await pressKeys(key);
  // The sidebar's updateComplete covers the chunk's load and the update that opens the dialog.
  await settle(sidebar);
}

/** Every request answers `latency` ms late (0: on time again). */
async function slowNetwork(latency: number): Promise<void> {
  await executeServerCommand('network-block', { urls: [], latency });
}

describe('<chat-sidebar> dialogs, loaded on first use', () => {
  after(() => slowNetwork(0));

  it('opens the delete confirmation from the Delete key on first use, focused; Escape returns focus', async () => {
    // A slow network: the chunk (preloaded once the page is idle) is still on its way.
    await slowNetwork(800);
    const items = manySessions(3);
    const sidebar = await renderSidebar(listSnapshot(items));
    const host = new PlainHost(sidebar, items);
    const sheets = shadow(sidebar).adoptedStyleSheets.length;
    const first = items[0]!.id;
    card(sidebar, first)!.focus();
    await press(sidebar, 'Delete');
    await slowNetwork(0);
    const dialog = $(sidebar, 'dialog') as HTMLDialogElement | null;
    expect(dialog !== null && dialog.open).to.equal(true);
    expect(shadow(sidebar).adoptedStyleSheets.length).to.equal(sheets + 1);
    expect(textOf($(sidebar, '#dialog-title'))).to.equal('Move to trash?');
    const confirm = $(sidebar, 'dialog button[type="submit"]')!;
    expect(shadow(sidebar).activeElement === confirm).to.equal(true);
    await expect(sidebar).to.be.accessible();

    await press(sidebar, 'Escape');
    expect(dialog!.open).to.equal(false);
    await waitForFocus(sidebar, first);
    expect(host.events.map((event) => event.type)).to.deep.equal(['chat-session-delete-request']);

    // Again, now loaded: confirming deletes and offers undo.
    await press(sidebar, 'Delete');
    expect(dialog!.open).to.equal(true);
    await press(sidebar, 'Enter');
    expect(host.events.map((event) => event.type)).to.deep.equal([
      'chat-session-delete-request',
      'chat-session-delete-request',
      'chat-session-delete',
    ]);
  });
});
