// The sidebar's cards for list actions waiting in the outbox, over the real SDK and backend with
// Chromium's real IndexedDB and Web Locks; the network switch in front of fetch is the only fake
// (a dropped connection). Offline, a pause and a pin made from the keyboard are shown as made
// and marked "Waiting to send" (not the in-flight state); back online each is sent once and the
// marks go by themselves.
import { expect, fixture, html } from '@open-wc/testing';
import { getRuntime, type ChatSessionsClient, type Session } from '@chat-sessions/sdk';
import '../../src/chat-sidebar/define.js';
import type { ChatSidebar } from '../../src/chat-sidebar/chat-sidebar.js';
import { backendInfo, eventually } from './support/backend.js';
import { newOfflineBroker } from './support/offline-broker.js';
import {
  $,
  card,
  cards,
  pressKeys,
  settle,
  shadow,
  textOf,
  waitForFocus,
} from './support/sidebar.js';

const box =
  'position: fixed; top: 0; left: 0; z-index: 1; width: 360px; height: 560px; display: flex; background: white';

const disposers: Array<() => void> = [];

async function created(client: ChatSessionsClient, title: string): Promise<Session> {
  const { data, error } = await client.sessions.create({ kind: 'general', title });
  if (error) throw error;
  return data;
}

/** The text of the sidebar's toast region (always rendered, empty when nothing is said). */
function toastText(sidebar: ChatSidebar): string {
  const region = shadow(sidebar).querySelector('.toasts');
  expect(region !== null, 'the toast region').to.equal(true);
  return textOf(region);
}

function statusLine(sidebar: ChatSidebar): string {
  const status = $(sidebar, 'chat-connection-status')!;
  return textOf(status.shadowRoot!.querySelector('[role="status"]'));
}

function marker(sidebar: ChatSidebar, id: string): HTMLElement | null {
  return card(sidebar, id)?.shadowRoot?.querySelector<HTMLElement>('[part~="queued"]') ?? null;
}

/**
 * Whether the card shows its time of last activity. Elements are asserted through booleans in
 * this file: a failing `expect(element)` made the test runner hang for its whole timeout instead
 * of reporting (the element is serialized with the error).
 */
function hasTime(sidebar: ChatSidebar, id: string): boolean {
  return card(sidebar, id)?.shadowRoot?.querySelector('[part~="time"]') != null;
}

/** With a card focused: opens its actions menu with Shift+F10 and picks `action` with the arrows. */
async function menuAction(sidebar: ChatSidebar, action: string): Promise<void> {
  await pressKeys('Shift+F10');
  await settle(sidebar);
  for (let press = 0; press < 15; press += 1) {
    const focused = shadow(sidebar).activeElement as HTMLElement | null;
    if (focused?.dataset['action'] === action) {
      await pressKeys('Enter');
      await settle(sidebar);
      return;
    }
    await pressKeys('ArrowDown');
  }
  throw new Error(`no "${action}" item in the actions menu`);
}

