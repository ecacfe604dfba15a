// <chat-sessions-provider> with the real SDK against the local gateway over PostgreSQL.
import { expect, fixture, html } from '@open-wc/testing';
import { SessionListStore, type Session } from '@chat-sessions/sdk';
import '../../src/chat-sessions-provider/define.js';
import '../../src/chat-sidebar/define.js';
import type { ChatSessionsProvider } from '../../src/chat-sessions-provider/chat-sessions-provider.js';
import type { ChatSidebar } from '../../src/chat-sidebar/chat-sidebar.js';
import { backendInfo, eventually, newBroker } from './support/backend.js';
import { $, cards, pressKeys, settle } from './support/sidebar.js';

const column = 'height: 280px; display: flex';

function titles(sidebar: ChatSidebar): string[] {
  return cards(sidebar).map(
    (element) => (element as HTMLElement & { session: Session }).session.title,
  );
}

describe('<chat-sessions-provider>', () => {
  before(async function () {
    this.timeout(120_000);
    await backendInfo();
  });

  it('makes one list for its client and shares it: what one sidebar does, the other shows at once', async () => {
    const broker = await newBroker();
    await broker.chat.sessions.create({ kind: 'general', title: 'First' });
    const wrapper =
      await fixture<HTMLDivElement>(html`<div style="position: fixed; top: 0; left: 0; width: 700px; display: flex; gap: 8px">
      <chat-sessions-provider .client=${broker.chat}>
        <div style=${column}><chat-sidebar id="left"></chat-sidebar></div>
        <div style=${column}><chat-sidebar id="right"></chat-sidebar></div>
      </chat-sessions-provider>
    </div>`);
    const provider = wrapper.querySelector<ChatSessionsProvider>('chat-sessions-provider')!;
    const [left, right] = [...wrapper.querySelectorAll<ChatSidebar>('chat-sidebar')] as [
      ChatSidebar,
      ChatSidebar,
    ];
    expect(getComputedStyle(provider).display).to.equal('contents');
    expect(provider.sessionList).to.be.an.instanceOf(SessionListStore);
    await eventually(() =>
      expect([titles(left), titles(right)]).to.deep.equal([['First'], ['First']]),
    );

    // New → General chat in the left sidebar: the shared list shows it in both before the server answers.
    $(left, '[part="new-button"]')!.focus();
    await pressKeys('Enter');
    await settle(left);
    await pressKeys('ArrowDown');
    await pressKeys('Enter');
    await eventually(() => expect(cards(right)).to.have.length(2));
    await eventually(() => expect(left.selected).to.match(/^[0-9a-f-]{36}$/));
    const { data } = await broker.chat.sessions.get(left.selected);
    expect(data?.kind).to.equal('general');
    await expect(wrapper).to.be.accessible();
  });

  it('shares the store it is given; an element’s own store wins over it', async () => {
    const broker = await newBroker();
    const other = await newBroker();
    await broker.chat.sessions.create({ kind: 'general', title: 'Mine' });
    await other.chat.sessions.create({ kind: 'general', title: 'Theirs' });
    const shared = new SessionListStore({ client: broker.chat });
    const own = new SessionListStore({ client: other.chat });
    const wrapper =
      await fixture<HTMLDivElement>(html`<div style="position: fixed; top: 0; left: 0; width: 700px; display: flex">
      <chat-sessions-provider .store=${shared}>
        <div style=${column}><chat-sidebar id="provided"></chat-sidebar></div>
        <div style=${column}><chat-sidebar id="own" .store=${own}></chat-sidebar></div>
      </chat-sessions-provider>
    </div>`);
    const provider = wrapper.querySelector<ChatSessionsProvider>('chat-sessions-provider')!;
    expect(provider.sessionList).to.equal(shared);
    const provided = wrapper.querySelector<ChatSidebar>('#provided')!;
    const ownSidebar = wrapper.querySelector<ChatSidebar>('#own')!;
    await eventually(() =>
      expect([titles(provided), titles(ownSidebar)]).to.deep.equal([['Mine'], ['Theirs']]),
    );

    // Taking the element's own store away: it follows the provider's.
    ownSidebar.store = null;
    await eventually(() => expect(titles(ownSidebar)).to.deep.equal(['Mine']));
    own.dispose();
    shared.dispose();
  });

  it('disposes the list it made when it leaves the page, and makes a new one when it comes back', async () => {
    const broker = await newBroker();
    await broker.chat.sessions.create({ kind: 'general', title: 'Only' });
    const wrapper =
      await fixture<HTMLDivElement>(html`<div style="position: fixed; top: 0; left: 0; width: 360px">
      <chat-sessions-provider .client=${broker.chat}>
        <div style=${column}><chat-sidebar></chat-sidebar></div>
      </chat-sessions-provider>
    </div>`);
    const provider = wrapper.querySelector<ChatSessionsProvider>('chat-sessions-provider')!;
    const sidebar = wrapper.querySelector<ChatSidebar>('chat-sidebar')!;
    await eventually(() => expect(titles(sidebar)).to.deep.equal(['Only']));
    const first = provider.sessionList as SessionListStore;

    provider.remove();
    const afterRemoval = await first.load();
    expect(afterRemoval.error?.code).to.equal('aborted');

    wrapper.append(provider);
    await provider.updateComplete;
    expect(provider.sessionList).to.be.an.instanceOf(SessionListStore);
    expect(provider.sessionList).to.not.equal(first);
    await eventually(() => expect(titles(sidebar)).to.deep.equal(['Only']));
  });

  it('loads the list it makes even with no sidebar inside, for any element (or host code) to read', async () => {
    const broker = await newBroker();
    await broker.chat.sessions.create({ kind: 'general', title: 'Counted' });
    const provider = await fixture<ChatSessionsProvider>(
      html`<chat-sessions-provider .client=${broker.chat}></chat-sessions-provider>`,
    );
    await eventually(() => {
      const snapshot = provider.sessionList!.getSnapshot();
      expect(snapshot.items.map((item) => item.title)).to.deep.equal(['Counted']);
      expect(snapshot.tabCounts?.active).to.equal(1);
    });
  });

  it('keeps the list it made live: a write by the host’s own code through the client shows up', async () => {
    const broker = await newBroker();
    const wrapper =
      await fixture<HTMLDivElement>(html`<div style="position: fixed; top: 0; left: 0; width: 360px">
      <chat-sessions-provider .client=${broker.chat}>
        <div style=${column}><chat-sidebar></chat-sidebar></div>
      </chat-sessions-provider>
    </div>`);
    const sidebar = wrapper.querySelector<ChatSidebar>('chat-sidebar')!;
    await eventually(() => expect($(sidebar, '[part="empty"]')).to.not.equal(null));
    // Not through the list: straight through the client, as a host's own code would. Only the
    // list's sync engine (which polls the change feed after the client's writes) can bring it.
    await broker.chat.sessions.create({ kind: 'general', title: 'From the host' });
    await eventually(() => expect(titles(sidebar)).to.deep.equal(['From the host']), 6000);
  });
});
