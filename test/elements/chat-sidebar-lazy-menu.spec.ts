// The sidebar's menus, dialogs and bulk bar live in a lazy chunk (src/chat-sidebar/on-use.ts).
// Each spec file runs in a fresh page, so the first test here is the chunk's first load: it
// must not be loaded before the broker acts. This file: the actions menu's first use from the
// keyboard, when the chunk can't load (offline before it was ever loaded) and when it can.
import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import type { ChatSidebar } from '../../src/chat-sidebar/chat-sidebar.js';
import {
  $,
  $$,
  card,
  focusedId,
  listSnapshot,
  manySessions,
  pressKeys,
  renderSidebar,
  settle,
  shadow,
  textOf,
  waitForFocus,
} from './support/sidebar.js';

/** Makes the sidebar's lazy chunk fail to load (as offline), or load again. */
async function blockChunk(blocked: boolean): Promise<void> {
  const urls = blocked ? ['*/chat-sidebar/on-use.*'] : [];
  await executeServerCommand('network-block', { urls });
}

async function press(sidebar: ChatSidebar, key: string): Promise<void> {
  await pressKeys(key);
  // The sidebar's updateComplete covers the chunk's load and the update that shows the menu.
  await settle(sidebar);
}

const menu = (sidebar: ChatSidebar) => $(sidebar, '[role="menu"]');

describe('<chat-sidebar> actions menu, loaded on first use', () => {
  after(() => blockChunk(false));

  it('says so when the menu cannot load, keeps focus on the card, and loads it on the next try', async () => {
    // Offline before the chunk was ever loaded: the idle preload after the first paint fails too.
    await blockChunk(true);
    const items = manySessions(4);
    const sidebar = await renderSidebar(listSnapshot(items));
    // Nothing of the chunk: no menu styles adopted, and a failed preload says nothing.
    const sheets = shadow(sidebar).adoptedStyleSheets.length;
    expect(textOf($(sidebar, '[role="alert"]'))).to.equal('');
    const first = items[0]!.id;
    card(sidebar, first)!.focus();
    await press(sidebar, 'Shift+F10');
    expect(menu(sidebar) === null).to.equal(true);
    expect(textOf($(sidebar, '[role="alert"] [part="toast-message"]'))).to.equal(
      "Couldn't open this: it didn't load. Check the connection, then try again.",
    );
    expect(focusedId(sidebar)).to.equal(first);
    await expect(sidebar).to.be.accessible();

    // Back online: the same keys open it (the failed load was not kept), first item focused.
    await blockChunk(false);
    await press(sidebar, 'Shift+F10');
    expect(menu(sidebar) !== null).to.equal(true);
    expect(menu(sidebar)!.matches(':popover-open')).to.equal(true);
    expect(shadow(sidebar).adoptedStyleSheets.length).to.equal(sheets + 1);
    const menuItems = $$(sidebar, '[role="menuitem"]');
    expect(menuItems.length > 1).to.equal(true);
    expect(shadow(sidebar).activeElement === menuItems[0]).to.equal(true);
    // Styled by the chunk's styles: placed in the viewport, a fixed popover.
    expect(getComputedStyle(menu(sidebar)!).position).to.equal('fixed');
    await expect(sidebar).to.be.accessible();

    await press(sidebar, 'ArrowDown');
    expect(shadow(sidebar).activeElement === menuItems[1]).to.equal(true);
    await press(sidebar, 'Escape');
    expect(menu(sidebar) === null).to.equal(true);
    await waitForFocus(sidebar, first);
  });

  it("opens New's menu (same chunk) from the keyboard, first item focused; Escape returns focus", async () => {
    const sidebar = await renderSidebar(listSnapshot(manySessions(2)));
    const newButton = $(sidebar, '[part="new-button"]')!;
    newButton.focus();
    await press(sidebar, 'Enter');
    expect(newButton.getAttribute('aria-expanded')).to.equal('true');
    expect($$(sidebar, '[role="menuitem"]').map(textOf)).to.deep.equal([
      'Flight request',
      'General chat',
    ]);
    expect(textOf(shadow(sidebar).activeElement)).to.equal('Flight request');
    await expect(sidebar).to.be.accessible();
    await press(sidebar, 'Escape');
    expect(menu(sidebar) === null).to.equal(true);
    expect(shadow(sidebar).activeElement === newButton).to.equal(true);
  });
});