describe('<chat-sidebar> queued list actions', () => {
  before(async function () {
    this.timeout(120_000);
    await backendInfo();
  });

  afterEach(() => {
    for (const dispose of disposers.splice(0)) dispose();
  });

  /** A runtime with a fast outbox and probe on `chat`, and a sidebar over it showing `count` cards. */
  async function mountOfflineSidebar(
    userId: string,
    chat: Parameters<typeof getRuntime>[0],
    count: number,
  ): Promise<{ runtime: ReturnType<typeof getRuntime>; sidebar: ChatSidebar }> {
    const runtime = getRuntime(chat, {
      userId,
      intervalMs: 0,
      outbox: { retryMs: 40, warmMs: 20 },
      connection: { probeMs: 40, network: null },
    });
    disposers.push(() => runtime.dispose());
    const wrapper = await fixture<HTMLDivElement>(html`<div style=${box}>
      <chat-sidebar style="flex: 1 1 auto" locale="en-GB" .client=${chat}></chat-sidebar>
    </div>`);
    const sidebar = wrapper.querySelector('chat-sidebar')!;
    await eventually(() => expect(cards(sidebar)).to.have.length(count));
    await eventually(() => expect(runtime.outbox?.ready).to.equal(true));
    return { runtime, sidebar };
  }

  it('marks cards whose action waits offline, sends each once when back online, and the marks go', async function () {
    this.timeout(30_000);
    const broker = await newOfflineBroker();
    const tab = broker.client();
    const toPause = await created(tab.chat, 'Pause me offline');
    const toPin = await created(tab.chat, 'Pin me offline');
    const { runtime, sidebar } = await mountOfflineSidebar(broker.userId, tab.chat, 2);
    expect(marker(sidebar, toPause.id) === null, 'no mark yet').to.equal(true);

    tab.online = false;
    card(sidebar, toPause.id)!.focus();
    await waitForFocus(sidebar, toPause.id);
    await menuAction(sidebar, 'pause');
    card(sidebar, toPin.id)!.focus();
    await waitForFocus(sidebar, toPin.id);
    await menuAction(sidebar, 'pin');

    // Shown as made, and marked as waiting (in words, for assistive technology too).
    await eventually(() => expect(runtime.connection.getSnapshot().queued).to.equal(2));
    await eventually(() => {
      expect(textOf(marker(sidebar, toPause.id))).to.equal('Waiting to send');
      expect(textOf(marker(sidebar, toPin.id))).to.equal('Waiting to send');
    });
    for (const id of [toPause.id, toPin.id]) {
      expect(card(sidebar, id)!.hasAttribute('queued')).to.equal(true);
      expect(card(sidebar, id)!.matches(':state(queued)')).to.equal(true);
      // The marker stands where the time was: the title keeps its room in a narrow sidebar.
      expect(hasTime(sidebar, id), 'the time is hidden while queued').to.equal(false);
    }
    const pausedCard = card(sidebar, toPause.id)!.shadowRoot!;
    expect(textOf(pausedCard.querySelector('[part~="status"]'))).to.equal('Paused');
    const pinIcon = card(sidebar, toPin.id)!.shadowRoot!.querySelector('[part~="pin"]');
    expect(pinIcon !== null, 'the pin shows').to.equal(true);
    expect(statusLine(sidebar)).to.match(/2 changes waiting to be sent\.$/);
    // Nothing refused: no error toast for a change that only waits.
    expect(toastText(sidebar)).to.equal('');
    expect(tab.sent.filter((fn) => /transition_session|set_session_pinned/.test(fn))).to.deep.equal(
      [],
    );
    await expect(sidebar).to.be.accessible();

    tab.online = true; // the connection returns
    await eventually(() => {
      expect(marker(sidebar, toPause.id) === null, 'pause sent').to.equal(true);
      expect(marker(sidebar, toPin.id) === null, 'pin sent').to.equal(true);
    }, 10_000);
    await eventually(() => expect(runtime.connection.getSnapshot().queued).to.equal(0));
    expect(card(sidebar, toPause.id)!.hasAttribute('queued')).to.equal(false);
    expect(hasTime(sidebar, toPause.id), 'the last activity is back').to.equal(true);
    expect(tab.sent.filter((fn) => fn === 'transition_session')).to.have.length(1);
    expect(tab.sent.filter((fn) => fn === 'set_session_pinned')).to.have.length(1);
    const check = broker.client();
    expect((await check.chat.sessions.get(toPause.id)).data?.status).to.equal('paused');
    expect((await check.chat.sessions.get(toPin.id)).data?.pinned).to.equal(true);
    await eventually(() => expect(statusLine(sidebar)).not.to.match(/waiting|Offline/));
    await expect(sidebar).to.be.accessible();
  });
  it('says once, in broker words, why a queued action was refused, rolls it back, and clears the notice itself', async function () {
    this.timeout(30_000);
    const broker = await newOfflineBroker();
    const tab = broker.client();
    const doomed = await created(tab.chat, 'LHR → TEB');
    const alsoDoomed = await created(tab.chat, 'VNY → LAS');
    const { runtime, sidebar } = await mountOfflineSidebar(broker.userId, tab.chat, 2);
    const status = $(sidebar, 'chat-connection-status') as HTMLElement & { refusedMs: number };
    status.refusedMs = 1500;

    tab.online = false;
    card(sidebar, doomed.id)!.focus();
    await waitForFocus(sidebar, doomed.id);
    await menuAction(sidebar, 'pause');
    card(sidebar, alsoDoomed.id)!.focus();
    await waitForFocus(sidebar, alsoDoomed.id);
    await menuAction(sidebar, 'archive');
    await eventually(() => expect(textOf(marker(sidebar, doomed.id))).to.equal('Waiting to send'));
    // Meanwhile, in another window, both are completed and one is trashed: neither applies now.
    const elsewhere = broker.client();
    expect((await elsewhere.chat.sessions.complete(doomed.id, 'won')).error).to.equal(null);
    expect((await elsewhere.chat.sessions.delete(alsoDoomed.id)).error).to.equal(null);

    tab.online = true;
    const expected =
      'Couldn’t pause “LHR → TEB”: it was already completed in another window. Nothing else changed.';
    await eventually(() => expect(statusLine(sidebar)).to.contain(expected), 10_000);
    // Both refusals are listed, each once.
    await eventually(() =>
      expect(statusLine(sidebar)).to.contain(
        'Couldn’t archive “VNY → LAS”. This session is in the trash',
      ),
    );
    expect(statusLine(sidebar).split('Couldn’t pause').length).to.equal(2);
    expect(statusLine(sidebar)).not.to.match(/invalid_transition|Error/);
    // Said in the status region only: no second report in the sidebar's toasts.
    expect(toastText(sidebar)).to.equal('');
    await expect(sidebar).to.be.accessible();
    // Rolled back to the server's truth: completed, so it left the Active list; not waiting.
    await eventually(() => expect(cards(sidebar)).to.have.length(0));
    expect(runtime.connection.getSnapshot().queued).to.equal(0);
    // Said once, then it clears itself.
    await eventually(() => expect(statusLine(sidebar)).not.to.contain('Couldn’t'), 5_000);
    expect(runtime.connection.getSnapshot().refused).to.equal(null);
  });
});
