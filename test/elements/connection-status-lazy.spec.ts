// <chat-connection-status> where it is a lazy chunk (the browser bundles): nothing in this file
// imports its define module, so <chat-sidebar> (registered here without its define module, which
// would register the status at once as the npm package does) must load it itself: while idle
// soon after its first paint, before the network can drop. Real SDK and backend; the network
// switch in front of fetch is the only fake. The tests run in order: the first keeps the element
// undefined (its loads are stand-ins), as does the second (a removed host loads nothing); the
// last lets the sidebar load the real one.
import { expect, fixture, html, nextFrame } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { LitElement } from 'lit';
import { getRuntime, type ChatSessionsClient, type Session } from '@chat-sessions/sdk';
import { ChatSidebar } from '../../src/chat-sidebar/chat-sidebar.js';
import '../../src/flight-request-card/define.js';
import '../../src/general-chat-card/define.js';
import { ConnectionStatusLoader } from '../../src/controllers/connection-status-loader.js';
import { defineElement } from '../../src/internal/define.js';
import { backendInfo, eventually } from './support/backend.js';
import { newOfflineBroker } from './support/offline-broker.js';

defineElement('chat-sidebar', ChatSidebar);

const box =
  'position: fixed; top: 0; left: 0; z-index: 1; width: 360px; height: 560px; display: flex; background: white';

/** A host of the loader alone, with stand-in loads (the element stays undefined). */
class LoaderHost extends LitElement {
  client: ChatSessionsClient | null = null;
  loader: ConnectionStatusLoader | null = null;
}
customElements.define('connection-status-loader-host', LoaderHost);

async function created(client: ChatSessionsClient, title: string): Promise<Session> {
  const { data, error } = await client.sessions.create({ kind: 'general', title });
  if (error) throw error;
  return data;
}

/** The status element as seen before its class exists (no `instanceof`). */
type Upgraded = HTMLElement & {
  client: unknown;
  recoveredMs: number;
  updateComplete: Promise<boolean>;
};

function said(status: Element): string {
  return textOf(status.shadowRoot?.querySelector('[role="status"]') ?? null);
}

// Not support/sidebar.js: it imports the sidebar's define module, which registers the status.
function textOf(element: Element | null): string {
  return (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

function $(sidebar: ChatSidebar, selector: string): HTMLElement | null {
  return sidebar.shadowRoot!.querySelector<HTMLElement>(selector);
}

function card(sidebar: ChatSidebar, id: string): HTMLElement | null {
  return $(sidebar, `[data-session-id="${id}"]`);
}

function cardCount(sidebar: ChatSidebar): number {
  return sidebar.shadowRoot!.querySelectorAll('[data-session-id]').length;
}

async function settle(sidebar: ChatSidebar): Promise<void> {
  await sidebar.updateComplete;
  for (let frame = 0; frame < 4; frame += 1) await nextFrame();
  await sidebar.updateComplete;
}

async function press(sidebar: ChatSidebar, key: string): Promise<void> {
  await sendKeys({ press: key });
  await settle(sidebar);
}

/** Resolves once a warm-up with `warmMs: 0` queued before this call has had its idle time. */
async function warmUpPassed(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 50));
  for (let period = 0; period < 2; period += 1) {
    await new Promise<void>((resolve) => requestIdleCallback(() => resolve()));
  }
}

const disposers: Array<() => void> = [];

