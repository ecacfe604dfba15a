// The SDK's local cache in real Chromium: real IndexedDB, the real SDK and supabase-js against
// the local gateway over PostgreSQL. A "reload" is a new client and runtime over the same
// browser storage; the only fake is the switch in front of fetch, which can hold every request
// (no response arrives until the spec lets them through), so "painted from the cache before any
// network response" is proven by the responses counted, not by timing.
import { expect, fixture, html } from '@open-wc/testing';
import {
  ChatSessionsRuntime,
  clearLocalCache,
  createChatSessions,
  type ChatSessionsClient,
  type RuntimeOptions,
  type SessionListSnapshot,
  type SessionListStore,
} from '@chat-sessions/sdk';
import { createClient } from '@supabase/supabase-js';
import { executeServerCommand } from '@web/test-runner-commands';
import '../../src/chat-sidebar/define.js';
import type { ChatSidebar } from '../../src/chat-sidebar/chat-sidebar.js';
import { backendInfo, eventually } from './support/backend.js';
import { cards, focusedId, pressKeys, settle } from './support/sidebar.js';

/** One page load of a broker: its client, whose requests can be held, and what it sent. */
interface Page {
  chat: ChatSessionsClient;
  /** Functions called (`list_sessions`, `changes_since`, …), in order. */
  sent: string[];
  /** Responses that reached the SDK. */
  responses: number;
  /** false: requests fail as a dropped connection does. */
  online: boolean;
  hold(): void;
  release(): void;
}

interface Broker {
  userId: string;
  page(): Page;
}

async function newBroker(): Promise<Broker> {
  const { url, anonKey } = await backendInfo();
  const broker = await executeServerCommand<
    { userId: string; email: string; token: string },
    undefined
  >('chat-backend-broker');
  if (!broker) throw new Error('the backend created no broker');
  return {
    userId: broker.userId,
    page() {
      let held: Array<() => void> | null = null;
      const page: Page = {
        chat: undefined as unknown as ChatSessionsClient,
        sent: [],
        responses: 0,
        online: true,
        hold: () => {
          held ??= [];
        },
        release: () => {
          const waiting = held ?? [];
          held = null;
          for (const go of waiting) go();
        },
      };
      const fetchThroughSwitch: typeof fetch = async (input, init) => {
        const address = input instanceof Request ? input.url : String(input);
        const fn = /\/rpc\/([a-z_]+)/.exec(address)?.[1];
        if (fn) page.sent.push(fn);
        if (held) await new Promise<void>((go) => held?.push(go));
        if (!page.online) throw new TypeError('Failed to fetch');
        const response = await fetch(input, init);
        page.responses += 1;
        return response;
      };
      const supabase = createClient(url, anonKey, {
        auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
        global: { fetch: fetchThroughSwitch },
        accessToken: async () => broker.token,
      });
      page.chat = createChatSessions({ supabase });
      return page;
    },
  };
}

const OPTIONS: RuntimeOptions = {
  intervalMs: 0,
  afterWriteDelayMs: 0,
  outbox: false,
  connection: { network: null, probeMs: 40 },
};
const runtimes: ChatSessionsRuntime[] = [];

function runtimeFor(broker: Broker, page: Page): ChatSessionsRuntime {
  const runtime = new ChatSessionsRuntime(page.chat, {
    ...OPTIONS,
    userId: broker.userId,
    cache: { saveDelayMs: 10 },
  });
  runtimes.push(runtime);
  return runtime;
}

async function created(chat: ChatSessionsClient, title: string): Promise<string> {
  const { data, error } = await chat.sessions.create({ kind: 'general', title });
  if (error) throw error;
  return data.id;
}

const titles = (snapshot: SessionListSnapshot) => snapshot.items.map((s) => s.title).sort();

function settledList(list: SessionListStore): Promise<void> {
  return eventually(() => {
    const snapshot = list.getSnapshot();
    expect(snapshot.loaded && !snapshot.loading && !snapshot.fromCache).to.equal(true);
  });
}

