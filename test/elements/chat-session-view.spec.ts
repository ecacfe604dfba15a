import {
  ChangeFeedSync,
  DraftStore,
  MessageStore,
  type ChatSessionsClient,
  type Session,
} from '@chat-sessions/sdk';
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/chat-session-view/define.js';
import type { ChatSessionView } from '../../src/chat-session-view/chat-session-view.js';
import type { ChatMessage } from '../../src/chat-message/chat-message.js';
import { ChatSessionActionEvent } from '../../src/events.js';
import { a11ySnapshot } from '@web/test-runner-commands';
import { deepActiveElement, type AccessibleNode } from './support/accessibility.js';
import { backendInfo, eventually, newBroker, createSession } from './support/backend.js';
import { ManualClock } from './support/manual-clock.js';
import { flightRequest, generalChat, NOW } from './support/sessions.js';

// Header rendering runs from plain data (a Session as the SDK returns it); everything that
// flows through the SDK (messages, sending, paging, actions) runs against the real backend.

function part(root: Element, name: string): HTMLElement | null {
  return root.shadowRoot!.querySelector<HTMLElement>(`[part~='${name}']`);
}

function parts(root: Element, name: string): HTMLElement[] {
  return [...root.shadowRoot!.querySelectorAll<HTMLElement>(`[part~='${name}']`)];
}

function text(element: Element | null): string {
  if (!element) throw new Error('no element');
  return (element.textContent ?? '').replace(/\s+/g, ' ').trim();
}

function actionLabels(view: ChatSessionView): string[] {
  return parts(view, 'action-button').map((button) => text(button));
}

function bubbles(view: ChatSessionView): ChatMessage[] {
  return [...view.shadowRoot!.querySelectorAll('chat-message')];
}

function contents(view: ChatSessionView): string[] {
  return bubbles(view).map((bubble) => bubble.message!.content);
}

let probes = 0;

/** What Chromium's accessibility tree says about an element, inside shadow roots too. */
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

async function pressWithShift(key: string): Promise<void> {
  await sendKeys({ down: 'Shift' });
  await sendKeys({ press: key });
  await sendKeys({ up: 'Shift' });
}

async function renderHeader(session: Session | null, locale = 'en-GB'): Promise<ChatSessionView> {
  return fixture<ChatSessionView>(html`
    <chat-session-view .session=${session} .clock=${new ManualClock(NOW)} locale=${locale}></chat-session-view>
  `);
}

async function renderLive(
  chat: ChatSessionsClient,
  sessionId: string,
  options: { pageSize?: number; sync?: ChangeFeedSync; drafts?: DraftStore; height?: number } = {},
): Promise<ChatSessionView> {
  const view = await fixture<ChatSessionView>(html`
    <chat-session-view
      style=${`height: ${options.height ?? 420}px`}
      .client=${chat}
      .sync=${options.sync ?? null}
      .drafts=${options.drafts ?? null}
      session-id=${sessionId}
      page-size=${options.pageSize ?? 50}
      locale="en-GB"
    ></chat-session-view>
  `);
  await eventually(() => expect(part(view, 'heading')!.getAttribute('aria-level')).to.equal('2'));
  return view;
}

