// One sync engine per client: a provider, two sidebars, a session view and a thread list on one
// page, with the real SDK against the local gateway over PostgreSQL. The polls are counted at
// the network (every change-feed request the broker's client sends), and the SDK's count of
// running engines is read as a second witness.
import { expect, fixture, html } from '@open-wc/testing';
import { ChangeFeedSync, getRuntime, type Session } from '@chat-sessions/sdk';
import '../../src/chat-sessions-provider/define.js';
import '../../src/chat-sidebar/define.js';
import '../../src/chat-session-view/define.js';
import type { ChatSessionView } from '../../src/chat-session-view/chat-session-view.js';
import type { ChatSidebar } from '../../src/chat-sidebar/chat-sidebar.js';
import type { OperatorThreadList } from '../../src/operator-thread-list/operator-thread-list.js';
import { backendInfo, eventually, newBroker, serviceChat } from './support/backend.js';
import { $, cards, pressKeys, settle } from './support/sidebar.js';

const column = 'height: 280px; display: flex';

function titles(sidebar: ChatSidebar): string[] {
  return cards(sidebar).map(
    (element) => (element as HTMLElement & { session: Session }).session.title,
  );
}

function transcript(view: ChatSessionView): string[] {
  return [...view.shadowRoot!.querySelectorAll('chat-message')].map(
    (bubble) => bubble.message?.content ?? '',
  );
}

describe('one runtime per client', () => {
  before(async function () {
    this.timeout(120_000);
    await backendInfo();
  });

  it('runs one poller for a provider, two sidebars, a session view and a thread list', async function () {
    // Five elements and a dozen round trips on a shared, loaded machine.
    this.timeout(30_000);
    const feedRequests: string[] = [];
    const broker = await newBroker({
      onRequest: (url) => {
        if (url.includes('/rpc/changes_since')) feedRequests.push(url);
      },
    });
    const { data: session, error } = await broker.chat.sessions.create({
      kind: 'flight_request',
      title: 'TEB to VNY',
    });
    if (error) throw error;
    const service = await serviceChat();
    const recorded = await service.threads.recordOperatorMessage({
      sessionId: session.id,
      operatorName: 'Jet Linx',
      threadExternalRef: 'op-jetlinx',
      content: 'Citation XLS on Friday.',
    });
    if (recorded.error) throw recorded.error;
    const runningBefore = ChangeFeedSync.runningCount;

    const wrapper =
      await fixture<HTMLDivElement>(html`<div style="position: fixed; top: 0; left: 0; width: 1100px; display: flex; gap: 8px">
      <chat-sessions-provider .client=${broker.chat}>
        <div style=${column}><chat-sidebar id="left"></chat-sidebar></div>
        <div style=${column}><chat-sidebar id="right"></chat-sidebar></div>
        <chat-session-view style="height: 280px; width: 320px" session-id=${session.id}></chat-session-view>
        <operator-thread-list style="width: 280px" session-id=${session.id}></operator-thread-list>
      </chat-sessions-provider>
    </div>`);
    const [left, right] = [...wrapper.querySelectorAll<ChatSidebar>('chat-sidebar')] as [
      ChatSidebar,
      ChatSidebar,
    ];
    const view = wrapper.querySelector<ChatSessionView>('chat-session-view')!;
    const threads = wrapper.querySelector<OperatorThreadList>('operator-thread-list')!;
    await eventually(() =>
      expect([titles(left), titles(right)]).to.deep.equal([['TEB to VNY'], ['TEB to VNY']]),
    );
    await eventually(() =>
      expect(threads.shadowRoot!.querySelectorAll('[part~="thread"]')).to.have.length(1),
    );
    await eventually(() =>
      expect(view.shadowRoot!.querySelector('[part~="transcript-note"]')).to.not.equal(null),
    );

    const runtime = getRuntime(broker.chat);
    // One engine more on the page, whatever the number of elements.
    expect(ChangeFeedSync.runningCount).to.equal(runningBefore + 1);
    // The list (provider and both sidebars), the view's messages and row, the threads.
    expect(runtime.stats).to.deep.equal({ stores: 4, watched: 4, syncRunning: true });
    await eventually(() => expect(runtime.sync.getSnapshot().polling).to.equal(false));

    // A write by the host's own code: the engine polls once after it, and every element shows it.
    feedRequests.length = 0;
    const appended = await broker.chat.messages.append({
      sessionId: session.id,
      content: 'Friday 9am works',
    });
    if (appended.error) throw appended.error;
    await eventually(() => expect(transcript(view)).to.deep.equal(['Friday 9am works']));
    await eventually(() => expect(runtime.sync.getSnapshot().polling).to.equal(false));
    expect(feedRequests).to.have.length(1);

    // The same through the keyboard: New → General chat in the left sidebar is one write, one poll.
    feedRequests.length = 0;
    $(left, '[part="new-button"]')!.focus();
    await pressKeys('Enter');
    await settle(left);
    await pressKeys('ArrowDown');
    await pressKeys('Enter');
    await eventually(() => expect(cards(right)).to.have.length(2));
    await eventually(() => expect(left.selected).to.match(/^[0-9a-f-]{36}$/));
    await eventually(() => expect(feedRequests).to.have.length(1));
    await eventually(() => expect(runtime.sync.getSnapshot().polling).to.equal(false));
    expect(feedRequests).to.have.length(1);
    await expect(wrapper).to.be.accessible();

    // Everything leaves the page: every store is let go and the engine stops.
    wrapper.remove();
    await Promise.resolve();
    expect(runtime.stats).to.deep.equal({ stores: 0, watched: 0, syncRunning: false });
    expect(ChangeFeedSync.runningCount).to.equal(runningBefore);
  });
});