/** What IndexedDB holds for a broker (read directly, as another script of the origin could). */
async function storedFor(userId: string): Promise<unknown> {
  const names = (await indexedDB.databases()).map((info) => info.name);
  if (!names.includes(`chat-sessions-cache:${userId}`)) return undefined;
  return new Promise((resolve, reject) => {
    const open = indexedDB.open(`chat-sessions-cache:${userId}`);
    open.onerror = () => reject(new Error(String(open.error)));
    open.onsuccess = () => {
      const database = open.result;
      const read = database.transaction('contents').objectStore('contents').get('current');
      read.onsuccess = () => {
        database.close();
        resolve(read.result);
      };
      read.onerror = () => reject(new Error(String(read.error)));
    };
  });
}

/** A first page: loads the Active list and keeps it in the cache, then closes. */
async function firstVisit(broker: Broker): Promise<string[]> {
  const page = broker.page();
  const runtime = runtimeFor(broker, page);
  const list = runtime.sessionList();
  const stop = list.subscribe(() => {});
  await settledList(list);
  runtime.cache?.save();
  await eventually(async () => expect(await storedFor(broker.userId)).to.be.an('object'));
  const kept = titles(list.getSnapshot());
  stop();
  runtime.dispose();
  return kept;
}

async function mountSidebar(store: SessionListStore): Promise<ChatSidebar> {
  const wrapper = await fixture<HTMLDivElement>(html`<div
    style="position: fixed; top: 0; left: 0; z-index: 1; width: 360px; height: 560px; display: flex; background: white"
  >
    <chat-sidebar style="flex: 1 1 auto" locale="en-GB" .store=${store}></chat-sidebar>
  </div>`);
  const sidebar = wrapper.querySelector('chat-sidebar')!;
  await settle(sidebar);
  return sidebar;
}

/** The titles of the cards rendered (each card element carries its session). */
const cardTitles = (sidebar: ChatSidebar) =>
  cards(sidebar).map(
    (card) => (card as HTMLElement & { session: { title: string } }).session.title,
  );

