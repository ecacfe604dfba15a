import {
  ChangeFeedSync,
  OperatorThreadStore,
  type ChatSessionsClient,
  type Session,
} from '@chat-sessions/sdk';
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { a11ySnapshot, sendKeys } from '@web/test-runner-commands';
import type { ChatMessage } from '../../src/chat-message/chat-message.js';
import { ChatThreadCloseEvent, ChatThreadOpenEvent } from '../../src/events.js';
import '../../src/operator-thread-list/define.js';
import type { OperatorThreadList } from '../../src/operator-thread-list/operator-thread-list.js';
import type { AccessibleNode } from './support/accessibility.js';
import {
  backendInfo,
  eventually,
  newBroker,
  serviceChat,
  type TestBroker,
} from './support/backend.js';
import { ManualClock } from './support/manual-clock.js';

// Every spec here runs against the real backend: threads and replies are written the way a
// host's marketplace webhook writes them (the SDK with a service-role client).

const XSS_NAME = '<img src=x onerror="window.__xssThreads = true">Jet<b>Linx</b>';
const XSS_REPLY = '<script>window.__xssThreads = true</script>Citation XLS, $18,400';

function rows(list: OperatorThreadList): HTMLElement[] {
  return [...list.shadowRoot!.querySelectorAll<HTMLElement>("[part~='thread']")];
}

function row(list: OperatorThreadList, operatorName: string): HTMLElement {
  const found = rows(list).find(
    (candidate) => text(candidate.querySelector("[part~='operator-name']")) === operatorName,
  );
  if (!found) throw new Error(`no row for ${operatorName}`);
  return found;
}

function text(element: Element | null | undefined): string {
  if (!element) throw new Error('no element');
  return (element.textContent ?? '').replace(/\s+/g, ' ').trim();
}

function badge(rowElement: HTMLElement): string | null {
  const found = rowElement.querySelector("[part~='unread-badge']");
  return found ? text(found) : null;
}

function bubbles(list: OperatorThreadList): ChatMessage[] {
  return [...list.shadowRoot!.querySelectorAll('chat-message')];
}

let probes = 0;

async function accessibleNode(element: Element): Promise<AccessibleNode> {
  const probe = String((probes += 1));
  element.setAttribute('data-a11y-probe', probe);
  try {
    // eslint-disable-next-line @typescript-eslint/no-confusing-void-expression -- typed void, resolves with the snapshot
    const snapshot = (await a11ySnapshot({
      selector: `pierce/[data-a11y-probe="${probe}"]`,
    })) as unknown as AccessibleNode | null;
    if (!snapshot) throw new Error('not in the accessibility tree');
    return snapshot;
  } finally {
    element.removeAttribute('data-a11y-probe');
  }
}

interface Scene {
  broker: TestBroker;
  session: Session;
  service: ChatSessionsClient;
}

/**
 * A flight request with three operator threads: Jet Linx (2 unread replies), an operator whose
 * name and reply are HTML (1 unread), and Wheels Up (contacted, no reply yet).
 */
async function scene(): Promise<Scene> {
  const broker = await newBroker();
  const { data: session, error } = await broker.chat.sessions.create({
    kind: 'flight_request',
    title: 'TEB to VNY',
  });
  if (error) throw error;
  const service = await serviceChat();
  const record = async (operatorName: string, threadExternalRef: string, content: string) => {
    const result = await service.threads.recordOperatorMessage({
      sessionId: session.id,
      operatorName,
      threadExternalRef,
      content,
    });
    if (result.error) throw result.error;
  };
  await record('Jet Linx', 'op-jetlinx', 'We have a Citation XLS on Friday.');
  await record(XSS_NAME, 'op-xss', XSS_REPLY);
  await record('Jet Linx', 'op-jetlinx', '$18,400 all in.');
  const opened = await broker.chat.threads.open({
    sessionId: session.id,
    operatorName: 'Wheels Up',
  });
  if (opened.error) throw opened.error;
  return { broker, session, service };
}