describe('<chat-session-view>', () => {
  before(async function () {
    // The first spec to ask starts the backend (and, run alone, a PostgreSQL cluster).
    this.timeout(120_000);
    await backendInfo();
  });

  describe('without a session', () => {
    it('invites the broker to choose one, and the text can be slotted', async () => {
      const view = await renderHeader(null);
      expect(text(part(view, 'empty'))).to.equal('Choose a session to see its conversation.');
      await expect(view).to.be.accessible();
      const slotted = await fixture<ChatSessionView>(
        html`<chat-session-view><p slot="empty">Pick a trip on the left</p></chat-session-view>`,
      );
      const slot = part(slotted, 'empty')!.querySelector('slot')!;
      expect(slot.assignedElements().map((element) => element.textContent)).to.deep.equal([
        'Pick a trip on the left',
      ]);
    });
  });

  describe('a session that cannot be loaded', () => {
    it("says why and offers no composer to write into another broker's session", async () => {
      const owner = await newBroker();
      const stranger = await newBroker();
      const session = await createSession(owner, { kind: 'general', title: 'Not yours' });
      const view = await fixture<ChatSessionView>(html`
        <chat-session-view .client=${stranger.chat} session-id=${session.id} locale="en-GB"></chat-session-view>
      `);
      await eventually(() => expect(part(view, 'session-error')).to.exist);
      expect(text(part(view, 'session-error'))).to.contain('could not be loaded');
      const composer = view.shadowRoot!.querySelector('chat-composer')!;
      expect(composer.disabled).to.equal(true);
      expect(text(view.shadowRoot!.querySelector('[part~="transcript"]'))).to.not.contain(
        'Not yours',
      );
      await expect(view).to.be.accessible();
    });
  });

  describe('header (from plain data)', () => {
    it('names a flight request by its route, with dates, passengers, stage and status', async () => {
      const view = await renderHeader(flightRequest());
      expect(text(part(view, 'route'))).to.equal('TEB→VNY');
      expect(text(part(view, 'dates'))).to.equal('12 December');
      expect(text(part(view, 'passengers'))).to.equal('6 passengers');
      expect(text(part(view, 'stage-badge'))).to.equal('Requesting quotes');
      expect(part(view, 'stage-badge')!.dataset.stage).to.equal('requesting_quotes');
      expect(text(part(view, 'status'))).to.equal('Active');
      // What assistive technology reads: the arrow is not read, "to" is.
      const heading = await accessibleNode(part(view, 'heading')!);
      expect(heading.role).to.equal('heading');
      expect(heading.name).to.equal('TEB to VNY');
    });

    it('reads a round trip as one, and shows a request without legs by its title', async () => {
      const roundTrip = await renderHeader(
        flightRequest({
          tripType: 'round_trip',
          legs: [
            { from: 'TEB', to: 'VNY', date: '2026-12-12', time: null },
            { from: 'VNY', to: 'TEB', date: '2026-12-15', time: null },
          ],
        }),
      );
      expect((await accessibleNode(part(roundTrip, 'heading')!)).name).to.equal(
        'TEB to VNY, round trip',
      );
      expect(text(part(roundTrip, 'dates'))).to.match(/^12\s*–\s*15 December$/);
      const noLegs = await renderHeader(
        flightRequest({ legs: [], tripType: null, title: 'Somewhere warm in March' }),
      );
      expect(text(part(noLegs, 'heading'))).to.equal('Somewhere warm in March');
      const nothingYet = await renderHeader(flightRequest({ legs: [], tripType: null, title: '' }));
      expect(text(part(nothingYet, 'heading'))).to.equal('Route not set yet');
    });

    it('names a general chat by its title (or "Untitled chat"), without stage or operators', async () => {
      const view = await renderHeader(generalChat());
      expect(text(part(view, 'heading'))).to.equal('Weekly ops sync');
      expect(part(view, 'stage-badge')).to.equal(null);
      expect(part(view, 'threads-toggle')).to.equal(null);
      const untitled = await renderHeader(generalChat({ title: ' ' }));
      expect(text(part(untitled, 'heading'))).to.equal('Untitled chat');
    });

    it('offers exactly the lifecycle actions the status allows', async () => {
      const expected: Array<[Partial<Session>, string[], string]> = [
        [{ status: 'active' }, ['Pause', 'Complete', 'Archive'], 'Active'],
        [{ status: 'paused' }, ['Resume', 'Complete', 'Archive'], 'Paused'],
        [{ status: 'completed', outcome: 'won' }, ['Reopen', 'Archive'], 'Completed · Won'],
        [{ status: 'archived', statusBeforeArchive: 'paused' }, ['Unarchive'], 'Archived'],
        [{ status: 'active', deletedAt: new Date(NOW).toISOString() }, [], 'In the trash'],
      ];
      for (const [overrides, actions, status] of expected) {
        const view = await renderHeader(flightRequest(overrides));
        expect(actionLabels(view), status).to.deep.equal(actions);
        expect(text(part(view, 'status'))).to.equal(status);
      }
      const trashed = await renderHeader(generalChat({ deletedAt: new Date(NOW).toISOString() }));
      // A trashed session has no composer: the trash bar offers Restore instead.
      expect(trashed.shadowRoot!.querySelector('chat-composer')).to.equal(null);
      expect(text(part(trashed, 'restore-button'))).to.equal('Restore');
    });

    it('shows the unread operator replies on the Operators toggle', async () => {
      const view = await renderHeader(flightRequest({ unreadCount: 150 }));
      const toggle = part(view, 'threads-toggle')!;
      expect(text(part(view, 'badge'))).to.equal('99+');
      expect((await accessibleNode(toggle)).name).to.equal('Operators, 150 unread replies');
      expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    });

    it('renders HTML in titles as inert text', async () => {
      const title =
        '<img src=x onerror="window.__xssView = true"><script>window.__xssView = true</script>';
      const view = await renderHeader(generalChat({ title }));
      expect(text(part(view, 'heading'))).to.equal(title);
      expect(view.shadowRoot!.querySelector('img, script')).to.equal(null);
      const route = await renderHeader(flightRequest({ legs: [], tripType: null, title }));
      expect(text(part(route, 'heading'))).to.equal(title);
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect((window as { __xssView?: boolean }).__xssView).to.equal(undefined);
    });

    it('formats in the given locale and takes string overrides', async () => {
      const view = await renderHeader(flightRequest({ passengers: 1200 }), 'de-DE');
      view.strings = {
        passengers: (_count, formatted) => `${formatted} Passagiere`,
        stageLabels: { requesting_quotes: 'Angebote angefragt' },
        actionLabels: { pause: 'Pausieren' },
      };
      await view.updateComplete;
      expect(text(part(view, 'dates'))).to.equal('12. Dezember');
      expect(text(part(view, 'passengers'))).to.equal('1.200 Passagiere');
      expect(text(part(view, 'stage-badge'))).to.equal('Angebote angefragt');
      expect(actionLabels(view)).to.deep.equal(['Pausieren', 'Complete', 'Archive']);
    });

    for (const [label, session] of [
      ['active flight request', () => flightRequest({ unreadCount: 3 })],
      ['completed general chat', () => generalChat({ status: 'completed', outcome: 'lost' })],
      [
        'archived flight request',
        () => flightRequest({ status: 'archived', statusBeforeArchive: 'active' }),
      ],
    ] as const) {
      it(`has no axe violations: ${label}`, async () => {
        await expect(await renderHeader(session())).to.be.accessible();
      });
    }
  });

  describe('lifecycle actions (real backend)', () => {
    it('pauses through the SDK on click, after a chat-session-action event', async () => {
      const broker = await newBroker();
      const session = await createSession(broker, { kind: 'general', title: 'Catch-up' });
      const view = await renderLive(broker.chat, session.id);
      await eventually(() =>
        expect(actionLabels(view)).to.deep.equal(['Pause', 'Complete', 'Archive']),
      );
      const heard = oneEvent(document, 'chat-session-action');
      part(view, 'action-button')!.click();
      const event = (await heard) as unknown as ChatSessionActionEvent;
      expect(event).to.be.instanceOf(ChatSessionActionEvent);
      expect([event.action, event.outcome, event.session.id]).to.deep.equal([
        'pause',
        null,
        session.id,
      ]);
      expect(event.bubbles && event.composed && event.cancelable).to.equal(true);
      await eventually(() =>
        expect(actionLabels(view)).to.deep.equal(['Resume', 'Complete', 'Archive']),
      );
      expect(text(part(view, 'status'))).to.equal('Paused');
      const { data } = await broker.chat.sessions.get(session.id);
      expect(data!.status).to.equal('paused');
    });

    it('applies nothing when the host prevents the event', async () => {
      const broker = await newBroker();
      const session = await createSession(broker, { kind: 'general', title: 'Mine to handle' });
      const view = await renderLive(broker.chat, session.id);
      await eventually(() => expect(actionLabels(view)).to.include('Archive'));
      view.addEventListener('chat-session-action', (event) => event.preventDefault());
      parts(view, 'action-button')
        .find((button) => text(button) === 'Archive')!
        .click();
      await new Promise((resolve) => setTimeout(resolve, 150));
      const { data } = await broker.chat.sessions.get(session.id);
      expect(data!.status).to.equal('active');
      expect(actionLabels(view)).to.deep.equal(['Pause', 'Complete', 'Archive']);
    });

    it('completes with an outcome by keyboard: the menu opens with ArrowDown, Escape returns focus', async () => {
      const broker = await newBroker();
      const session = await createSession(broker, {
        kind: 'flight_request',
        title: 'TEB to VNY',
        passengers: 4,
      });
      const view = await renderLive(broker.chat, session.id);
      await eventually(() =>
        expect(actionLabels(view)).to.deep.equal(['Pause', 'Complete', 'Archive']),
      );
      const pause = part(view, 'action-button')!;
      pause.focus();
      await sendKeys({ press: 'Tab' });
      const complete = view.shadowRoot!.querySelector<HTMLElement>("[data-action='complete']")!;
      expect(view.shadowRoot!.activeElement).to.equal(complete);
      expect(complete.getAttribute('aria-haspopup')).to.equal('menu');

      await sendKeys({ press: 'ArrowDown' });
      await view.updateComplete;
      expect(complete.getAttribute('aria-expanded')).to.equal('true');
      expect(text(view.shadowRoot!.activeElement)).to.equal('Won');
      await expect(view).to.be.accessible();
      await sendKeys({ press: 'Escape' });
      await view.updateComplete;
      expect(part(view, 'menu')).to.equal(null);
      expect(view.shadowRoot!.activeElement).to.equal(complete);

      await sendKeys({ press: 'Enter' });
      await view.updateComplete;
      expect(text(view.shadowRoot!.activeElement)).to.equal('Won');
      await sendKeys({ press: 'ArrowDown' });
      expect(text(view.shadowRoot!.activeElement)).to.equal('Lost');
      await sendKeys({ press: 'End' });
      expect(text(view.shadowRoot!.activeElement)).to.equal('Cancelled');
      await sendKeys({ press: 'ArrowDown' });
      expect(text(view.shadowRoot!.activeElement)).to.equal('Won');
      await sendKeys({ press: 'ArrowUp' });
      await sendKeys({ press: 'Enter' });

      await eventually(() => expect(text(part(view, 'status'))).to.equal('Completed · Cancelled'));
      expect(actionLabels(view)).to.deep.equal(['Reopen', 'Archive']);
      // Focus lands on the first action of the new set, not on the page.
      await eventually(() => expect(text(view.shadowRoot!.activeElement)).to.equal('Reopen'));
      const { data } = await broker.chat.sessions.get(session.id);
      expect([data!.status, data!.outcome]).to.deep.equal(['completed', 'cancelled']);
    });

    it('says when an action failed, and keeps the session as it was', async () => {
      const broker = await newBroker();
      const session = await createSession(broker, { kind: 'general', title: 'Flaky network' });
      const view = await renderLive(broker.chat, session.id);
      await eventually(() => expect(actionLabels(view)).to.include('Pause'));
      broker.network = 'offline';
      part(view, 'action-button')!.click();
      await eventually(() => expect(text(part(view, 'action-status'))).to.match(/^Pause failed: /));
      expect(part(view, 'action-status')!.getAttribute('role')).to.equal('status');
      expect(text(part(view, 'status'))).to.equal('Active');
      broker.network = 'online';
    });
  });

  describe('transcript (real backend)', () => {
    it('shows every role in order, text only, and announces itself as a log', async () => {
      const broker = await newBroker();
      const session = await createSession(broker, { kind: 'general', title: 'Roles' });
      const xss = '<img src=x onerror="window.__xssTranscript = true"><b>not bold</b>';
      await broker.chat.messages.append({
        sessionId: session.id,
        content: 'Any light jets for Friday?',
      });
      await broker.chat.messages.append({
        sessionId: session.id,
        role: 'assistant',
        content: '**Two** options:\n- CJ3',
        contentType: 'markdown',
      });
      await broker.chat.messages.append({
        sessionId: session.id,
        role: 'system',
        content: 'Quote received',
        contentType: 'quote',
      });
      await broker.chat.messages.append({ sessionId: session.id, content: xss });
      const view = await renderLive(broker.chat, session.id);
      await eventually(() => expect(bubbles(view)).to.have.length(4));
      expect(contents(view)).to.deep.equal([
        'Any light jets for Friday?',
        '**Two** options:\n- CJ3',
        'Quote received',
        xss,
      ]);
      expect(
        bubbles(view).map((bubble) => text(bubble.shadowRoot!.querySelector("[part~='author']"))),
      ).to.deep.equal(['You', 'Assistant', 'System', 'You']);
      const transcript = part(view, 'transcript')!;
      expect(transcript.getAttribute('role')).to.equal('log');
      expect(transcript.getAttribute('aria-label')).to.equal('Conversation');
      for (const bubble of bubbles(view))
        expect(bubble.shadowRoot!.querySelector('img, b, strong, ul')).to.equal(null);
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect((window as { __xssTranscript?: boolean }).__xssTranscript).to.equal(undefined);
      await expect(view).to.be.accessible();
    });

    it('says so when there are no messages yet', async () => {
      const broker = await newBroker();
      const session = await createSession(broker, { kind: 'general', title: 'Quiet' });
      const view = await renderLive(broker.chat, session.id);
      await eventually(() =>
        expect(text(part(view, 'transcript-note'))).to.equal('No messages yet'),
      );
      await expect(view).to.be.accessible();
    });

    it('"load earlier" pages by keyset and keeps what the reader sees exactly in place', async function () {
      this.timeout(30_000);
      const broker = await newBroker();
      const session = await createSession(broker, { kind: 'general', title: 'Long thread' });
      for (let index = 1; index <= 45; index += 1) {
        await broker.chat.messages.append({
          sessionId: session.id,
          role: index % 3 === 0 ? 'assistant' : 'broker',
          // Messages of different heights, so a wrong adjustment can't pass by luck.
          content: index % 4 === 0 ? `Message ${index}\nwith a second line` : `Message ${index}`,
        });
      }
      const view = await renderLive(broker.chat, session.id, { pageSize: 20, height: 360 });
      await eventually(() => expect(bubbles(view)).to.have.length(20));
      await view.updateComplete;
      const transcript = part(view, 'transcript')!;
      expect(contents(view)[0]).to.equal('Message 26');
      // The conversation opens at its end.
      expect(
        transcript.scrollHeight - transcript.scrollTop - transcript.clientHeight,
      ).to.be.lessThan(1);

      // The reader scrolls up to the top and presses "load earlier" (with the keyboard).
      transcript.scrollTop = 0;
      const button = part(view, 'load-earlier-button')!;
      expect(text(button)).to.equal('Load earlier messages');
      button.focus({ preventScroll: true });
      const reference = bubbles(view).find((bubble) => bubble.message!.content === 'Message 27')!;
      const offsetOf = (element: Element) =>
        element.getBoundingClientRect().top - transcript.getBoundingClientRect().top;
      const before = {
        offset: offsetOf(reference),
        scrollTop: transcript.scrollTop,
        scrollHeight: transcript.scrollHeight,
      };
      await sendKeys({ press: 'Enter' });
      await eventually(() => expect(bubbles(view)).to.have.length(40));
      await view.updateComplete;
      const after = {
        offset: offsetOf(reference),
        scrollTop: transcript.scrollTop,
        scrollHeight: transcript.scrollHeight,
      };
      expect(contents(view)[0]).to.equal('Message 6');
      expect(after.scrollHeight).to.be.greaterThan(before.scrollHeight);
      expect(after.scrollTop - before.scrollTop).to.equal(after.scrollHeight - before.scrollHeight);
      expect(after.offset).to.equal(before.offset);

      // Again, from a spot in the middle of the page: the last page; the button goes away and
      // focus stays in the conversation.
      transcript.scrollTop = 37;
      const middle = bubbles(view).find((bubble) => bubble.message!.content === 'Message 7')!;
      const again = {
        offset: offsetOf(middle),
        scrollTop: transcript.scrollTop,
        scrollHeight: transcript.scrollHeight,
      };
      expect(view.shadowRoot!.activeElement).to.equal(button);
      await sendKeys({ press: 'Enter' });
      await eventually(() => expect(bubbles(view)).to.have.length(45));
      await view.updateComplete;
      expect(contents(view).slice(0, 6)).to.deep.equal(
        [1, 2, 3, 4, 5, 6].map((n) =>
          n % 4 === 0 ? `Message ${n}\nwith a second line` : `Message ${n}`,
        ),
      );
      expect(transcript.scrollTop - again.scrollTop).to.equal(
        transcript.scrollHeight - again.scrollHeight,
      );
      expect(offsetOf(middle)).to.equal(again.offset);
      expect(part(view, 'load-earlier-button')).to.equal(null);
      expect(view.shadowRoot!.activeElement).to.equal(transcript);
      // Every message once, in seq order.
      expect(new Set(contents(view)).size).to.equal(45);
    });
  });

  describe('composer (real backend)', () => {
    it('sends with Enter: pending while the network is slow, then sent, saved once', async () => {
      const broker = await newBroker();
      const session = await createSession(broker, { kind: 'general', title: 'Send' });
      const view = await renderLive(broker.chat, session.id);
      await eventually(() =>
        expect(text(part(view, 'transcript-note'))).to.equal('No messages yet'),
      );
      const composer = view.shadowRoot!.querySelector('chat-composer')!;
      composer.focus();
      broker.network = 'held';
      await sendKeys({ type: 'Can you do Friday 9am?' });
      await sendKeys({ press: 'Enter' });
      await eventually(() => expect(bubbles(view)).to.have.length(1));
      const [bubble] = bubbles(view);
      expect(bubble!.delivery).to.equal('pending');
      expect(text(bubble!.shadowRoot!.querySelector("[part~='delivery']"))).to.equal('Sending…');
      expect(composer.value).to.equal('');
      await expect(view).to.be.accessible();
      broker.network = 'online';
      await eventually(() => expect(bubbles(view)[0]!.delivery).to.equal('sent'));
      expect(bubbles(view)[0]).to.equal(bubble);
      const { data } = await broker.chat.messages.list({ sessionId: session.id });
      expect(data!.items.map((message) => [message.content, message.role])).to.deep.equal([
        ['Can you do Friday 9am?', 'broker'],
      ]);
    });

    it('keeps a multi-line message typed with Shift+Enter', async () => {
      const broker = await newBroker();
      const session = await createSession(broker, { kind: 'general', title: 'Lines' });
      const view = await renderLive(broker.chat, session.id);
      view.shadowRoot!.querySelector('chat-composer')!.focus();
      await sendKeys({ type: 'Line one' });
      await pressWithShift('Enter');
      await sendKeys({ type: 'Line two' });
      await sendKeys({ press: 'Enter' });
      await eventually(() => expect(bubbles(view)[0]?.delivery).to.equal('sent'));
      expect(contents(view)).to.deep.equal(['Line one\nLine two']);
    });

    it('marks a message that could not be sent as failed; Retry with the keyboard sends it once', async () => {
      const broker = await newBroker();
      const session = await createSession(broker, { kind: 'general', title: 'Retry' });
      const view = await renderLive(broker.chat, session.id);
      const composer = view.shadowRoot!.querySelector('chat-composer')!;
      composer.focus();
      broker.network = 'offline';
      await sendKeys({ type: 'Citation XLS at 9?' });
      await sendKeys({ press: 'Enter' });
      await eventually(() => expect(bubbles(view)[0]?.delivery).to.equal('failed'));
      const [bubble] = bubbles(view);
      expect(text(bubble!.shadowRoot!.querySelector("[part~='delivery']"))).to.equal(
        'Not sent Retry',
      );
      await expect(view).to.be.accessible();

      broker.network = 'online';
      // From the composer, Shift+Tab reaches the failed message's Retry button.
      await pressWithShift('Tab');
      const retry = bubble!.shadowRoot!.querySelector("[part~='retry-button']");
      expect(deepActiveElement()).to.equal(retry);
      const heard = oneEvent(document, 'chat-message-retry');
      await sendKeys({ press: 'Enter' });
      expect((await heard).composed).to.equal(true);
      await eventually(() => expect(bubbles(view)[0]?.delivery).to.equal('sent'));
      const { data } = await broker.chat.messages.list({ sessionId: session.id });
      expect(data!.items.map((message) => message.content)).to.deep.equal(['Citation XLS at 9?']);
    });

    it('reads and sends through a MessageStore the host gives, and leaves it open when removed', async () => {
      const broker = await newBroker();
      const session = await createSession(broker, { kind: 'general', title: 'Host store' });
      await broker.chat.messages.append({ sessionId: session.id, content: 'Already here' });
      const store = new MessageStore({ client: broker.chat, sessionId: session.id });
      const view = await fixture<ChatSessionView>(html`
        <chat-session-view style="height: 300px" .store=${store} .session=${session} .client=${broker.chat}></chat-session-view>
      `);
      await eventually(() => expect(contents(view)).to.deep.equal(['Already here']));
      view.shadowRoot!.querySelector('chat-composer')!.focus();
      await sendKeys({ type: 'Through your store' });
      await sendKeys({ press: 'Enter' });
      await eventually(() =>
        expect(
          store
            .getSnapshot()
            .items.map((item) => [item.content, item.delivery])
            .at(-1),
        ).to.deep.equal(['Through your store', 'sent']),
      );
      view.remove();
      // Still the host's: it answers after the view is gone.
      expect((await store.load()).error).to.equal(null);
      store.dispose();
    });

    it('keeps the draft of each session while the broker switches between them', async () => {
      const broker = await newBroker();
      const first = await createSession(broker, { kind: 'general', title: 'First' });
      const second = await createSession(broker, { kind: 'general', title: 'Second' });
      const drafts = new DraftStore({ userId: broker.userId });
      const view = await renderLive(broker.chat, first.id, { drafts });
      const composer = () => view.shadowRoot!.querySelector('chat-composer')!;
      composer().focus();
      await sendKeys({ type: 'Half a thought' });
      view.sessionId = second.id;
      await eventually(() => expect(text(part(view, 'heading'))).to.equal('Second'));
      expect(composer().value).to.equal('');
      view.sessionId = first.id;
      await eventually(() => expect(text(part(view, 'heading'))).to.equal('First'));
      expect(composer().value).to.equal('Half a thought');
      expect(localStorage.getItem(`chat-sessions:draft:${broker.userId}:${first.id}`)).to.equal(
        'Half a thought',
      );
      drafts.clear(first.id);
      drafts.dispose();
    });

    it('shows messages written elsewhere as they arrive (change feed), following the end', async () => {
      const broker = await newBroker();
      const session = await createSession(broker, { kind: 'general', title: 'Live' });
      for (let index = 1; index <= 12; index += 1) {
        await broker.chat.messages.append({ sessionId: session.id, content: `Earlier ${index}` });
      }
      const sync = new ChangeFeedSync({ client: broker.chat, intervalMs: 0, afterWriteDelayMs: 0 });
      sync.start();
      const view = await renderLive(broker.chat, session.id, { sync, height: 300 });
      await eventually(() => expect(bubbles(view)).to.have.length(12));
      // Another tab or device of the broker writes (through the same API, not through the view).
      await broker.chat.messages.append({ sessionId: session.id, content: 'From my phone' });
      await eventually(() => expect(contents(view).at(-1)).to.equal('From my phone'));
      await view.updateComplete;
      const transcript = part(view, 'transcript')!;
      expect(
        transcript.scrollHeight - transcript.scrollTop - transcript.clientHeight,
      ).to.be.lessThan(1);
      sync.dispose();
    });
  });

  describe('live without a feed of the host', () => {
    it('runs its own change feed while on the page, and starts again when put back', async () => {
      const broker = await newBroker();
      const session = await createSession(broker, { kind: 'general', title: 'Own feed' });
      const view = await renderLive(broker.chat, session.id);
      await eventually(() =>
        expect(text(part(view, 'transcript-note'))).to.equal('No messages yet'),
      );
      await broker.chat.messages.append({
        sessionId: session.id,
        content: 'Written by the host page',
      });
      await eventually(() => expect(contents(view)).to.deep.equal(['Written by the host page']));
      // The session's own changes come through it too.
      await broker.chat.sessions.pause(session.id);
      await eventually(() => expect(text(part(view, 'status'))).to.equal('Paused'));
      const parent = view.parentElement!;
      view.remove();
      await view.updateComplete;
      expect(bubbles(view)).to.have.length(0);
      await broker.chat.messages.append({
        sessionId: session.id,
        content: 'While the view was away',
      });
      parent.append(view);
      // Issue 11: the pause and the resume the next broker message causes are event lines of
      // the transcript (written by the database), so they arrive through the feed as well.
      await eventually(() =>
        expect(contents(view)).to.deep.equal([
          'Written by the host page',
          'Paused',
          'Resumed',
          'While the view was away',
        ]),
      );
      await broker.chat.messages.append({ sessionId: session.id, content: 'After it came back' });
      await eventually(() => expect(contents(view).at(-1)).to.equal('After it came back'));
    });
  });

  describe('operator threads', () => {
    it('opens and closes the threads of a flight request with the keyboard', async () => {
      const broker = await newBroker();
      const session = await createSession(broker, { kind: 'flight_request', title: 'Threads' });
      await broker.chat.threads.open({ sessionId: session.id, operatorName: 'Jet Linx' });
      const view = await renderLive(broker.chat, session.id);
      await eventually(() => expect(part(view, 'threads-toggle')).to.exist);
      const toggle = part(view, 'threads-toggle')!;
      toggle.focus();
      await sendKeys({ press: 'Enter' });
      await view.updateComplete;
      expect(toggle.getAttribute('aria-expanded')).to.equal('true');
      const list = view.shadowRoot!.querySelector('operator-thread-list')!;
      expect(list.id).to.equal(toggle.getAttribute('aria-controls'));
      await eventually(() =>
        expect(list.shadowRoot!.querySelectorAll("[part~='thread']")).to.have.length(1),
      );
      await expect(view).to.be.accessible();
      await sendKeys({ press: 'Space' });
      await view.updateComplete;
      expect(view.shadowRoot!.querySelector('operator-thread-list')).to.equal(null);
    });
  });

  describe('narrow host column', () => {
    it('fits a 280 px column without scrolling sideways, threads open', async () => {
      const broker = await newBroker();
      const session = await createSession(broker, {
        kind: 'flight_request',
        title: 'Narrow',
        legs: [
          { from: 'KTEB', to: 'KVNY', date: '2026-12-12' },
          { from: 'KVNY', to: 'KSFO', date: '2026-12-14' },
          { from: 'KSFO', to: 'KTEB', date: '2027-01-03' },
        ],
        passengers: 6,
        stage: 'contract_generated',
      });
      await broker.chat.threads.open({
        sessionId: session.id,
        operatorName: 'An operator with a rather long company name',
      });
      await broker.chat.messages.append({
        sessionId: session.id,
        content:
          'https://example.test/a/very/long/link/without/any/spaces/that/must/wrap/somewhere',
      });
      const wrapper = await fixture<HTMLDivElement>(html`<div style="width: 280px; height: 520px">
        <chat-session-view .client=${broker.chat} session-id=${session.id}></chat-session-view>
      </div>`);
      const view = wrapper.querySelector('chat-session-view')!;
      await eventually(() => expect(bubbles(view)).to.have.length(1));
      part(view, 'threads-toggle')!.click();
      await view.updateComplete;
      const list = view.shadowRoot!.querySelector('operator-thread-list')!;
      await eventually(() =>
        expect(list.shadowRoot!.querySelectorAll("[part~='thread']")).to.have.length(1),
      );
      for (const element of [view, part(view, 'header')!, part(view, 'transcript')!, list]) {
        expect(
          element.scrollWidth,
          element.getAttribute('part') ?? element.localName,
        ).to.be.at.most(element.clientWidth);
      }
      expect(view.getBoundingClientRect().width).to.equal(280);
    });

    it('folds the stepper and the actions behind an Actions toggle, keeping Operators', async () => {
      const broker = await newBroker();
      const session = await createSession(broker, {
        kind: 'flight_request',
        title: 'Hartley family',
        legs: [{ from: 'KTEB', to: 'KVNY', date: '2026-12-12' }],
        passengers: 6,
      });
      const wrapper = await fixture<HTMLDivElement>(html`<div style="width: 320px; height: 568px">
        <chat-session-view .client=${broker.chat} session-id=${session.id}></chat-session-view>
      </div>`);
      const view = wrapper.querySelector('chat-session-view')!;
      await eventually(() => expect(part(view, 'actions-toggle')).to.exist);
      const toggle = part(view, 'actions-toggle')!;
      const shown = (element: HTMLElement | null) =>
        element !== null && element.getClientRects().length > 0;
      expect(toggle.getAttribute('aria-expanded')).to.equal('false');
      expect(shown(part(view, 'stage-stepper'))).to.equal(false);
      expect(parts(view, 'action-button').some(shown)).to.equal(false);
      expect(shown(part(view, 'threads-toggle'))).to.equal(true);
      await expect(view).to.be.accessible();

      toggle.focus();
      await sendKeys({ press: 'Enter' });
      await view.updateComplete;
      expect(toggle.getAttribute('aria-expanded')).to.equal('true');
      expect(shown(part(view, 'stage-stepper'))).to.equal(true);
      expect(actionLabels(view).length).to.be.greaterThan(0);
      expect(parts(view, 'action-button').every(shown)).to.equal(true);
      await expect(view).to.be.accessible();

      // Wide, the toggle is gone and everything shows.
      wrapper.style.width = '720px';
      await eventually(() => expect(shown(toggle)).to.equal(false));
      expect(shown(part(view, 'stage-stepper'))).to.equal(true);
    });
  });

  describe('theming', () => {
    it('has no axe violations in a dark theme made of tokens only', async () => {
      const broker = await newBroker();
      const session = await createSession(broker, {
        kind: 'flight_request',
        title: 'Dark',
        passengers: 2,
        stage: 'proposal_sent',
      });
      await broker.chat.messages.append({ sessionId: session.id, content: 'Evening' });
      const wrapper = await fixture<HTMLDivElement>(html`
        <div
          style="height: 400px; color-scheme: dark; background: #16191d; --chat-color-surface: #16191d;
            --chat-color-surface-hover: #1f242a; --chat-color-surface-selected: #1b2b45;
            --chat-color-text: #e6e9ed; --chat-color-text-muted: #a4adb8; --chat-color-border: #343b44;
            --chat-color-accent: #6ea8ff; --chat-color-on-accent: #0b1220; --chat-color-danger: #ff8a80"
        >
          <chat-session-view .client=${broker.chat} session-id=${session.id}></chat-session-view>
        </div>
      `);
      const view = wrapper.querySelector('chat-session-view')!;
      await eventually(() => expect(bubbles(view)).to.have.length(1));
      expect(getComputedStyle(part(view, 'header')!).backgroundColor).to.equal('rgb(22, 25, 29)');
      await expect(wrapper).to.be.accessible();
    });
  });
});