describe('local cache (IndexedDB, real backend)', () => {
  before(async function () {
    this.timeout(120_000);
    await backendInfo();
  });

  afterEach(async () => {
    for (const runtime of runtimes.splice(0)) runtime.dispose();
    await clearLocalCache();
  });

  it('paints the sidebar from the cache before any network response, then converges by a delta', async function () {
    this.timeout(30_000);
    const broker = await newBroker();
    const elsewhere = broker.page().chat;
    const renamed = await created(elsewhere, 'TEB to VNY');
    await created(elsewhere, 'LAS to ASE');
    const archived = await created(elsewhere, 'HPN to PBI');
    expect(await firstVisit(broker)).to.deep.equal(['HPN to PBI', 'LAS to ASE', 'TEB to VNY']);

    // While the page is closed, another device renames, archives and creates.
    await elsewhere.sessions.rename(renamed, 'TEB to VNY, 6 pax');
    await elsewhere.sessions.archive(archived);
    await created(elsewhere, 'MIA to NAS');

    const reload = broker.page();
    reload.hold();
    const runtime = runtimeFor(broker, reload);
    const sidebar = await mountSidebar(runtime.sessionList());
    await eventually(() => expect(cards(sidebar)).to.have.length(3));
    expect(reload.responses, 'no response has arrived').to.equal(0);
    expect(reload.sent.length, 'requests are waiting').to.be.greaterThan(0);
    const painted = cardTitles(sidebar).join(' | ');
    for (const title of ['TEB to VNY', 'LAS to ASE', 'HPN to PBI'])
      expect(painted).to.contain(title);
    await expect(sidebar).to.be.accessible();
    // The cached cards are a working list: arrow keys move between them.
    cards(sidebar)[0]!.focus();
    const first = focusedId(sidebar);
    await pressKeys('ArrowDown');
    await settle(sidebar);
    expect(focusedId(sidebar)).to.not.equal(first);

    reload.release();
    await eventually(() => {
      const now = cardTitles(sidebar).join(' | ');
      expect(now).to.contain('TEB to VNY, 6 pax');
      expect(now).to.contain('MIA to NAS');
      expect(now).not.to.contain('HPN to PBI');
      expect(cards(sidebar)).to.have.length(3);
    });
    expect(reload.sent, 'a delta, not a reload of the list').not.to.include('list_sessions');
    expect(reload.sent).to.include('changes_since');
  });

  it('a reload while offline shows the cached list, and catches up once the connection returns', async function () {
    this.timeout(30_000);
    const broker = await newBroker();
    const elsewhere = broker.page().chat;
    await created(elsewhere, 'Cached charter');
    await firstVisit(broker);
    await created(elsewhere, 'Made while away');

    const reload = broker.page();
    reload.online = false;
    const runtime = runtimeFor(broker, reload);
    const list = runtime.sessionList();
    list.subscribe(() => {});
    await eventually(() => expect(list.getSnapshot().error).to.not.equal(null));
    expect(titles(list.getSnapshot())).to.deep.equal(['Cached charter']);
    expect(list.getSnapshot().fromCache).to.equal(true);

    reload.online = true;
    await settledList(list);
    expect(titles(list.getSnapshot())).to.deep.equal(['Cached charter', 'Made while away']);
    expect(list.getSnapshot().error).to.equal(null);
    expect(reload.sent).not.to.include('list_sessions');
  });

  it("isolates brokers: broker B never sees broker A's cached rows, and sign-out clears A's", async function () {
    this.timeout(30_000);
    const a = await newBroker();
    await created(a.page().chat, "A's charter");
    await firstVisit(a);
    const b = await newBroker();
    await created(b.page().chat, "B's charter");

    const pageB = b.page();
    pageB.hold();
    const runtimeB = runtimeFor(b, pageB);
    const list = runtimeB.sessionList();
    const seen: SessionListSnapshot[] = [];
    list.subscribe(() => seen.push(list.getSnapshot()));
    await eventually(() => expect(pageB.sent.length).to.be.greaterThan(0));
    expect(list.getSnapshot().items, 'nothing painted for B').to.deep.equal([]);
    pageB.release();
    await settledList(list);
    expect(seen.some((s) => s.fromCache)).to.equal(false);
    expect(seen.flatMap((s) => s.items.map((i) => i.title))).not.to.include("A's charter");
    expect(titles(list.getSnapshot())).to.deep.equal(["B's charter"]);
    runtimeB.cache?.save();
    await eventually(async () => expect(await storedFor(b.userId)).to.be.an('object'));
    const storedB = JSON.stringify(await storedFor(b.userId));
    expect(storedB).to.contain("B's charter");
    expect(storedB).not.to.contain("A's charter");

    // A signs out: the host clears A's cache; B's stays.
    const runtimeA = runtimeFor(a, a.page());
    await runtimeA.clearCache();
    expect(await storedFor(a.userId)).to.equal(undefined);
    expect(await storedFor(b.userId)).to.be.an('object');
  });

  it('drops a corrupt or old-schema cache and loads from the network, without an error', async function () {
    this.timeout(30_000);
    const broker = await newBroker();
    await created(broker.page().chat, 'Real row');
    await firstVisit(broker);
    const stored = (await storedFor(broker.userId)) as { lists: Array<{ items: unknown[] }> };
    for (const corrupt of [
      { ...stored, lists: [{ ...stored.lists[0], items: [{ id: 'not a row' }] }] },
      { ...stored, schema: 0 },
      'garbage',
    ]) {
      await new Promise<void>((resolve, reject) => {
        const open = indexedDB.open(`chat-sessions-cache:${broker.userId}`);
        open.onsuccess = () => {
          const write = open.result.transaction('contents', 'readwrite');
          write.objectStore('contents').put(corrupt, 'current');
          write.oncomplete = () => {
            open.result.close();
            resolve();
          };
          write.onerror = () => reject(new Error(String(write.error)));
        };
      });
      const page = broker.page();
      const runtime = runtimeFor(broker, page);
      const list = runtime.sessionList();
      const seen: SessionListSnapshot[] = [];
      list.subscribe(() => seen.push(list.getSnapshot()));
      await settledList(list);
      expect(seen.some((s) => s.fromCache)).to.equal(false);
      expect(list.getSnapshot().error).to.equal(null);
      expect(titles(list.getSnapshot())).to.deep.equal(['Real row']);
      expect(page.sent).to.include('list_sessions');
      runtime.dispose();
    }
  });
});
