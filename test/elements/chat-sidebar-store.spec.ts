// <chat-sidebar> and <chat-sessions-provider> end to end: the real SDK (supabase-js, the
// client, SessionListStore, ChangeFeedSync) against the local gateway over PostgreSQL, started
// by the test runner's backend plugin. Nothing here imitates the database.
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import {
  ChangeFeedSync,
  SessionListStore,
  type ChatSessionsClient,
  type Session,
} from '@chat-sessions/sdk';
import '../../src/chat-sessions-provider/define.js';
import '../../src/chat-sidebar/define.js';
import type { ChatSessionsProvider } from '../../src/chat-sessions-provider/chat-sessions-provider.js';
import type { ChatSidebar } from '../../src/chat-sidebar/chat-sidebar.js';
import { backendInfo, eventually, newBroker, serviceChat } from './support/backend.js';
import {
  $,
  $$,
  card,
  cards,
  focusedId,
  pressKeys,
  settle,
  shadow,
  textOf,
} from './support/sidebar.js';

const box =
  'position: fixed; top: 0; left: 0; z-index: 1; width: 360px; height: 560px; display: flex; background: white';

async function sidebarFor(client: ChatSessionsClient): Promise<ChatSidebar> {
  const wrapper = await fixture<HTMLDivElement>(html`<div style=${box}>
    <chat-sidebar style="flex: 1 1 auto" locale="en-GB" .client=${client}></chat-sidebar>
  </div>`);
  return wrapper.querySelector('chat-sidebar')!;
}

async function provided(client: ChatSessionsClient, store?: SessionListStore) {
  const wrapper = await fixture<HTMLDivElement>(html`<div style=${box}>
    <chat-sessions-provider .client=${client} .store=${store ?? null}>
      <chat-sidebar style="flex: 1 1 auto" locale="en-GB"></chat-sidebar>
    </chat-sessions-provider>
  </div>`);
  return {
    provider: wrapper.querySelector<ChatSessionsProvider>('chat-sessions-provider')!,
    sidebar: wrapper.querySelector<ChatSidebar>('chat-sidebar')!,
  };
}

async function created(
  client: ChatSessionsClient,
  input: Parameters<ChatSessionsClient['sessions']['create']>[0],
): Promise<Session> {
  const { data, error } = await client.sessions.create(input);
  if (error) throw error;
  return data;
}

function titles(sidebar: ChatSidebar): string[] {
  return cards(sidebar).map(
    (element) => (element as HTMLElement & { session: Session }).session.title,
  );
}

function tabCounts(sidebar: ChatSidebar): string[] {
  return $$(sidebar, '[role="tab"]').map(textOf);
}

async function press(sidebar: ChatSidebar, key: string): Promise<void> {
  await pressKeys(key);
  await settle(sidebar);
}