describe('<chat-session-view> inside a <chat-sessions-provider>', () => {
  before(async function () {
    this.timeout(120_000);
    await backendInfo();
  });

  it("takes the provider's client, and applies actions through its shared list (at once, optimistically)", async () => {
    await import('../../src/chat-sessions-provider/define.js');
    const broker = await newBroker();
    const session = await createSession(broker, { kind: 'general', title: 'Provided' });
    await broker.chat.messages.append({ sessionId: session.id, content: 'Through the context' });
    const provider = await fixture<
      HTMLElement & { sessionList: { getSnapshot(): { items: readonly Session[] } } | null }
    >(html`
      <chat-sessions-provider .client=${broker.chat}>
        <chat-session-view style="height: 320px" session-id=${session.id}></chat-session-view>
      </chat-sessions-provider>
    `);
    const view = provider.querySelector('chat-session-view')!;
    await eventually(() => expect(contents(view)).to.deep.equal(['Through the context']));
    await eventually(() =>
      expect(provider.sessionList!.getSnapshot().items.map((item) => item.id)).to.include(
        session.id,
      ),
    );

    // A slow network: the list shows the change before the server has answered.
    broker.network = 'held';
    parts(view, 'action-button')
      .find((button) => text(button) === 'Pause')!
      .click();
    await eventually(() => expect(text(part(view, 'status'))).to.equal('Paused'));
    expect(broker.heldCount).to.be.greaterThan(0);
    expect(
      provider.sessionList!.getSnapshot().items.find((item) => item.id === session.id)!.status,
    ).to.equal('paused');
    broker.network = 'online';
    await eventually(async () => {
      const { data } = await broker.chat.sessions.get(session.id);
      expect(data!.status).to.equal('paused');
    });
    await eventually(() =>
      expect(actionLabels(view)).to.deep.equal(['Resume', 'Complete', 'Archive']),
    );
  });
});
