// Search in <chat-sidebar> (#11 item 9) with the real SDK against the local gateway over
// PostgreSQL: a broker finds sessions by airport city and by message text, and while a search is
// applied each tab shows how many sessions it matches there.
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { ChatSessionsClient, Session } from '@chat-sessions/sdk';
import '../../src/chat-sidebar/define.js';
import type { ChatSidebar } from '../../src/chat-sidebar/chat-sidebar.js';
import { backendInfo, eventually, newBroker } from './support/backend.js';
import { $, $$, cards, pressKeys, settle, textOf } from './support/sidebar.js';

const box =
  'position: fixed; top: 0; left: 0; z-index: 1; width: 360px; height: 560px; display: flex; background: white';

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

function tabTexts(sidebar: ChatSidebar): string[] {
  return $$(sidebar, '[role="tab"]').map(textOf);
}

async function press(sidebar: ChatSidebar, key: string): Promise<void> {
  await pressKeys(key);
  await settle(sidebar);
}

describe('<chat-sidebar> search with the real backend', () => {
  before(async function () {
    this.timeout(120_000);
    await backendInfo();
  });

  it('finds by airport city and message text, and shows the matches per tab', async () => {
    const broker = await newBroker();
    const other = await newBroker();
    await created(broker.chat, {
      kind: 'flight_request',
      title: 'Smith family',
      tripType: 'one_way',
      legs: [{ from: 'TEB', to: 'VNY', date: '2030-12-12' }],
      passengers: 6,
    });
    await created(broker.chat, { kind: 'general', title: 'Ops sync' });
    const done = await created(broker.chat, { kind: 'general', title: 'Jones trip' });
    await broker.chat.messages.append({ sessionId: done.id, content: 'Operator ACK received' });
    await broker.chat.messages.append({ sessionId: done.id, content: 'Catering set' });
    await broker.chat.sessions.transition(done.id, { action: 'complete', outcome: 'won' });
    // Another broker's ACK never matches nor counts.
    const theirs = await created(other.chat, { kind: 'general', title: 'ACK elsewhere' });
    await other.chat.messages.append({ sessionId: theirs.id, content: 'ACK' });

    const wrapper = await fixture<HTMLDivElement>(html`<div style=${box}>
      <chat-sidebar style="flex: 1 1 auto" locale="en-GB" .client=${broker.chat}></chat-sidebar>
    </div>`);
    const sidebar = wrapper.querySelector<ChatSidebar>('chat-sidebar')!;
    await eventually(() => expect(titles(sidebar)).to.have.length(2));
    expect(tabTexts(sidebar)).to.deep.equal(['Active 2', 'Completed 1', 'Archived 0']);

    // The city of a leg's airport (TEB is Teterboro), typed and applied with Enter.
    const search = $(sidebar, '[part~="search"]') as HTMLInputElement;
    search.focus();
    await sendKeys({ type: 'Teterboro' });
    await press(sidebar, 'Enter');
    await eventually(() => expect(titles(sidebar)).to.deep.equal(['Smith family']));
    await eventually(() =>
      expect(tabTexts(sidebar)).to.deep.equal(['Active 1', 'Completed 0', 'Archived 0']),
    );

    // A word from an older message (not the last one): nothing on Active, one in Completed.
    await press(sidebar, 'Escape');
    await sendKeys({ type: 'ack' });
    await press(sidebar, 'Enter');
    await eventually(() =>
      expect(tabTexts(sidebar)).to.deep.equal(['Active 0', 'Completed 1', 'Archived 0']),
    );
    await eventually(() => expect(titles(sidebar)).to.deep.equal([]));
    await expect(sidebar).to.be.accessible();

    // To the Completed tab by keyboard: the match is there.
    $(sidebar, '#tab-active')!.focus();
    await press(sidebar, 'ArrowRight');
    await eventually(() =>
      expect($(sidebar, '#tab-completed')!.getAttribute('aria-selected')).to.equal('true'),
    );
    await eventually(() => expect(titles(sidebar)).to.deep.equal(['Jones trip']));
    expect(tabTexts(sidebar)).to.deep.equal(['Active 0', 'Completed 1', 'Archived 0']);
    await expect(sidebar).to.be.accessible();

    // Clearing the search brings the totals back.
    search.focus();
    await press(sidebar, 'Escape');
    await eventually(() =>
      expect(tabTexts(sidebar)).to.deep.equal(['Active 2', 'Completed 1', 'Archived 0']),
    );
  });
});
