// A deep link to a trashed session in <chat-session-view>, against the real backend (SDK +
// gateway over PG): in place of the composer, "This session is in the trash." and Restore,
// which fires the cancelable chat-session-restore and brings the session back.
import type { ChatSessionsClient, Session } from '@chat-sessions/sdk';
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/chat-session-view/define.js';
import type { ChatSessionView } from '../../src/chat-session-view/chat-session-view.js';
import { ChatSessionRestoreEvent } from '../../src/events.js';
import { backendInfo, eventually, newBroker, type TestBroker } from './support/backend.js';

function part(root: Element, name: string): HTMLElement | null {
  return root.shadowRoot!.querySelector<HTMLElement>(`[part~='${name}']`);
}

function text(element: Element | null): string {
  if (!element) throw new Error('no element');
  return (element.textContent ?? '').replace(/\s+/g, ' ').trim();
}

async function trashedSession(broker: TestBroker, title: string): Promise<Session> {
  const input: Parameters<ChatSessionsClient['sessions']['create']>[0] = { kind: 'general', title };
  const { data, error } = await broker.chat.sessions.create(input);
  if (error) throw error;
  const deleted = await broker.chat.sessions.delete(data.id);
  if (deleted.error) throw deleted.error;
  return data;
}

async function renderView(broker: TestBroker, sessionId: string): Promise<ChatSessionView> {
  const view = await fixture<ChatSessionView>(html`
    <chat-session-view
      style="height: 560px"
      .client=${broker.chat}
      session-id=${sessionId}
      locale="en-GB"
    ></chat-session-view>
  `);
  await eventually(() => expect(part(view, 'trash-bar')).to.exist);
  return view;
}

describe('<chat-session-view> of a trashed session (real backend)', () => {
  before(async () => {
    await backendInfo();
  });

  it('offers Restore in place of the composer; Enter restores it and the composer comes back', async () => {
    const broker = await newBroker();
    const session = await trashedSession(broker, 'Binned by mistake');
    const view = await renderView(broker, session.id);
    expect(view.shadowRoot!.querySelector('chat-composer')).to.equal(null);
    expect(text(part(view, 'status'))).to.equal('In the trash');
    expect(text(part(view, 'closed-note'))).to.equal('This session is in the trash.');
    const button = part(view, 'restore-button')!;
    expect(text(button)).to.equal('Restore');
    await expect(view).to.be.accessible();

    const heard: ChatSessionRestoreEvent[] = [];
    view.addEventListener('chat-session-restore', (event) => heard.push(event));
    button.focus();
    await sendKeys({ press: 'Enter' });
    await eventually(() => expect(view.shadowRoot!.querySelector('chat-composer')).to.exist);
    expect(part(view, 'trash-bar')).to.equal(null);
    expect(
      heard.map((event) => [event.session.id, event.cancelable, event.composed]),
    ).to.deep.equal([[session.id, true, true]]);
    expect(text(part(view, 'status'))).to.equal('Active');
    const { data } = await broker.chat.sessions.get(session.id);
    expect(data!.deletedAt).to.equal(null);
    await expect(view).to.be.accessible();
  });

  it('restores nothing when the host prevents chat-session-restore (mouse)', async () => {
    const broker = await newBroker();
    const session = await trashedSession(broker, 'Host decides');
    const view = await renderView(broker, session.id);
    view.addEventListener('chat-session-restore', (event) => event.preventDefault());
    part(view, 'restore-button')!.click();
    await new Promise((resolve) => setTimeout(resolve, 150));
    const { data } = await broker.chat.sessions.get(session.id);
    expect(data!.deletedAt).to.not.equal(null);
    expect(part(view, 'trash-bar')).to.exist;
  });
});