describe('<chat-sidebar> with the real SDK and backend', () => {
  before(async function () {
    // The first spec to ask starts the gateway and its database.
    this.timeout(120_000);
    await backendInfo();
  });

  it('makes a live list for a client, with exact counts, and opens a session with Enter', async () => {
    const broker = await newBroker();
    await created(broker.chat, { kind: 'general', title: 'Ops sync' });
    const teb = await created(broker.chat, {
      kind: 'flight_request',
      title: 'TEB to VNY',
      tripType: 'one_way',
      legs: [{ from: 'TEB', to: 'VNY', date: '2026-12-12' }],
      passengers: 6,
    });
    const done = await created(broker.chat, { kind: 'general', title: 'Done deal' });
    await broker.chat.sessions.transition(done.id, { action: 'complete', outcome: 'won' });

    const sidebar = await sidebarFor(broker.chat);
    await eventually(() => expect(titles(sidebar)).to.deep.equal(['TEB to VNY', 'Ops sync']));
    expect(tabCounts(sidebar)).to.deep.equal(['Active 2', 'Completed 1', 'Archived 0']);
    await expect(sidebar).to.be.accessible();

    card(sidebar, teb.id)!.focus();
    const selected = new Promise<Session>((resolve) =>
      sidebar.addEventListener('chat-session-select', (event) => resolve(event.session), {
        once: true,
      }),
    );
    await press(sidebar, 'Enter');
    expect((await selected).id).to.equal(teb.id);
    expect(sidebar.selected).to.equal(teb.id);
  });

  it('shares one list through the provider: quick create, archive, switch tabs by keyboard', async () => {
    const broker = await newBroker();
    await created(broker.chat, { kind: 'general', title: 'Existing chat' });
    const { provider, sidebar } = await provided(broker.chat);
    await eventually(() => expect(titles(sidebar)).to.deep.equal(['Existing chat']));
    expect(provider.sessionList).to.not.equal(null);

    // Quick create: free text read by the SDK's parser, created through the store, selected.
    ($(sidebar, '[part="quick-create-input"]') as HTMLInputElement).focus();
    await sendKeys({ type: 'TEB to VNY Dec 12, 6 pax' });
    await press(sidebar, 'Enter');
    await eventually(() => expect(titles(sidebar)).to.have.length(2));
    // Selected once the server stored it.
    await eventually(() => expect(sidebar.selected).to.match(/^[0-9a-f-]{36}$/));
    const createdId = sidebar.selected;
    const { data: stored } = await broker.chat.sessions.get(createdId);
    expect(stored?.kind).to.equal('flight_request');
    expect(stored?.legs.map((leg) => `${leg.from}-${leg.to} ${leg.date}`)).to.deep.equal([
      'TEB-VNY 2026-12-12',
    ]);
    expect(stored?.passengers).to.equal(6);
    await eventually(() => expect(tabCounts(sidebar)[0]).to.equal('Active 2'));

    // Archive it from its menu: it leaves Active at once, and the server agrees.
    card(sidebar, createdId)!.focus();
    await press(sidebar, 'Shift+F10');
    await press(sidebar, 'ArrowDown');
    await press(sidebar, 'ArrowDown');
    expect(textOf(shadow(sidebar).activeElement)).to.equal('Archive');
    await press(sidebar, 'Enter');
    await eventually(() => expect(titles(sidebar)).to.deep.equal(['Existing chat']));
    await eventually(() =>
      expect(tabCounts(sidebar)).to.deep.equal(['Active 1', 'Completed 0', 'Archived 1']),
    );
    await eventually(async () =>
      expect((await broker.chat.sessions.get(createdId)).data?.status).to.equal('archived'),
    );

    // The Archived tab, by keyboard.
    $(sidebar, '#tab-active')!.focus();
    await press(sidebar, 'End');
    await eventually(() =>
      expect($(sidebar, '#tab-archived')!.getAttribute('aria-selected')).to.equal('true'),
    );
    await eventually(() =>
      expect(cards(sidebar).map((element) => element.dataset['sessionId'])).to.deep.equal([
        createdId,
      ]),
    );
    await expect(sidebar).to.be.accessible();
  });

  it('quick-creates through a server-side metadata endpoint, and says so when it fails', async () => {
    const broker = await newBroker();
    const { url } = await backendInfo();
    const sidebar = await sidebarFor(broker.chat);
    await eventually(() => expect($(sidebar, '[part="empty"]')).to.not.equal(null));
    sidebar.metadataEndpoint = `${url}/metadata/parse`;
    const input = $(sidebar, '[part="quick-create-input"]') as HTMLInputElement;
    input.focus();
    await sendKeys({ type: 'TEB to ASE Dec 18, back Dec 21, 4 pax' });
    await press(sidebar, 'Enter');
    await eventually(() => expect(sidebar.selected).to.match(/^[0-9a-f-]{36}$/));
    const { data } = await broker.chat.sessions.get(sidebar.selected);
    expect(data?.tripType).to.equal('round_trip');
    expect(data?.legs.map((leg) => `${leg.from}-${leg.to}`)).to.deep.equal(['TEB-ASE', 'ASE-TEB']);
    expect(data?.passengers).to.equal(4);
    // The field empties in the render after the create resolves (the selection may come first).
    await eventually(() => expect(input.value).to.equal(''));

    sidebar.metadataEndpoint = `${url}/metadata/nowhere`;
    await sendKeys({ type: 'VNY to LAS tomorrow' });
    await press(sidebar, 'Enter');
    await eventually(() =>
      expect(textOf($(sidebar, '[part="quick-create-error"]'))).to.match(
        /^Couldn't create the session: /,
      ),
    );
    expect($(sidebar, '[part="quick-create-error"]')!.getAttribute('role')).to.equal('alert');
    expect(input.value, 'the text is kept to try again').to.equal('VNY to LAS tomorrow');
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    await expect(sidebar).to.be.accessible();
  });

  it('deletes with confirmation and undoes it, on the server too', async () => {
    const broker = await newBroker();
    const keep = await created(broker.chat, { kind: 'general', title: 'Keep me' });
    const doomed = await created(broker.chat, { kind: 'general', title: 'Delete me' });
    const sidebar = await sidebarFor(broker.chat);
    await eventually(() => expect(titles(sidebar)).to.deep.equal(['Delete me', 'Keep me']));

    card(sidebar, doomed.id)!.focus();
    await press(sidebar, 'Delete');
    await press(sidebar, 'Enter');
    await eventually(() => expect(titles(sidebar)).to.deep.equal(['Keep me']));
    await eventually(() => expect(focusedId(sidebar)).to.equal(keep.id));
    await eventually(async () =>
      expect((await broker.chat.sessions.get(doomed.id)).data?.deletedAt).to.be.a('string'),
    );
    expect(textOf($(sidebar, '[part="toast"] .toast-message'))).to.equal(
      'Moved “Delete me” to trash.',
    );

    await press(sidebar, 'Control+z');
    await eventually(() => expect(titles(sidebar)).to.deep.equal(['Delete me', 'Keep me']));
    await eventually(async () =>
      expect((await broker.chat.sessions.get(doomed.id)).data?.deletedAt).to.equal(null),
    );
    await eventually(() => expect(tabCounts(sidebar)[0]).to.equal('Active 2'));
  });

  it('shows an operator reply as an unread badge and in the total, once the feed brings it', async () => {
    const broker = await newBroker();
    const request = await created(broker.chat, { kind: 'flight_request', title: 'Aspen weekend' });
    const sync = new ChangeFeedSync({ client: broker.chat, intervalMs: 0 });
    const store = new SessionListStore({ client: broker.chat, sync });
    sync.start();
    try {
      const { sidebar } = await provided(broker.chat, store);
      await eventually(() => expect(titles(sidebar)).to.deep.equal(['Aspen weekend']));
      expect($(sidebar, '[part="unread-total"]')).to.equal(null);

      const service = await serviceChat();
      const reply = await service.threads.recordOperatorMessage({
        sessionId: request.id,
        threadExternalRef: 'op-jetlinx',
        operatorName: 'Jet Linx',
        content: 'Citation XLS available, $18,400',
      });
      expect(reply.error).to.equal(null);
      await sync.poll();
      await eventually(() =>
        expect(textOf($(sidebar, '[part="unread-total"]'))).to.equal('1 unread'),
      );
      const badge = card(sidebar, request.id)!.shadowRoot!.querySelector('[part~="unread-badge"]');
      expect(textOf(badge)).to.equal('1');
    } finally {
      store.dispose();
      sync.dispose();
    }
  });

  it('shows a failed load with a retry that loads once the network is back', async () => {
    const broker = await newBroker();
    await created(broker.chat, { kind: 'general', title: 'Reachable' });
    broker.network = 'offline';
    const sidebar = await sidebarFor(broker.chat);
    await eventually(() => expect($(sidebar, '[part="error"]')).to.not.equal(null), 8000);
    await expect(sidebar).to.be.accessible();
    broker.network = 'online';
    $(sidebar, '[part="retry-button"]')!.click();
    await eventually(() => expect(titles(sidebar)).to.deep.equal(['Reachable']));
    expect($(sidebar, '[part="error"]')).to.equal(null);
  });

  it('archives a selection in bulk through the store', async () => {
    const broker = await newBroker();
    const a = await created(broker.chat, { kind: 'general', title: 'A' });
    const b = await created(broker.chat, { kind: 'general', title: 'B' });
    await created(broker.chat, { kind: 'general', title: 'C' });
    const sidebar = await sidebarFor(broker.chat);
    await eventually(() => expect(titles(sidebar)).to.deep.equal(['C', 'B', 'A']));
    card(sidebar, b.id)!.focus();
    await press(sidebar, ' ');
    await press(sidebar, 'Shift+ArrowDown');
    expect(textOf($(sidebar, '[part="bulk-count"]'))).to.equal('2 selected');
    await press(sidebar, 'Tab');
    expect(textOf(shadow(sidebar).activeElement)).to.equal('Archive');
    await press(sidebar, 'Enter');
    await eventually(() => expect(titles(sidebar)).to.deep.equal(['C']));
    await eventually(async () => {
      const statuses = await Promise.all(
        [a.id, b.id].map(async (id) => (await broker.chat.sessions.get(id)).data?.status),
      );
      expect(statuses).to.deep.equal(['archived', 'archived']);
    });
    await eventually(() =>
      expect(tabCounts(sidebar)).to.deep.equal(['Active 1', 'Completed 0', 'Archived 2']),
    );
  });
});
