// Quick create offline when the SDK's parser (its airport table) never loaded: the network went
// after the preview's chunk was warmed but before the parser's was. The text is still read for
// what it spells out (airport codes typed in capitals as a route, "2 pax"), the date left for the
// broker; back online, the parser loads on the next use (a failed load is not kept). Real SDK
// and backend with Chromium's IndexedDB (the outbox); the network switch in front of fetch and
// DevTools' blocked URLs are the only fakes.
import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import { getRuntime, type Session } from '@chat-sessions/sdk';
import '../../src/chat-sidebar/define.js';
import type { ChatSidebar } from '../../src/chat-sidebar/chat-sidebar.js';
import { backendInfo, eventually } from './support/backend.js';
import { newOfflineBroker } from './support/offline-broker.js';
import { $, cards, pressKeys, settle, textOf } from './support/sidebar.js';

const box =
  'position: fixed; top: 0; left: 0; z-index: 1; width: 360px; height: 560px; display: flex; background: white';

async function block(urls: string[]): Promise<void> {
  await executeServerCommand('network-block', { urls });
}

function routes(session: Pick<Session, 'legs'> | null | undefined): string[] {
  return (session?.legs ?? []).map((leg) => `${leg.from}-${leg.to} ${leg.date ?? 'no date'}`);
}

const disposers: Array<() => void> = [];

describe('<chat-sidebar> quick create offline without the SDK parser', () => {
  before(async function () {
    this.timeout(120_000);
    await backendInfo();
  });

  afterEach(async () => {
    for (const dispose of disposers.splice(0)) dispose();
    await block([]);
  });

  it('keeps typed airport codes and passengers, and reads dates again once back online', async function () {
    this.timeout(40_000);
    // The parser's modules can't be fetched from the start: its warm-up fails (silently).
    await block(['*/sdk/src/metadata/*']);
    const broker = await newOfflineBroker();
    const tab = broker.client();
    const runtime = getRuntime(tab.chat, {
      userId: broker.userId,
      intervalMs: 0,
      outbox: { retryMs: 40, warmMs: 20 },
      connection: { probeMs: 40, network: null },
    });
    disposers.push(() => runtime.dispose());
    const wrapper = await fixture<HTMLDivElement>(html`<div style=${box}>
      <chat-sidebar style="flex: 1 1 auto" locale="en-GB" .client=${tab.chat}></chat-sidebar>
    </div>`);
    const sidebar = wrapper.querySelector<ChatSidebar>('chat-sidebar')!;
    await eventually(() => expect(runtime.outbox?.ready).to.equal(true));
    await eventually(
      () => expect(customElements.get('chat-quick-create-preview') !== undefined).to.equal(true),
      10_000,
    );
    await expect(sidebar).to.be.accessible();

    tab.online = false;
    await block(['*/src/*', '*/packages/*']);
    const input = $(sidebar, '[part="quick-create-input"]') as HTMLInputElement;
    input.focus();
    await sendKeys({ type: 'BOS to MIA Dec 20 2 pax' });
    await settle(sidebar);
    await pressKeys('Enter');
    await settle(sidebar);
    await eventually(() => expect(cards(sidebar)).to.have.length(1));
    const card = cards(sidebar)[0] as HTMLElement & { session: Session };
    const id = card.dataset['sessionId']!;
    expect(routes(card.session)).to.deep.equal(['BOS-MIA no date']);
    expect(card.session.passengers).to.equal(2);
    const shown = textOf(card.shadowRoot as unknown as Element);
    expect(shown).to.match(/BOS\s*→\s*MIA/);
    expect(shown).to.match(/2 pax/);
    expect(textOf($(sidebar, '[part="quick-create-error"]'))).to.equal('');
    await expect(sidebar).to.be.accessible();

    // Back online: stored as read; the next quick create loads the parser and reads the date.
    await block([]);
    tab.online = true;
    await eventually(async () => {
      const { data } = await tab.chat.sessions.get(id);
      expect(routes(data)).to.deep.equal(['BOS-MIA no date']);
      expect(data?.passengers).to.equal(2);
    }, 10_000);
    input.focus();
    await sendKeys({ type: 'TEB to VNY Dec 12 6 pax' });
    await settle(sidebar);
    await pressKeys('Enter');
    await settle(sidebar);
    await eventually(() => expect(cards(sidebar)).to.have.length(2), 10_000);
    const next = cards(sidebar).find((element) => element.dataset['sessionId'] !== id) as
      (HTMLElement & { session: Session }) | undefined;
    await eventually(async () => {
      const { data } = await tab.chat.sessions.get(next!.dataset['sessionId']!);
      expect(routes(data)).to.deep.equal([`TEB-VNY ${new Date().getFullYear()}-12-12`]);
      expect(data?.passengers).to.equal(6);
    }, 10_000);
  });
});
