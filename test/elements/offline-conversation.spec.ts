// The conversation side when the connection drops, over the real SDK and backend (the network
// switch in front of fetch is the only fake): a conversation or an operator thread list opened
// offline says the broker is offline (no red error, no Try again) and loads by itself once the
// connection is back; on a phone, where the list (and its status line) is hidden while a
// conversation is open, the conversation pane shows the connection's status itself (and only
// there: wide, the list's line is in view).
import type { Session } from '@chat-sessions/sdk';
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import '../../src/chat-session-view/define.js';
import '../../src/chat-workspace/define.js';
import type { ChatSessionView } from '../../src/chat-session-view/chat-session-view.js';
import type { ChatWorkspace } from '../../src/chat-workspace/chat-workspace.js';
import type { OperatorThreadList } from '../../src/operator-thread-list/operator-thread-list.js';
import { deepActiveElement } from './support/accessibility.js';
import {
  backendInfo,
  createSession,
  eventually,
  newBroker,
  serviceChat,
  type TestBroker,
} from './support/backend.js';

function part(root: Element | null | undefined, name: string): HTMLElement | null {
  return root?.shadowRoot?.querySelector<HTMLElement>(`[part~='${name}']`) ?? null;
}

function text(element: Element | null | undefined): string {
  return (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** Laid out with a size (not display: none anywhere up the flat tree). */
function shown(element: Element | null): boolean {
  if (!element) return false;
  const box = element.getBoundingClientRect();
  return box.width > 0 && box.height > 0;
}

function contents(root: Element): string[] {
  return [...root.shadowRoot!.querySelectorAll('chat-message')].map(
    (bubble) => bubble.message?.content ?? '',
  );
}

/** The connection comes back once the runtime's probe (every 3 s) gets an answer. */
const RECOVERY_MS = 12_000;

/** A broker with a conversation that has one message. */
async function conversation(
  kind: 'general' | 'flight_request' = 'general',
): Promise<{ broker: TestBroker; session: Session }> {
  const broker = await newBroker();
  const session = await createSession(broker, { kind, title: 'Palm Beach golf weekend' });
  const sent = await broker.chat.messages.append({
    sessionId: session.id,
    content: 'White Plains to Palm Beach, 8 golfers with clubs.',
  });
  if (sent.error) throw sent.error;
  return { broker, session };
}

describe('the conversation offline', function () {
  this.timeout(40_000);

  before(async function () {
    this.timeout(120_000);
    await backendInfo();
  });

  after(async () => {
    await setViewport({ width: 800, height: 600 });
  });

  it('<chat-session-view> opened offline says so (no error, no Try again) and loads by itself when the connection returns', async () => {
    const { broker, session } = await conversation();
    broker.network = 'offline';
    const wrapper = await fixture<HTMLDivElement>(html`<div>
      <button type="button">Before</button>
      <chat-session-view
        style="height: 420px"
        .client=${broker.chat}
        session-id=${session.id}
        locale="en-GB"
      ></chat-session-view>
    </div>`);
    const view = wrapper.querySelector<ChatSessionView>('chat-session-view')!;
    await eventually(() => expect(part(view, 'transcript-offline')).to.exist);
    expect(text(part(view, 'transcript-offline'))).to.equal(
      'You’re offline — messages load when the connection returns.',
    );
    expect(part(view, 'transcript-error')).to.equal(null);
    await expect(view).to.be.accessible();
    // No Try again on the way out of the conversation.
    part(view, 'transcript')!.focus();
    await sendKeys({ press: 'Tab' });
    expect(text(deepActiveElement())).not.to.equal('Try again');

    broker.network = 'online';
    await eventually(
      () =>
        expect(contents(view)).to.deep.equal(['White Plains to Palm Beach, 8 golfers with clubs.']),
      RECOVERY_MS,
    );
    expect(part(view, 'transcript-offline')).to.equal(null);
    expect(part(view, 'transcript-error')).to.equal(null);
    // The session's header (read offline too) is back, and so is the reply field.
    await eventually(() => expect(part(view, 'heading')).to.exist, RECOVERY_MS);
    expect(part(view, 'session-error')).to.equal(null);
    part(view, 'transcript')!.focus();
    await sendKeys({ press: 'Tab' });
    expect(deepActiveElement()?.localName).to.equal('textarea');
    await sendKeys({ type: 'Back on the ground.' });
    await sendKeys({ press: 'Enter' });
    await eventually(() => expect(contents(view)).to.include('Back on the ground.'));
  });

  it('<operator-thread-list> opened offline says so and loads its threads by itself when the connection returns', async () => {
    const { broker, session } = await conversation('flight_request');
    const service = await serviceChat();
    const reply = await service.threads.recordOperatorMessage({
      sessionId: session.id,
      operatorName: 'Jet Linx',
      threadExternalRef: 'op-jetlinx',
      content: 'We have a Citation XLS on Friday.',
    });
    if (reply.error) throw reply.error;
    broker.network = 'offline';
    const list = await fixture<OperatorThreadList>(html`<operator-thread-list
      .client=${broker.chat}
      session-id=${session.id}
      locale="en-GB"
    ></operator-thread-list>`);
    await eventually(() => expect(part(list, 'offline-note')).to.exist);
    expect(text(part(list, 'offline-note'))).to.equal(
      'You’re offline — operator threads load when the connection returns.',
    );
    expect(list.shadowRoot!.querySelector("[role='alert']")).to.equal(null);
    await expect(list).to.be.accessible();

    broker.network = 'online';
    await eventually(() => expect(part(list, 'thread')).to.exist, RECOVERY_MS);
    expect(part(list, 'offline-note')).to.equal(null);
    part(list, 'thread')!.focus();
    await sendKeys({ press: 'Enter' });
    await eventually(() =>
      expect(contents(list)).to.deep.equal(['We have a Citation XLS on Friday.']),
    );
  });

  it('<chat-workspace> on a phone: the open conversation shows the connection’s status while the list is hidden', async () => {
    const { broker, session } = await conversation('flight_request');
    await setViewport({ width: 360, height: 740 });
    const wrapper = await fixture<HTMLDivElement>(html`<div
      style="position: fixed; inset: 0; z-index: 1; display: flex; background: white"
    >
      <chat-workspace style="flex: 1 1 auto" .client=${broker.chat}></chat-workspace>
    </div>`);
    const workspace = wrapper.querySelector<ChatWorkspace>('chat-workspace')!;
    const sidebar = () => workspace.shadowRoot!.querySelector('chat-sidebar')!;
    const card = () =>
      sidebar().shadowRoot!.querySelector<HTMLElement>(`[data-session-id='${session.id}']`);
    await eventually(() => expect(card()).to.exist, 8000);
    expect(workspace.layout).to.equal('narrow');
    // Opened from the keyboard: focus lands in its reply field.
    card()!.focus();
    await sendKeys({ press: 'Enter' });
    await eventually(() => expect(deepActiveElement()?.localName).to.equal('textarea'), 8000);
    const pane = part(workspace, 'session-pane')!;
    const status = () => pane.querySelector('chat-connection-status');
    const said = () => text(status()?.shadowRoot?.querySelector("[role='status']"));
    expect(shown(part(workspace, 'list-pane'))).to.equal(false);
    expect(status()).to.exist;
    expect(said()).to.equal('');

    broker.network = 'offline';
    await sendKeys({ type: 'Offline note: client OK with a Citation XLS' });
    await sendKeys({ press: 'Enter' });
    await eventually(() =>
      expect(said()).to.match(/^(Offline|Connection lost, reconnecting)\. Changes made now/),
    );
    expect(shown(status())).to.equal(true);
    // Between the pane's bar and the conversation.
    const bar = part(workspace, 'pane-bar')!.getBoundingClientRect();
    const view = workspace.shadowRoot!.querySelector('chat-session-view')!.getBoundingClientRect();
    const line = status()!.getBoundingClientRect();
    expect(line.top).to.be.at.least(bar.bottom);
    expect(line.bottom).to.be.at.most(view.top);
    await expect(workspace).to.be.accessible();

    // The operator threads, a pane of their own on a phone, show it too.
    const toggle = part(
      workspace.shadowRoot!.querySelector('chat-session-view'),
      'threads-toggle',
    )!;
    toggle.focus();
    await sendKeys({ press: 'Enter' });
    await eventually(() => expect(shown(part(workspace, 'threads-pane'))).to.equal(true));
    const threadsLine = part(workspace, 'threads-pane')!.querySelector('chat-connection-status')!;
    expect(shown(threadsLine)).to.equal(true);
    expect(text(threadsLine.shadowRoot!.querySelector("[role='status']"))).to.match(
      /^(Offline|Connection lost, reconnecting)\./,
    );
    await sendKeys({ press: 'Escape' });
    await eventually(() => expect(shown(pane)).to.equal(true));

    broker.network = 'online';
    await eventually(() => expect(said()).not.to.match(/Offline|reconnecting/), RECOVERY_MS);

    // Wide, the list (with its own status line) is in view: the conversation pane shows none.
    await setViewport({ width: 1280, height: 800 });
    await eventually(() => expect(workspace.layout).to.equal('wide'));
    await workspace.updateComplete;
    expect(status()).to.equal(null);
  });
});
