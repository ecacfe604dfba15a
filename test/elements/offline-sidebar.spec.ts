// The sidebar when the connection drops, over the real SDK and backend (the network switch in
// front of fetch is the only fake): a failed action reads as a broker's text, never an
// exception's; the header's status line says the connection is lost; and the error clears
// itself when the action later goes through.
import { expect, fixture, html } from '@open-wc/testing';
import type { ChatSessionsClient, Session } from '@chat-sessions/sdk';
import '../../src/chat-sidebar/define.js';
import type { ChatSidebar } from '../../src/chat-sidebar/chat-sidebar.js';
import { backendInfo, eventually, newBroker } from './support/backend.js';
import { $, card, cards, pressKeys, settle, textOf } from './support/sidebar.js';

const box =
  'position: fixed; top: 0; left: 0; z-index: 1; width: 360px; height: 560px; display: flex; background: white';

async function created(client: ChatSessionsClient, title: string): Promise<Session> {
  const { data, error } = await client.sessions.create({ kind: 'general', title });
  if (error) throw error;
  return data;
}

function statusLine(sidebar: ChatSidebar): string {
  const status = $(sidebar, 'chat-connection-status')!;
  return textOf(status.shadowRoot!.querySelector('[role="status"]'));
}

async function press(sidebar: ChatSidebar, key: string): Promise<void> {
  await pressKeys(key);
  await settle(sidebar);
}

describe('<chat-sidebar> offline', () => {
  before(async function () {
    this.timeout(120_000);
    await backendInfo();
  });

  it('shows a failed delete in broker words, says the connection is lost, and clears the error once it goes through', async function () {
    this.timeout(30_000);
    const broker = await newBroker();
    await created(broker.chat, 'Keep me');
    const doomed = await created(broker.chat, 'Delete me');
    const wrapper = await fixture<HTMLDivElement>(html`<div style=${box}>
      <chat-sidebar style="flex: 1 1 auto" locale="en-GB" .client=${broker.chat}></chat-sidebar>
    </div>`);
    const sidebar = wrapper.querySelector('chat-sidebar')!;
    await eventually(() => expect(cards(sidebar)).to.have.length(2));
    expect(statusLine(sidebar)).to.equal('');

    broker.network = 'offline';
    card(sidebar, doomed.id)!.focus();
    await press(sidebar, 'Delete');
    await press(sidebar, 'Enter');
    await eventually(() =>
      expect(textOf(sidebar.shadowRoot!.querySelector('.toasts'))).to.contain("didn't go through"),
    );
    const toasts = textOf(sidebar.shadowRoot!.querySelector('.toasts'));
    expect(toasts).to.contain('The connection dropped, so this may not have been saved.');
    expect(toasts).not.to.match(/TypeError|Failed to fetch|did not complete/);
    await eventually(() =>
      expect(statusLine(sidebar)).to.match(
        /^(Offline|Connection lost, reconnecting)\. Changes made now may not be saved/,
      ),
    );
    await expect(sidebar).to.be.accessible();

    broker.network = 'online';
    await eventually(() => expect(cards(sidebar)).to.have.length(2));
    card(sidebar, doomed.id)!.focus();
    await press(sidebar, 'Delete');
    await press(sidebar, 'Enter');
    await eventually(async () =>
      expect((await broker.chat.sessions.get(doomed.id)).data?.deletedAt).to.be.a('string'),
    );
    await eventually(() =>
      expect(textOf(sidebar.shadowRoot!.querySelector('.toasts'))).not.to.contain(
        "didn't go through",
      ),
    );
    await eventually(() => expect(statusLine(sidebar)).not.to.match(/reconnecting|Offline/));
  });
});
