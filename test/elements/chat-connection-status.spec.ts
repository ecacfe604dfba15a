// <chat-connection-status> over the real SDK and backend: the connection state comes from real
// calls through supabase-js; the only fake is the network switch in front of fetch.
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { getRuntime, loadConversationStores, type ChatSessionsClient } from '@chat-sessions/sdk';
import '../../src/chat-connection-status/define.js';
import type { ChatConnectionStatus } from '../../src/chat-connection-status/chat-connection-status.js';
import { problemText } from '../../src/internal/problem-text.js';
import { backendInfo, eventually } from './support/backend.js';
import { newOfflineBroker } from './support/offline-broker.js';

function region(status: ChatConnectionStatus): HTMLElement {
  return status.shadowRoot!.querySelector<HTMLElement>('[role="status"]')!;
}

function said(status: ChatConnectionStatus): string {
  return region(status).textContent?.replace(/\s+/g, ' ').trim() ?? '';
}

const disposers: Array<() => void> = [];

function fastRuntime(chat: ChatSessionsClient, userId: string) {
  const runtime = getRuntime(chat, {
    userId,
    intervalMs: 0,
    outbox: { retryMs: 40 },
    connection: { probeMs: 40, offlineAfter: 1, network: null },
  });
  disposers.push(() => runtime.dispose());
  return runtime;
}

describe('<chat-connection-status>', () => {
  before(async function () {
    this.timeout(120_000);
    await backendInfo();
    // A test below makes a conversation store itself (runtime.messages()).
    await loadConversationStores();
  });

  afterEach(() => {
    for (const dispose of disposers.splice(0)) dispose();
  });

  it('says nothing while online, announces offline and back online in one polite region', async function () {
    this.timeout(20_000);
    const broker = await newOfflineBroker();
    const tab = broker.client();
    fastRuntime(tab.chat, broker.userId);
    const status = await fixture<ChatConnectionStatus>(
      html`<chat-connection-status .client=${tab.chat} recovered-ms="300"></chat-connection-status>`,
    );
    const live = status.shadowRoot!.querySelectorAll('[aria-live]');
    expect(live).to.have.length(1);
    expect(live[0]!.getAttribute('aria-live')).to.equal('polite');
    expect(said(status)).to.equal('');
    expect(status.getAttribute('state')).to.equal('quiet');
    expect(getComputedStyle(status).display, 'takes no room while quiet').to.equal('contents');
    await expect(status).to.be.accessible();

    tab.online = false;
    const lost = await tab.chat.sessions.counts();
    expect(lost.error?.code).to.equal('network');
    await eventually(() =>
      expect(said(status)).to.match(
        /^Offline\. Messages and changes you make are kept on this device/,
      ),
    );
    expect(said(status)).not.to.match(/TypeError|Failed to fetch/);
    expect(status.getAttribute('state')).to.equal('offline');
    await expect(status).to.be.accessible();

    tab.online = true;
    const back = await tab.chat.sessions.counts();
    expect(back.error).to.equal(null);
    await eventually(() => expect(said(status)).to.equal('Back online. Everything is saved.'));
    // It clears itself.
    await eventually(() => expect(said(status)).to.equal(''), 2000);
  });

  it('defined late, while already offline: the region is in the page empty first, then speaks', async function () {
    this.timeout(10_000);
    const listeners = new Set<() => void>();
    const store = {
      getSnapshot: () => ({ status: 'offline' as const, queued: 2, outbox: true, refused: null }),
      subscribe: (listener: () => void) => {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    };
    const status = await fixture<ChatConnectionStatus>(
      html`<chat-connection-status .store=${store}></chat-connection-status>`,
    );
    // First render: the polite region exists and says nothing yet (so it is known before it speaks).
    const live = status.shadowRoot!.querySelectorAll('[aria-live="polite"]');
    expect(live.length).to.equal(1);
    expect(said(status)).to.equal('');
    expect(status.getAttribute('state')).to.equal('quiet');
    await eventually(() =>
      expect(said(status)).to.equal(
        'Offline. Messages and changes you make are kept on this device and sent when the connection returns. 2 changes waiting to be sent.',
      ),
    );
    expect(status.shadowRoot!.querySelector('[aria-live="polite"]') === live[0]).to.equal(true);
    expect(status.getAttribute('state')).to.equal('offline');
    await expect(status).to.be.accessible();
  });

  it('reports a refused queued message once, with a broker text, and Enter on Dismiss clears it', async function () {
    this.timeout(20_000);
    const broker = await newOfflineBroker();
    const tab = broker.client();
    const runtime = fastRuntime(tab.chat, broker.userId);
    const created = await tab.chat.sessions.create({ kind: 'general', title: 'Closing soon' });
    if (created.error) throw created.error;
    const sessionId = created.data.id;
    const wrapper = await fixture<HTMLDivElement>(html`<div>
      <input aria-label="Before" />
      <chat-connection-status .client=${tab.chat}></chat-connection-status>
    </div>`);
    const status = wrapper.querySelector('chat-connection-status')!;
    const conversation = runtime.messages({ sessionId });
    const stop = conversation.subscribe(() => {});
    disposers.push(stop);
    await eventually(() => expect(conversation.getSnapshot().loaded).to.equal(true));

    tab.online = false;
    await conversation.send('Can we hold the Challenger?');
    await eventually(() => expect(said(status)).to.contain('1 change waiting to be sent.'));

    const other = broker.client();
    const completed = await other.chat.sessions.complete(sessionId, 'cancelled');
    if (completed.error) throw completed.error;
    tab.online = true;
    await eventually(() =>
      expect(said(status)).to.equal(
        `A message written offline was not sent (“Can we hold the Challenger?”). ${problemText({ code: 'session_closed' })}`,
      ),
    );
    await expect(status).to.be.accessible();

    wrapper.querySelector('input')!.focus();
    await sendKeys({ press: 'Tab' });
    const dismiss = status.shadowRoot!.querySelector<HTMLButtonElement>(
      '[part~="dismiss-button"]',
    )!;
    expect(status.shadowRoot!.activeElement).to.equal(dismiss);
    await sendKeys({ press: 'Enter' });
    await eventually(() => expect(said(status)).to.equal(''));
    expect(status.shadowRoot!.querySelector('[part~="dismiss-button"]')).to.equal(null);
    expect(runtime.connection.getSnapshot().refused).to.equal(null);
  });
});
