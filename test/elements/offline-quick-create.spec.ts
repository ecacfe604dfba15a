// Quick create with the network gone, over the real SDK and backend with Chromium's real
// IndexedDB and Web Locks (the outbox). The network switch in front of fetch and DevTools'
// blocked URLs (modules can't be fetched offline either) are the only fakes. Quick create's
// reading of the text (the preview's lazy chunk, and the SDK's parser with its airport table) is
// warmed while idle after the sidebar's first paint, so a broker who loses the connection later
// still gets "BOS to MIA Dec 20 2 pax" read into a route, a date and passengers: on the card at
// once, and in the stored session once the outbox sends it.
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

/**
 * Every module of the elements and the SDK the page could still fetch from the dev server (the
 * test tools' own, axe's among them, are left alone).
 */
const MODULES = ['*/src/*', '*/packages/*'];

async function blockModules(blocked: boolean, endpoint = ''): Promise<void> {
  const urls = blocked ? [...MODULES, ...(endpoint ? [`*${endpoint}`] : [])] : [];
  await executeServerCommand('network-block', { urls });
}

/** Whether the page has fetched a module whose address contains `part`. */
function fetched(part: string): boolean {
  return performance.getEntriesByType('resource').some((entry) => entry.name.includes(part));
}

/** What a card shows (its shadow root's text). */
function shownText(card: HTMLElement): string {
  return textOf(card.shadowRoot as unknown as Element);
}

/** Resolves after two idle periods. */
async function idlePassed(): Promise<void> {
  for (let period = 0; period < 2; period += 1) {
    await new Promise<void>((resolve) => requestIdleCallback(() => resolve()));
  }
}

// The dev server serves each module as its own file: more than the default 250 entries.
performance.setResourceTimingBufferSize(100_000);

const disposers: Array<() => void> = [];

describe('<chat-sidebar> quick create offline', () => {
  before(async function () {
    this.timeout(120_000);
    await backendInfo();
  });

  afterEach(async () => {
    for (const dispose of disposers.splice(0)) dispose();
    await blockModules(false);
  });

  /**
   * Online: the sidebar (reading through `endpoint` when set) goes idle; offline: the broker
   * creates "BOS to MIA Dec 20 2 pax" by keyboard; back online: the stored session.
   */
  async function createOffline(endpoint: string): Promise<void> {
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
      <chat-sidebar
        style="flex: 1 1 auto"
        locale="en-GB"
        metadata-endpoint=${endpoint}
        .client=${tab.chat}
      ></chat-sidebar>
    </div>`);
    const sidebar = wrapper.querySelector<ChatSidebar>('chat-sidebar')!;
    await eventually(() => expect(runtime.outbox?.ready).to.equal(true));

    // Online, the broker has not typed yet: the page goes idle, and quick create's reading is
    // warmed meanwhile (the preview's chunk and the SDK's parser with its airport table).
    await eventually(
      () =>
        expect(
          fetched('/sdk/src/metadata/airports/airport-table'),
          "the SDK's airport table was warmed while idle",
        ).to.equal(true),
      10_000,
    );
    expect(customElements.get('chat-quick-create-preview') !== undefined).to.equal(true);
    await idlePassed();
    await expect(sidebar).to.be.accessible();

    // The network goes: the backend is unreachable and no module can be fetched either.
    tab.online = false;
    await blockModules(true, endpoint);
    const input = $(sidebar, '[part="quick-create-input"]') as HTMLInputElement;
    input.focus();
    await sendKeys({ type: 'BOS to MIA Dec 20 2 pax' });
    await settle(sidebar);
    await pressKeys('Enter');
    await settle(sidebar);

    // Created at once (queued in the outbox), read as a route, a date and passengers.
    await eventually(() => expect(cards(sidebar)).to.have.length(1));
    const card = cards(sidebar)[0] as HTMLElement & { session: Session };
    const id = card.dataset['sessionId']!;
    expect(card.session.legs.map((leg) => `${leg.from}-${leg.to} ${leg.date}`)).to.deep.equal([
      `BOS-MIA ${new Date().getFullYear()}-12-20`,
    ]);
    expect(card.session.passengers).to.equal(2);
    await settle(sidebar);
    const cardText = shownText(card);
    expect(cardText).to.match(/BOS\s*→\s*MIA/);
    expect(cardText).to.match(/20 Dec/);
    expect(cardText).to.match(/2 pax/);
    expect(cardText).not.to.match(/dates not set/i);
    expect(input.value).to.equal('');
    expect(textOf($(sidebar, '[part="quick-create-error"]'))).to.equal('');
    await expect(sidebar).to.be.accessible();

    // Back online: the outbox sends it, and the stored session has the same route and passengers.
    await blockModules(false);
    tab.online = true;
    await eventually(async () => {
      const { data } = await tab.chat.sessions.get(id);
      expect(data?.kind).to.equal('flight_request');
      expect(data?.legs.map((leg) => `${leg.from}-${leg.to} ${leg.date}`)).to.deep.equal([
        `BOS-MIA ${new Date().getFullYear()}-12-20`,
      ]);
      expect(data?.passengers).to.equal(2);
    }, 10_000);
    await eventually(() => expect(shownText(cards(sidebar)[0]!)).to.match(/BOS\s*→\s*MIA.*2 pax/));
  }

  it('reads "BOS to MIA Dec 20 2 pax" with the network gone, queues it with its route and passengers, and stores them once back online', async function () {
    this.timeout(40_000);
    await createOffline('');
  });

  it('reads it the same with a metadata endpoint that the network can no longer reach', async function () {
    this.timeout(40_000);
    // Never reached here: the network is down by the time the broker types.
    await createOffline('/offline-quick-create/metadata');
  });
});