describe('<chat-connection-status> as a lazy chunk', () => {
  before(async function () {
    this.timeout(120_000);
    await backendInfo();
  });

  afterEach(() => {
    for (const dispose of disposers.splice(0)) dispose();
  });

  it('reports a failed load and tries again, after a wait and when back online', async function () {
    this.timeout(10_000);
    const errors: unknown[][] = [];
    const report = (...args: unknown[]) => errors.push(args);
    const attempts: number[] = [];
    let fail = true;
    const host = new LoaderHost();
    host.loader = new ConnectionStatusLoader(host, {
      warmMs: 0,
      retryMs: 20_000,
      report,
      load: () => {
        attempts.push(Date.now());
        return fail ? Promise.reject(new TypeError('Failed to fetch a chunk')) : Promise.resolve();
      },
    });
    await fixture(html`<div>${host}</div>`);
    expect(customElements.get('chat-connection-status') === undefined, 'not defined').to.equal(
      true,
    );

    // The warm-up tried once and failed: reported with the cause, and not silently dropped.
    await eventually(() => expect(attempts).to.have.length(1));
    await eventually(() => expect(errors).to.have.length(1));
    expect(String(errors[0]![0])).to.match(
      /could not load <chat-connection-status>; trying again in 20000 ms/,
    );
    expect(errors[0]![1]).to.be.an.instanceOf(TypeError);

    // The browser says the network is back: tried again at once (not after 20 s), and
    // this time it loads; nothing more is tried after.
    fail = false;
    window.dispatchEvent(new Event('online'));
    await eventually(() => expect(attempts).to.have.length(2));
    await host.loader.load();
    expect(attempts).to.have.length(3, 'load() while not defined asks again');
    expect(errors).to.have.length(1);

    // A failure schedules a retry after the wait (doubling): with a short wait it comes by itself.
    const retrying = new LoaderHost();
    let failures = 0;
    retrying.loader = new ConnectionStatusLoader(retrying, {
      warmMs: 0,
      retryMs: 50,
      report,
      load: () => (failures++ < 2 ? Promise.reject(new Error('chunk 404')) : Promise.resolve()),
    });
    await fixture(html`<div>${retrying}</div>`);
    await eventually(() => expect(failures).to.equal(3));
    expect(errors.slice(1).map((args) => String(args[0]))).to.deep.equal([
      '@chat-sessions/elements: could not load <chat-connection-status>; trying again in 50 ms.',
      '@chat-sessions/elements: could not load <chat-connection-status>; trying again in 100 ms.',
    ]);
  });

  it('never loads it for a host removed before its warm-up ran, and warms up again when the host is put back', async function () {
    this.timeout(10_000);
    let loads = 0;
    const host = new LoaderHost();
    host.loader = new ConnectionStatusLoader(host, {
      warmMs: 0,
      load: () => {
        loads += 1;
        return Promise.resolve();
      },
    });
    const wrapper = await fixture<HTMLDivElement>(html`<div></div>`);
    // Removed while the warm-up waits for its timer.
    wrapper.append(host);
    await host.updateComplete;
    host.remove();
    await warmUpPassed();
    expect(loads).to.equal(0);

    // Removed while it waits for the browser to be idle: the timer queued the idle callback
    // (timers of the same delay fire in order, so the loader's came first).
    wrapper.append(host);
    const loadsWhenRemoved = await new Promise<number>((resolve) =>
      setTimeout(() => {
        host.remove();
        resolve(loads);
      }, 0),
    );
    expect(loadsWhenRemoved, 'not idle yet').to.equal(0);
    await warmUpPassed();
    expect(loads).to.equal(0);

    // Back in the page: it warms up again, while idle.
    wrapper.append(host);
    await eventually(() => expect(loads).to.equal(1));
    await warmUpPassed();
    expect(loads).to.equal(1);
  });

  it('the sidebar paints without it, loads it while idle without moving anything, and it says "Offline." when the network drops', async function () {
    this.timeout(30_000);
    expect(customElements.get('chat-connection-status') === undefined, 'not defined yet').to.equal(
      true,
    );
    const broker = await newOfflineBroker();
    const tab = broker.client();
    const doomed = await created(tab.chat, 'Delete me offline');
    const runtime = getRuntime(tab.chat, {
      userId: broker.userId,
      intervalMs: 0,
      outbox: false,
      connection: { probeMs: 40, offlineAfter: 1, network: null },
    });
    disposers.push(() => runtime.dispose());
    // A host's own status element too, with properties set before its definition exists.
    const wrapper = await fixture<HTMLDivElement>(html`<div style=${box}>
      <chat-sidebar style="flex: 1 1 auto" locale="en-GB" .client=${tab.chat}></chat-sidebar>
      <chat-connection-status
        .client=${tab.chat}
        .strings=${{ offline: 'Hors ligne.' }}
        recovered-ms="300"
      ></chat-connection-status>
    </div>`);
    const sidebar = wrapper.querySelector('chat-sidebar')!;
    const own = wrapper.querySelector<Upgraded>('chat-connection-status')!;
    await eventually(() => expect(cardCount(sidebar)).to.equal(1));

    // First paint: the tag is there, undefined, and takes no room in the header's grid.
    const status = $(sidebar, 'chat-connection-status') as Upgraded;
    expect(customElements.get('chat-connection-status') === undefined, 'not defined').to.equal(
      true,
    );
    expect(status.matches(':not(:defined)')).to.equal(true);
    expect(getComputedStyle(status).display).to.equal('contents');
    const tabsTop = () => $(sidebar, '[role="tablist"]')!.getBoundingClientRect().top;
    const before = tabsTop();

    // Warmed while idle, about a second after the first paint, with the network still up.
    await customElements.whenDefined('chat-connection-status');
    await status.updateComplete;
    await settle(sidebar);
    expect(tabsTop(), 'the upgrade moved nothing').to.equal(before);
    expect(status.getAttribute('state')).to.equal('quiet');
    expect(said(status)).to.equal('');
    // Properties set before the upgrade (the sidebar's `.client`, the host's own) reached it.
    expect(status.client === tab.chat).to.equal(true);
    expect(own.client === tab.chat).to.equal(true);
    expect(own.recoveredMs).to.equal(300);
    await expect(sidebar).to.be.accessible();

    // The network drops; the broker deletes from the keyboard: the write fails, the line says so.
    tab.online = false;
    card(sidebar, doomed.id)!.focus();
    await eventually(() =>
      expect(
        (sidebar.shadowRoot!.activeElement as HTMLElement | null)?.dataset['sessionId'],
      ).to.equal(doomed.id),
    );
    await press(sidebar, 'Delete');
    await press(sidebar, 'Enter');
    await eventually(() => expect(said(status)).to.match(/^Offline\. Changes made now/));
    expect(status.getAttribute('state')).to.equal('offline');
    expect(said(own)).to.match(/^Hors ligne\. /);
    const live = status.shadowRoot!.querySelectorAll('[aria-live]');
    expect(live.length).to.equal(1);
    expect(live[0]!.getAttribute('aria-live')).to.equal('polite');
    await expect(sidebar).to.be.accessible();

    tab.online = true;
    await eventually(() => expect(said(status)).not.to.match(/Offline/), 8000);
  });
});