async function renderList(
  chat: ChatSessionsClient,
  sessionId: string,
  options: { sync?: ChangeFeedSync; store?: OperatorThreadStore; openThreadId?: string } = {},
): Promise<OperatorThreadList> {
  const list = await fixture<OperatorThreadList>(html`
    <operator-thread-list
      .client=${chat}
      .sync=${options.sync ?? null}
      .store=${options.store ?? null}
      session-id=${sessionId}
      open-thread-id=${options.openThreadId ?? ''}
      locale="en-GB"
    ></operator-thread-list>
  `);
  await eventually(() =>
    expect(list.shadowRoot!.querySelector('.note')?.textContent ?? '').not.to.contain('Loading'),
  );
  return list;
}

describe('<operator-thread-list>', () => {
  before(async function () {
    this.timeout(120_000);
    await backendInfo();
  });

  describe('the list', () => {
    it('shows each operator with status, last message and unread replies, oldest first', async () => {
      const { broker, session } = await scene();
      const list = await renderList(broker.chat, session.id);
      await eventually(() => expect(rows(list)).to.have.length(3));
      expect(
        rows(list).map((candidate) => text(candidate.querySelector("[part~='operator-name']"))),
      ).to.deep.equal(['Jet Linx', XSS_NAME, 'Wheels Up']);
      const jetLinx = row(list, 'Jet Linx');
      expect(badge(jetLinx)).to.equal('2');
      expect(text(jetLinx.querySelector("[part~='preview']"))).to.equal('$18,400 all in.');
      expect(text(jetLinx.querySelector("[part~='thread-status']"))).to.equal('Open');
      expect(text(jetLinx.querySelector("[part~='time']"))).to.equal('now');
      expect(badge(row(list, XSS_NAME))).to.equal('1');
      const wheelsUp = row(list, 'Wheels Up');
      expect(badge(wheelsUp)).to.equal(null);
      expect(text(wheelsUp.querySelector("[part~='preview']"))).to.equal('No messages yet');

      const node = await accessibleNode(jetLinx);
      expect(node.role).to.equal('button');
      expect(node.name).to.equal('Jet Linx, Open, 2 unread replies');
      expect(node.description).to.equal('$18,400 all in., last message now');
      expect(list.shadowRoot!.querySelector("[part~='list']")!.getAttribute('aria-label')).to.equal(
        'Operator threads',
      );
      await expect(list).to.be.accessible();
    });

    it('renders HTML in operator names and messages as inert text, in the list and in the thread', async () => {
      const { broker, session } = await scene();
      const list = await renderList(broker.chat, session.id);
      await eventually(() => expect(rows(list)).to.have.length(3));
      const xssRow = row(list, XSS_NAME);
      expect(text(xssRow.querySelector("[part~='preview']"))).to.equal(XSS_REPLY);
      xssRow.click();
      await eventually(() => expect(bubbles(list)).to.have.length(1));
      const [bubble] = bubbles(list);
      expect(text(bubble!.shadowRoot!.querySelector("[part~='author']"))).to.equal(XSS_NAME);
      expect(text(bubble!.shadowRoot!.querySelector("[part~='content']"))).to.equal(XSS_REPLY);
      expect(list.shadowRoot!.querySelector('img, script, b')).to.equal(null);
      expect(bubble!.shadowRoot!.querySelector('img, script, b')).to.equal(null);
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect((window as { __xssThreads?: boolean }).__xssThreads).to.equal(undefined);
    });

    it('says when no operator has been contacted', async () => {
      const broker = await newBroker();
      const { data: session } = await broker.chat.sessions.create({
        kind: 'flight_request',
        title: 'Fresh',
      });
      const list = await renderList(broker.chat, session!.id);
      await eventually(() =>
        expect(text(list.shadowRoot!.querySelector('.note'))).to.equal(
          'No operators contacted yet.',
        ),
      );
      await expect(list).to.be.accessible();
    });

    it('says when the threads could not be loaded, and loads them on Try again', async () => {
      const { broker, session } = await scene();
      broker.network = 'offline';
      // The host's own store, no client: no connection state to follow, so a failed load is an
      // error with Try again (with a client, offline says so and waits: offline-conversation.spec).
      const store = new OperatorThreadStore({ client: broker.chat, sessionId: session.id });
      const list = await fixture<OperatorThreadList>(html`
        <operator-thread-list .store=${store} session-id=${session.id} locale="en-GB"></operator-thread-list>
      `);
      await eventually(() =>
        expect(text(list.shadowRoot!.querySelector("[role='alert']"))).to.match(
          /^Operator threads could not be loaded\./,
        ),
      );
      await expect(list).to.be.accessible();
      broker.network = 'online';
      list.shadowRoot!.querySelector<HTMLButtonElement>("[role='alert'] button")!.click();
      await eventually(() => expect(rows(list)).to.have.length(3));
    });
  });

  describe('in a 340 px pane (the workspace on a desktop)', () => {
    const QUOTE =
      'Challenger 350 available both days. $58,400 all in, positioning from Teterboro included; crew rest covered, catering on request, Wi-Fi on board.';

    it("shows a quote's price: the last message takes up to two lines, then an ellipsis", async () => {
      const broker = await newBroker();
      const { data: session, error } = await broker.chat.sessions.create({
        kind: 'flight_request',
        title: 'TEB to VNY',
      });
      if (error) throw error;
      const service = await serviceChat();
      const recorded = await service.threads.recordOperatorMessage({
        sessionId: session.id,
        operatorName: 'Summit Aviation',
        threadExternalRef: 'op-summit',
        content: QUOTE,
      });
      if (recorded.error) throw recorded.error;
      const wrapper = await fixture<HTMLDivElement>(html`<div style="width: 340px">
        <operator-thread-list .client=${broker.chat} session-id=${session.id} locale="en-GB"></operator-thread-list>
      </div>`);
      const list = wrapper.querySelector('operator-thread-list')!;
      await eventually(() => expect(rows(list)).to.have.length(1));
      const preview = row(list, 'Summit Aviation').querySelector<HTMLElement>("[part~='preview']")!;
      expect(text(preview)).to.equal(QUOTE);
      // The price is drawn inside the preview's box, not cut off after "$58,4…".
      const textNode = [...preview.childNodes].find(
        (node): node is Text => node instanceof Text && node.data.includes('$58,400'),
      )!;
      const start = textNode.data.indexOf('$58,400');
      const price = document.createRange();
      price.setStart(textNode, start);
      price.setEnd(textNode, start + '$58,400'.length);
      const box = preview.getBoundingClientRect();
      const priceBox = price.getBoundingClientRect();
      expect(priceBox.right).to.be.at.most(box.right + 0.5);
      expect(priceBox.bottom).to.be.at.most(box.bottom + 0.5);
      // Two lines at most: the rest of a long message is clamped.
      const lineHeight = parseFloat(getComputedStyle(preview).lineHeight);
      expect(box.height).to.be.closeTo(2 * lineHeight, 2);
      expect(preview.scrollHeight).to.be.greaterThan(preview.clientHeight);
      await expect(list).to.be.accessible();

      // Open it from the keyboard; "Collapse" (not "Close", which reads like "mark as closed")
      // folds it back and returns focus to the row.
      row(list, 'Summit Aviation').focus();
      await sendKeys({ press: 'Enter' });
      await eventually(
        () => expect(list.shadowRoot!.querySelector("[part~='close-button']")).to.exist,
      );
      await sendKeys({ press: 'Tab' });
      const collapse = list.shadowRoot!.activeElement!;
      expect(collapse.getAttribute('part')).to.equal('close-button');
      expect(text(collapse)).to.equal('Collapse');
      expect((await accessibleNode(collapse)).name).to.equal('Collapse Summit Aviation');
      expect(text(row(list, 'Summit Aviation').querySelector("[part~='thread-status']"))).to.equal(
        'Open',
      );
      await expect(list).to.be.accessible();
      await sendKeys({ press: 'Enter' });
      await eventually(() =>
        expect(list.shadowRoot!.querySelector("[part~='thread-panel']")).to.equal(null),
      );
      expect(list.shadowRoot!.activeElement).to.equal(row(list, 'Summit Aviation'));
    });
  });

  describe('keyboard and opening', () => {
    it('moves between rows with arrows, Home and End; one tab stop', async () => {
      const { broker, session } = await scene();
      const wrapper = await fixture<HTMLDivElement>(html`<div>
        <button>before</button>
        <operator-thread-list .client=${broker.chat} session-id=${session.id}></operator-thread-list>
        <button>after</button>
      </div>`);
      const list = wrapper.querySelector('operator-thread-list')!;
      await eventually(() => expect(rows(list)).to.have.length(3));
      expect(rows(list).map((candidate) => candidate.tabIndex)).to.deep.equal([0, -1, -1]);
      wrapper.querySelector('button')!.focus();
      await sendKeys({ press: 'Tab' });
      expect(list.shadowRoot!.activeElement).to.equal(rows(list)[0]);
      await sendKeys({ press: 'ArrowDown' });
      await list.updateComplete;
      expect(list.shadowRoot!.activeElement).to.equal(rows(list)[1]);
      await sendKeys({ press: 'End' });
      await list.updateComplete;
      expect(list.shadowRoot!.activeElement).to.equal(rows(list)[2]);
      await sendKeys({ press: 'ArrowDown' });
      await list.updateComplete;
      expect(list.shadowRoot!.activeElement).to.equal(rows(list)[2]);
      await sendKeys({ press: 'Home' });
      await list.updateComplete;
      expect(list.shadowRoot!.activeElement).to.equal(rows(list)[0]);
      expect(rows(list).map((candidate) => candidate.tabIndex)).to.deep.equal([0, -1, -1]);
      await sendKeys({ press: 'Tab' });
      expect(document.activeElement).to.equal(wrapper.querySelectorAll('button')[1]);
    });

    it('opens a thread with Enter: marks it read and shows its messages; Escape closes and returns focus', async () => {
      const { broker, session } = await scene();
      const list = await renderList(broker.chat, session.id);
      await eventually(() => expect(rows(list)).to.have.length(3));
      const jetLinx = row(list, 'Jet Linx');
      jetLinx.focus();
      const opened = oneEvent(document, 'chat-thread-open');
      await sendKeys({ press: 'Enter' });
      const openEvent = (await opened) as unknown as ChatThreadOpenEvent;
      expect(openEvent).to.be.instanceOf(ChatThreadOpenEvent);
      expect(openEvent.thread.operatorName).to.equal('Jet Linx');
      expect(openEvent.bubbles && openEvent.composed).to.equal(true);
      await list.updateComplete;
      expect(jetLinx.getAttribute('aria-expanded')).to.equal('true');
      expect(list.openThreadId).to.equal(openEvent.thread.id);
      const panel = list.shadowRoot!.querySelector("[part~='thread-panel']")!;
      expect(panel.getAttribute('role')).to.equal('region');
      expect(panel.getAttribute('aria-label')).to.equal('Conversation with Jet Linx');
      expect(jetLinx.getAttribute('aria-controls')).to.equal(panel.id);

      await eventually(() => expect(bubbles(list)).to.have.length(2));
      expect(bubbles(list).map((bubble) => bubble.message!.content)).to.deep.equal([
        'We have a Citation XLS on Friday.',
        '$18,400 all in.',
      ]);
      expect(
        bubbles(list).map((bubble) => text(bubble.shadowRoot!.querySelector("[part~='author']"))),
      ).to.deep.equal(['Jet Linx', 'Jet Linx']);
      // Read at once on screen, and on the server after the batched mark.
      await eventually(() => expect(badge(row(list, 'Jet Linx'))).to.equal(null));
      await eventually(async () => {
        const { data } = await broker.chat.threads.list(session.id);
        expect(data!.find((thread) => thread.operatorName === 'Jet Linx')!.unreadCount).to.equal(0);
      });
      const { data: threads } = await broker.chat.threads.list(session.id);
      expect(threads!.find((thread) => thread.operatorName === XSS_NAME)!.unreadCount).to.equal(1);
      await expect(list).to.be.accessible();

      // Escape from inside the thread (here: its transcript) folds it and focus goes back to the row.
      list.shadowRoot!.querySelector<HTMLElement>("[part~='transcript']")!.focus();
      const closed = oneEvent(document, 'chat-thread-close');
      await sendKeys({ press: 'Escape' });
      const closeEvent = (await closed) as unknown as ChatThreadCloseEvent;
      expect(closeEvent).to.be.instanceOf(ChatThreadCloseEvent);
      expect(closeEvent.thread.id).to.equal(openEvent.thread.id);
      await list.updateComplete;
      expect(list.shadowRoot!.querySelector("[part~='thread-panel']")).to.equal(null);
      expect(list.shadowRoot!.activeElement).to.equal(row(list, 'Jet Linx'));
      expect(row(list, 'Jet Linx').getAttribute('aria-expanded')).to.equal('false');
    });

    it('lets the broker reply in the open thread, by keyboard', async () => {
      const { broker, session } = await scene();
      const list = await renderList(broker.chat, session.id);
      await eventually(() => expect(rows(list)).to.have.length(3));
      row(list, 'Jet Linx').focus();
      await sendKeys({ press: 'Space' });
      await eventually(() => expect(bubbles(list)).to.have.length(2));
      // Row → Collapse → the thread's messages → the reply field.
      await sendKeys({ press: 'Tab' });
      expect(text(list.shadowRoot!.activeElement)).to.equal('Collapse');
      await sendKeys({ press: 'Tab' });
      expect(list.shadowRoot!.activeElement!.getAttribute('part')).to.equal('transcript');
      await sendKeys({ press: 'Tab' });
      const composer = list.shadowRoot!.querySelector('chat-composer')!;
      expect(list.shadowRoot!.activeElement).to.equal(composer);
      expect(composer.shadowRoot!.querySelector('textarea')!.getAttribute('aria-label')).to.equal(
        'Reply to Jet Linx',
      );
      await sendKeys({ type: 'Book it for Friday 9am.' });
      await sendKeys({ press: 'Enter' });
      await eventually(() => expect(bubbles(list).at(-1)?.delivery).to.equal('sent'));
      expect(text(bubbles(list).at(-1)!.shadowRoot!.querySelector("[part~='author']"))).to.equal(
        'You',
      );
      const threadId = list.openThreadId;
      const { data: thread } = await broker.chat.messages.list({ sessionId: session.id, threadId });
      expect(thread!.items.map((message) => [message.role, message.content]).at(-1)).to.deep.equal([
        'broker',
        'Book it for Friday 9am.',
      ]);
      const { data: main } = await broker.chat.messages.list({ sessionId: session.id });
      expect(main!.items).to.have.length(0);
    });

    it('opens the thread a host names (deep link) and marks it read, without an event', async () => {
      const { broker, session } = await scene();
      const { data: threads } = await broker.chat.threads.list(session.id);
      const target = threads!.find((thread) => thread.operatorName === XSS_NAME)!;
      let events = 0;
      document.addEventListener('chat-thread-open', () => (events += 1), { once: true });
      const store = new OperatorThreadStore({
        client: broker.chat,
        sessionId: session.id,
        markReadDelayMs: 10,
      });
      const list = await renderList(broker.chat, session.id, { store, openThreadId: target.id });
      await eventually(() => expect(bubbles(list)).to.have.length(1));
      expect(row(list, XSS_NAME).getAttribute('aria-expanded')).to.equal('true');
      await eventually(() =>
        expect(
          store.getSnapshot().items.find((thread) => thread.id === target.id)!.unreadCount,
        ).to.equal(0),
      );
      await eventually(async () => {
        const { data } = await broker.chat.threads.list(session.id);
        expect(data!.find((thread) => thread.id === target.id)!.unreadCount).to.equal(0);
      });
      expect(events).to.equal(0);
      store.dispose();
    });
  });

  describe('time and lifecycle', () => {
    it('updates relative times as the clock ticks', async () => {
      const { broker, session } = await scene();
      const clock = new ManualClock(Date.now());
      const list = await fixture<OperatorThreadList>(html`
        <operator-thread-list .client=${broker.chat} .clock=${clock} session-id=${session.id} locale="en-GB"></operator-thread-list>
      `);
      await eventually(() => expect(rows(list)).to.have.length(3));
      expect(text(row(list, 'Jet Linx').querySelector("[part~='time']"))).to.equal('now');
      clock.advance(2 * 60_000);
      await list.updateComplete;
      expect(text(row(list, 'Jet Linx').querySelector("[part~='time']"))).to.equal('2 min ago');
      expect((await accessibleNode(row(list, 'Jet Linx'))).description).to.equal(
        '$18,400 all in., last message 2 minutes ago',
      );
    });

    it('lets go of its stores when removed, and loads again when put back (the open thread too)', async () => {
      const { broker, session } = await scene();
      const list = await renderList(broker.chat, session.id);
      await eventually(() => expect(rows(list)).to.have.length(3));
      row(list, 'Jet Linx').click();
      await eventually(() => expect(bubbles(list)).to.have.length(2));
      const parent = list.parentElement!;
      list.remove();
      await list.updateComplete;
      expect(rows(list)).to.have.length(0);
      await (
        await serviceChat()
      ).threads.recordOperatorMessage({
        sessionId: session.id,
        operatorName: 'Jet Linx',
        threadExternalRef: 'op-jetlinx',
        content: 'Still there?',
      });
      parent.append(list);
      await eventually(() => expect(rows(list)).to.have.length(3));
      await eventually(() =>
        expect(
          bubbles(list)
            .map((bubble) => bubble.message!.content)
            .at(-1),
        ).to.equal('Still there?'),
      );
    });
  });

  describe('live (change feed)', () => {
    it('shows a new reply as an unread badge on a closed thread, and as read in the open one', async () => {
      const { broker, session, service } = await scene();
      const sync = new ChangeFeedSync({ client: broker.chat, intervalMs: 0, afterWriteDelayMs: 0 });
      sync.start();
      const list = await renderList(broker.chat, session.id, { sync });
      await eventually(() => expect(rows(list)).to.have.length(3));
      expect(badge(row(list, 'Wheels Up'))).to.equal(null);

      const { data: threads } = await broker.chat.threads.list(session.id);
      const wheelsUp = threads!.find((thread) => thread.operatorName === 'Wheels Up')!;
      await service.threads.recordOperatorMessage({
        sessionId: session.id,
        threadId: wheelsUp.id,
        content: 'Phenom 300 free Saturday',
      });
      await sync.poll();
      await eventually(() => expect(badge(row(list, 'Wheels Up'))).to.equal('1'));
      expect(text(row(list, 'Wheels Up').querySelector("[part~='preview']"))).to.equal(
        'Phenom 300 free Saturday',
      );
      expect(rows(list)).to.have.length(3);

      row(list, 'Jet Linx').click();
      await eventually(() => expect(bubbles(list)).to.have.length(2));
      await service.threads.recordOperatorMessage({
        sessionId: session.id,
        operatorName: 'Jet Linx',
        threadExternalRef: 'op-jetlinx',
        content: 'Held until 5pm.',
      });
      await sync.poll();
      await eventually(() =>
        expect(bubbles(list).at(-1)?.message!.content).to.equal('Held until 5pm.'),
      );
      await eventually(() => expect(badge(row(list, 'Jet Linx'))).to.equal(null));
      await eventually(async () => {
        const { data } = await broker.chat.threads.list(session.id);
        expect(data!.find((thread) => thread.operatorName === 'Jet Linx')!.unreadCount).to.equal(0);
      });
      sync.dispose();
    });
  });

  describe('theming', () => {
    it('has no axe violations in a dark theme made of tokens only, with a thread open', async () => {
      const { broker, session } = await scene();
      const wrapper = await fixture<HTMLDivElement>(html`
        <div
          style="color-scheme: dark; background: #16191d; --chat-color-surface: #16191d;
            --chat-color-surface-hover: #1f242a; --chat-color-surface-selected: #1b2b45;
            --chat-color-text: #e6e9ed; --chat-color-text-muted: #a4adb8; --chat-color-border: #343b44;
            --chat-color-accent: #6ea8ff; --chat-color-on-accent: #0b1220"
        >
          <operator-thread-list .client=${broker.chat} session-id=${session.id}></operator-thread-list>
        </div>
      `);
      const list = wrapper.querySelector('operator-thread-list')!;
      await eventually(() => expect(rows(list)).to.have.length(3));
      row(list, 'Jet Linx').click();
      await eventually(() => expect(bubbles(list)).to.have.length(2));
      expect(getComputedStyle(row(list, 'Jet Linx')).backgroundColor).to.equal('rgb(27, 43, 69)');
      await expect(wrapper).to.be.accessible();
    });
  });
});
