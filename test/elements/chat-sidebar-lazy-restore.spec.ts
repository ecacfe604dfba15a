// What runs an action on sessions lives in the sidebar's lazy chunk (src/chat-sidebar/on-use.ts,
// with the menus and dialogs); the trash view's Restore is the one path that may come before it
// has loaded. This file runs in a fresh page, so the chunk is loaded here for the first time:
// against the real backend (SDK, gateway, PostgreSQL 15), Restore says so when the chunk can't be
// loaded (offline before it ever was) and keeps the session in the trash; once it can, the same
// key restores it.
import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import type { ChatSessionsClient } from '@chat-sessions/sdk';
import '../../src/chat-sidebar/define.js';
import type { ChatSidebar } from '../../src/chat-sidebar/chat-sidebar.js';
import type { ChatSidebarTrash } from '../../src/chat-sidebar/trash/chat-sidebar-trash.js';
import type { ChatSessionRestoreEvent } from '../../src/events.js';
import { deepActiveElement } from './support/accessibility.js';
import { backendInfo, eventually, newBroker } from './support/backend.js';
import { $, textOf } from './support/sidebar.js';

/** Makes the sidebar's lazy chunk fail to load (as offline), or load again. */
async function blockChunk(blocked: boolean): Promise<void> {
  const urls = blocked ? ['*/chat-sidebar/on-use.*'] : [];
  await executeServerCommand('network-block', { urls });
}

async function sidebarFor(client: ChatSessionsClient): Promise<ChatSidebar> {
  const wrapper = await fixture<HTMLDivElement>(html`<div
    style="position: fixed; top: 0; left: 0; z-index: 1; width: 360px; height: 640px; display: flex; background: white"
  >
    <chat-sidebar style="flex: 1 1 auto" locale="en-GB" .client=${client}></chat-sidebar>
  </div>`);
  return wrapper.querySelector('chat-sidebar')!;
}

function inTrash(sidebar: ChatSidebar, selector: string): HTMLElement[] {
  const view = sidebar.shadowRoot!.querySelector<ChatSidebarTrash>('chat-sidebar-trash');
  return view ? [...view.shadowRoot!.querySelectorAll<HTMLElement>(selector)] : [];
}

describe("<chat-sidebar> trash view's Restore, before the actions' chunk has loaded", () => {
  before(async function () {
    this.timeout(120_000);
    await backendInfo();
  });

  after(() => blockChunk(false));

  it("says so when the chunk can't load, keeps the session trashed, and restores once it can", async () => {
    const broker = await newBroker();
    const { data: session, error } = await broker.chat.sessions.create({
      kind: 'general',
      title: 'Binned early',
    });
    if (error) throw error;
    const deleted = await broker.chat.sessions.delete(session.id);
    if (deleted.error) throw deleted.error;
    const isTrashed = async () => (await broker.chat.sessions.get(session.id)).data?.deletedAt;

    // Offline before the chunk was ever loaded: the idle preload after the first paint fails too.
    await blockChunk(true);
    const sidebar = await sidebarFor(broker.chat);
    const restored: ChatSessionRestoreEvent[] = [];
    sidebar.addEventListener('chat-session-restore', (event) => restored.push(event));
    const entry = $(sidebar, '[part~="trash-entry"]')!;
    await eventually(() => expect(textOf(entry)).to.equal('Trash 1'));
    entry.focus();
    await sendKeys({ press: 'Enter' });
    await eventually(() => expect(inTrash(sidebar, '.restore')).to.have.length(1));
    const restore = () => inTrash(sidebar, '.restore')[0]!;

    restore().focus();
    await sendKeys({ press: 'Enter' });
    await eventually(() =>
      expect(textOf($(sidebar, '[role="alert"] [part="toast-message"]'))).to.equal(
        "Couldn't open this: it didn't load. Check the connection, then try again.",
      ),
    );
    expect(restored).to.have.length(0);
    expect(await isTrashed()).to.be.a('string');
    expect(deepActiveElement()).to.equal(restore());
    await expect(sidebar).to.be.accessible();

    // Back online: the same key restores it (the failed load was not kept).
    await blockChunk(false);
    await sendKeys({ press: 'Enter' });
    await eventually(() => expect(inTrash(sidebar, '.restore')).to.have.length(0));
    expect(restored.map((event) => event.session.id)).to.deep.equal([session.id]);
    await eventually(async () => expect(await isTrashed()).to.equal(null));
    await expect(sidebar).to.be.accessible();
  });
});
