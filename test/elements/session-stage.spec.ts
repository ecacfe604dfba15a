// <chat-session-view>'s deal controls against the real backend (SDK + gateway over PG): the
// stage stepper, the event lines the database writes into the transcript, completing as won,
// the closed bar of completed / archived sessions and the paused note.
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/chat-session-view/define.js';
import '../../src/flight-request-card/define.js';
import type { FlightRequestCard } from '../../src/flight-request-card/flight-request-card.js';
import { ManualClock } from './support/manual-clock.js';
import { flightRequest, NOW } from './support/sessions.js';
import type { ChatSessionView } from '../../src/chat-session-view/chat-session-view.js';
import { ChatSessionEditEvent } from '../../src/actions/session-edit-event.js';
import type { Session } from '@chat-sessions/sdk';
import {
  backendInfo,
  eventually,
  newBroker,
  type TestBroker,
  createSession,
} from './support/backend.js';

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

/** The stages' names, in order. */
const STAGE_NAMES = [
  'Understanding request',
  'Searching aircraft',
  'Requesting quotes',
  'Analyzing options',
  'Proposal ready',
  'Proposal sent',
  'Contract generated',
  'Contract sent',
  'Payment pending',
  'Closed won',
];

/** Whether an element is drawn (not hidden by itself or an ancestor). */
function shown(element: Element | null): boolean {
  return element !== null && element.getClientRects().length > 0;
}

function focusedIn(view: ChatSessionView): Element | null {
  return view.shadowRoot!.activeElement;
}

/** The event lines of the transcript, as shown. */
function eventLines(view: ChatSessionView): string[] {
  return [...view.shadowRoot!.querySelectorAll('chat-message')]
    .map((bubble) => bubble.shadowRoot?.querySelector("[part~='event'] [part~='content']"))
    .filter((line): line is Element => !!line)
    .map((line) => text(line));
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
  await eventually(() => expect(part(view, 'status')).to.exist);
  return view;
}

describe('<chat-session-view> deal controls', function () {
  this.timeout(30_000);

  before(async function () {
    this.timeout(120_000);
    await backendInfo();
  });

  describe('stage stepper', () => {
    it('moves the stage with the arrow keys and Enter; the database leaves a line in the transcript', async () => {
      const broker = await newBroker();
      const session = await createSession(broker, {
        kind: 'flight_request',
        title: 'Stepper',
        legs: [{ from: 'TEB', to: 'VNY', date: '2026-12-12' }],
      });
      const view = await renderView(broker, session.id);
      const stepper = part(view, 'stage-stepper')!;
      expect(stepper.getAttribute('role')).to.equal('toolbar');
      expect(stepper.getAttribute('aria-label')).to.equal('Stage: Understanding request');
      const steps = parts(view, 'stage-step');
      expect(steps).to.have.length(10);
      // One tab stop: the current stage.
      expect(steps.map((step) => step.tabIndex)).to.deep.equal([
        0, -1, -1, -1, -1, -1, -1, -1, -1, -1,
      ]);
      expect(steps[0]!.getAttribute('aria-current')).to.equal('step');
      expect(steps[5]!.getAttribute('aria-label')).to.equal('Proposal sent, stage 6 of 10');
      await expect(view).to.be.accessible();

      steps[0]!.focus();
      await sendKeys({ press: 'ArrowRight' });
      await sendKeys({ press: 'ArrowRight' });
      expect(focusedIn(view)).to.equal(steps[2]);
      await sendKeys({ press: 'Enter' });
      await eventually(() => expect(text(part(view, 'stage-badge'))).to.equal('Requesting quotes'));
      await eventually(async () => {
        const { data } = await broker.chat.sessions.get(session.id);
        expect(data!.stage).to.equal('requesting_quotes');
      });
      expect(parts(view, 'stage-step')[2]!.getAttribute('aria-current')).to.equal('step');
      expect(parts(view, 'stage-step')[1]!.classList.contains('done')).to.equal(true);
      await eventually(() => expect(eventLines(view)).to.deep.equal(['Stage → Requesting quotes']));

      // A click works as well: End, then back one with the mouse.
      parts(view, 'stage-step')[5]!.click();
      await eventually(async () => {
        const { data } = await broker.chat.sessions.get(session.id);
        expect(data!.stage).to.equal('proposal_sent');
      });
      await eventually(() =>
        expect(eventLines(view)).to.deep.equal([
          'Stage → Requesting quotes',
          'Stage → Proposal sent',
        ]),
      );
      // The line is a note in the log, not a bubble with an author.
      const line = [...view.shadowRoot!.querySelectorAll('chat-message')].find((bubble) =>
        bubble.shadowRoot?.querySelector("[part~='event']"),
      )!;
      expect(line.shadowRoot!.querySelector("[part~='author']")).to.equal(null);
      await expect(view).to.be.accessible();
    });

    it('names every stage under its segment where the view is wide, with "Next" one key press away', async () => {
      const broker = await newBroker();
      const session = await createSession(broker, {
        kind: 'flight_request',
        title: 'Wide pipeline',
        stage: 'requesting_quotes',
      });
      const wrapper = await fixture<HTMLDivElement>(html`<div style="width: 960px; height: 560px">
        <chat-session-view .client=${broker.chat} session-id=${session.id} locale="en-GB"></chat-session-view>
      </div>`);
      const view = wrapper.querySelector('chat-session-view')!;
      await eventually(() => expect(part(view, 'stage-next-button')).to.exist);
      const steps = parts(view, 'stage-step');
      // Each segment shows its stage's name, inside its own width.
      expect(steps.map((step) => text(step))).to.deep.equal(STAGE_NAMES);
      for (const step of steps) {
        const label = step.querySelector<HTMLElement>("[part~='stage-step-label']")!;
        expect(shown(label), text(label)).to.equal(true);
        const box = label.getBoundingClientRect();
        const stepBox = step.getBoundingClientRect();
        expect(box.left, text(label)).to.be.at.least(stepBox.left - 0.5);
        expect(box.right, text(label)).to.be.at.most(stepBox.right + 0.5);
        expect(label.scrollWidth, text(label)).to.be.at.most(label.clientWidth);
      }
      expect(getComputedStyle(steps[2]!.querySelector('span')!).fontWeight).to.equal('600');
      // The names are there: the compact picker is not.
      expect(shown(part(view, 'stage-picker'))).to.equal(false);
      const next = part(view, 'stage-next-button')!;
      expect(shown(next)).to.equal(true);
      expect(text(next)).to.equal('Next: Analyzing options →');
      await expect(view).to.be.accessible();

      // From the current segment, Tab reaches Next; Enter moves the deal on.
      steps[2]!.focus();
      await sendKeys({ press: 'Tab' });
      expect(focusedIn(view)).to.equal(next);
      await sendKeys({ press: 'Enter' });
      await eventually(async () => {
        const { data } = await broker.chat.sessions.get(session.id);
        expect(data!.stage).to.equal('analyzing_options');
      });
      await eventually(() =>
        expect(text(part(view, 'stage-next-button'))).to.equal('Next: Proposal ready →'),
      );
      expect(parts(view, 'stage-step')[3]!.getAttribute('aria-current')).to.equal('step');
      await eventually(() => expect(eventLines(view)).to.deep.equal(['Stage → Analyzing options']));
      await expect(view).to.be.accessible();
    });

    it('on a phone, a compact picker names the stage; its menu sets one by name, from the keyboard', async () => {
      const broker = await newBroker();
      const session = await createSession(broker, { kind: 'flight_request', title: 'Phone' });
      const wrapper = await fixture<HTMLDivElement>(html`<div style="width: 360px; height: 740px">
        <chat-session-view .client=${broker.chat} session-id=${session.id} locale="en-GB"></chat-session-view>
      </div>`);
      const view = wrapper.querySelector('chat-session-view')!;
      await eventually(() => expect(part(view, 'actions-toggle')).to.exist);
      part(view, 'actions-toggle')!.focus();
      await sendKeys({ press: 'Enter' });
      await view.updateComplete;
      const picker = part(view, 'stage-picker')!;
      expect(shown(picker)).to.equal(true);
      expect(text(picker)).to.equal('Stage Understanding request ▾');
      expect(picker.getAttribute('aria-haspopup')).to.equal('menu');
      expect(picker.getAttribute('aria-expanded')).to.equal('false');
      // No room for ten names: the segments show none, the picker says it.
      expect(parts(view, 'stage-step-label').some(shown)).to.equal(false);
      expect(text(part(view, 'stage-next-button'))).to.equal('Next: Searching aircraft →');
      for (const element of [part(view, 'header')!, part(view, 'pipeline')!]) {
        expect(element.scrollWidth).to.be.at.most(element.clientWidth);
      }
      await expect(view).to.be.accessible();

      // The stepper is one tab stop; Tab goes on to the picker. ↓ opens its menu on the first
      // stage; moving in it saves nothing; Escape closes it and returns to the picker.
      const edits: ChatSessionEditEvent[] = [];
      view.addEventListener('chat-session-edit', (event) => edits.push(event));
      parts(view, 'stage-step')[0]!.focus();
      await sendKeys({ press: 'Tab' });
      expect(focusedIn(view)).to.equal(picker);
      await sendKeys({ press: 'ArrowDown' });
      await view.updateComplete;
      const menu = part(view, 'stage-menu')!;
      expect(menu.getAttribute('role')).to.equal('menu');
      expect(picker.getAttribute('aria-expanded')).to.equal('true');
      const items = parts(view, 'stage-menu-item');
      expect(items.map((item) => text(item))).to.deep.equal(STAGE_NAMES);
      expect(items.every(shown)).to.equal(true);
      expect(items[0]!.getAttribute('aria-current')).to.equal('true');
      expect(focusedIn(view)).to.equal(items[0]);
      await expect(view).to.be.accessible();
      await sendKeys({ press: 'ArrowDown' });
      await sendKeys({ press: 'ArrowDown' });
      expect(focusedIn(view)).to.equal(items[2]);
      await sendKeys({ press: 'Escape' });
      await view.updateComplete;
      expect(part(view, 'stage-menu')).to.equal(null);
      expect(focusedIn(view)).to.equal(picker);
      expect(edits).to.have.length(0);

      // Again: down to Proposal ready, Enter sets it (through the SDK, one edit).
      await sendKeys({ press: 'Enter' });
      await view.updateComplete;
      for (let index = 0; index < 4; index += 1) await sendKeys({ press: 'ArrowDown' });
      expect(text(focusedIn(view))).to.equal('Proposal ready');
      await sendKeys({ press: 'Enter' });
      await eventually(async () => {
        const { data } = await broker.chat.sessions.get(session.id);
        expect(data!.stage).to.equal('proposal_ready');
      });
      expect(part(view, 'stage-menu')).to.equal(null);
      expect(focusedIn(view)).to.equal(part(view, 'stage-picker'));
      await eventually(() => expect(text(part(view, 'stage-badge'))).to.equal('Proposal ready'));
      expect(text(part(view, 'stage-picker'))).to.equal('Stage Proposal ready ▾');
      expect(text(part(view, 'stage-next-button'))).to.equal('Next: Proposal sent →');
      expect(edits.map((event) => event.patch)).to.deep.equal([{ stage: 'proposal_ready' }]);
      await expect(view).to.be.accessible();
      // Opened again, the menu starts on the current stage.
      await sendKeys({ press: 'ArrowDown' });
      await view.updateComplete;
      await eventually(() => expect(text(focusedIn(view))).to.equal('Proposal ready'));
      expect(focusedIn(view)!.getAttribute('aria-current')).to.equal('true');
      await sendKeys({ press: 'Escape' });
      await view.updateComplete;
      expect(part(view, 'stage-menu')).to.equal(null);
    });

    it('offers no Next after the last stage', async () => {
      const view = await fixture<ChatSessionView>(html`
        <chat-session-view .session=${flightRequest({ stage: 'closed_won' })} .clock=${new ManualClock(NOW)} locale="en-GB"></chat-session-view>
      `);
      expect(part(view, 'stage-next-button')).to.equal(null);
      expect(text(part(view, 'stage-picker'))).to.equal('Stage Closed won ▾');
      expect(parts(view, 'stage-step').at(-1)!.getAttribute('aria-current')).to.equal('step');
      await expect(view).to.be.accessible();
    });

    it('completing as Won shows the stage closed_won, with "Completed · Won" in the transcript', async () => {
      const broker = await newBroker();
      const session = await createSession(broker, {
        kind: 'flight_request',
        title: 'Win',
        stage: 'payment_pending',
      });
      const view = await renderView(broker, session.id);
      view.shadowRoot!.querySelector<HTMLElement>("[data-action='complete']")!.click();
      await view.updateComplete;
      view.shadowRoot!.querySelector<HTMLElement>("[data-outcome='won']")!.click();
      await eventually(() => expect(text(part(view, 'status'))).to.equal('Completed · Won'));
      expect(text(part(view, 'stage-badge'))).to.equal('Closed won');
      await eventually(() => expect(eventLines(view)).to.deep.equal(['Completed · Won']));
      const { data } = await broker.chat.sessions.get(session.id);
      expect([data!.status, data!.outcome, data!.stage]).to.deep.equal([
        'completed',
        'won',
        'closed_won',
      ]);
    });

    it('announces the change (cancelable chat-session-edit); a host that prevents it saves nothing', async () => {
      const broker = await newBroker();
      const session = await createSession(broker, { kind: 'flight_request', title: 'Hosted' });
      const view = await renderView(broker, session.id);
      const heard: ChatSessionEditEvent[] = [];
      const listener = (event: ChatSessionEditEvent) => {
        heard.push(event);
        event.preventDefault();
      };
      document.addEventListener('chat-session-edit', listener);
      try {
        parts(view, 'stage-step')[4]!.click();
        await view.updateComplete;
      } finally {
        document.removeEventListener('chat-session-edit', listener);
      }
      expect(heard).to.have.length(1);
      expect(heard[0]).to.be.instanceOf(ChatSessionEditEvent);
      expect([heard[0]!.session.id, heard[0]!.patch]).to.deep.equal([
        session.id,
        { stage: 'proposal_ready' },
      ]);
      expect(heard[0]!.bubbles && heard[0]!.composed && heard[0]!.cancelable).to.equal(true);
      await new Promise((resolve) => setTimeout(resolve, 150));
      expect(text(part(view, 'stage-badge'))).to.equal('Understanding request');
      const { data } = await broker.chat.sessions.get(session.id);
      expect([data!.stage, data!.version]).to.deep.equal([
        'understanding_request',
        session.version,
      ]);
    });

    it('says why when the stage could not be saved, and shows the stage as it was', async () => {
      const broker = await newBroker();
      const session = await createSession(broker, { kind: 'flight_request', title: 'Offline' });
      const view = await renderView(broker, session.id);
      broker.network = 'offline';
      parts(view, 'stage-step')[3]!.click();
      await eventually(() =>
        expect(text(part(view, 'action-status'))).to.match(/^The stage was not changed: /),
      );
      broker.network = 'online';
      expect(text(part(view, 'stage-badge'))).to.equal('Understanding request');
    });
  });

  describe('closed bar', () => {
    it('a completed session shows "Reopen to reply" instead of a composer; Enter reopens and focuses the composer', async () => {
      const broker = await newBroker();
      const session = await createSession(broker, { kind: 'general', title: 'Done deal' });
      await broker.chat.sessions.transition(session.id, { action: 'complete', outcome: 'lost' });
      const view = await renderView(broker, session.id);
      await eventually(() => expect(part(view, 'closed-bar')).to.exist);
      expect(view.shadowRoot!.querySelector('chat-composer')).to.equal(null);
      expect(text(part(view, 'closed-note'))).to.equal('This session is completed.');
      const button = part(view, 'reply-button')!;
      expect(text(button)).to.equal('Reopen to reply');
      await expect(view).to.be.accessible();

      button.focus();
      await sendKeys({ press: 'Enter' });
      await eventually(() => expect(view.shadowRoot!.querySelector('chat-composer')).to.exist);
      expect(part(view, 'closed-bar')).to.equal(null);
      await eventually(() =>
        expect(focusedIn(view)).to.equal(view.shadowRoot!.querySelector('chat-composer')),
      );
      await sendKeys({ type: 'Back on it' });
      await sendKeys({ press: 'Enter' });
      await eventually(async () => {
        const { data } = await broker.chat.messages.list({ sessionId: session.id });
        expect(data!.items.map((message) => message.content)).to.include('Back on it');
      });
      const { data } = await broker.chat.sessions.get(session.id);
      expect(data!.status).to.equal('active');
    });

    it('an archived session shows "Unarchive to reply"', async () => {
      const broker = await newBroker();
      const session = await createSession(broker, { kind: 'general', title: 'Shelved' });
      await broker.chat.sessions.transition(session.id, { action: 'archive' });
      const view = await renderView(broker, session.id);
      await eventually(() =>
        expect(text(part(view, 'reply-button'))).to.equal('Unarchive to reply'),
      );
      expect(text(part(view, 'closed-note'))).to.equal('This session is archived.');
      await expect(view).to.be.accessible();
      part(view, 'reply-button')!.click();
      await eventually(() => expect(view.shadowRoot!.querySelector('chat-composer')).to.exist);
      const { data } = await broker.chat.sessions.get(session.id);
      expect(data!.status).to.equal('active');
    });

    it('an empty session without a composer says only that it has no messages, not "write the first note below"', async () => {
      // Archiving leaves a line in the transcript; a session archived elsewhere (an import, the
      // seed) may have none: the host's row says archived, the conversation is empty.
      const broker = await newBroker();
      const session = await createSession(broker, { kind: 'flight_request', title: 'Empty' });
      const archived: Session = { ...session, status: 'archived', statusBeforeArchive: 'active' };
      // What <chat-workspace> tells an open flight request with no messages.
      const workspaceNote =
        'No messages yet. Next: send RFQs to operators (Operators), or write the first note below.';
      const view = await fixture<ChatSessionView>(html`
        <chat-session-view
          style="height: 560px"
          .client=${broker.chat}
          .session=${archived}
          .strings=${{ noMessages: workspaceNote }}
          locale="en-GB"
        ></chat-session-view>
      `);
      const transcript = part(view, 'transcript')!;
      await eventually(() => expect(text(transcript)).to.equal('No messages in this session.'));
      expect(text(part(view, 'reply-button'))).to.equal('Unarchive to reply');
      expect(view.shadowRoot!.querySelector('chat-composer')).to.equal(null);
      await expect(view).to.be.accessible();
      // From the log, Tab reaches the one way to write here.
      transcript.focus();
      await sendKeys({ press: 'Tab' });
      expect(focusedIn(view)).to.equal(part(view, 'reply-button'));

      // Completed or in the trash: the same; active again: the invitation to write is back.
      view.session = { ...session, status: 'completed', outcome: 'lost' };
      await view.updateComplete;
      expect(text(transcript)).to.equal('No messages in this session.');
      view.session = { ...session, deletedAt: session.updatedAt };
      await view.updateComplete;
      expect(text(transcript)).to.equal('No messages in this session.');
      view.session = session;
      await view.updateComplete;
      expect(view.shadowRoot!.querySelector('chat-composer')).to.exist;
      expect(text(transcript)).to.equal(workspaceNote);
      await expect(view).to.be.accessible();
    });

    it('a paused session keeps its composer with a note; sending resumes it (the database wakes it)', async () => {
      const broker = await newBroker();
      const session = await createSession(broker, { kind: 'general', title: 'On hold' });
      await broker.chat.sessions.pause(session.id);
      const view = await renderView(broker, session.id);
      await eventually(() =>
        expect(text(part(view, 'paused-note'))).to.equal(
          'Paused: sending a message resumes this session.',
        ),
      );
      await expect(view).to.be.accessible();
      view.shadowRoot!.querySelector<HTMLElement>('chat-composer')!.focus();
      await sendKeys({ type: 'Any news?' });
      await sendKeys({ press: 'Enter' });
      await eventually(async () => {
        const { data } = await broker.chat.sessions.get(session.id);
        expect(data!.status).to.equal('active');
      });
      await eventually(() => expect(text(part(view, 'status'))).to.equal('Active'), 8000);
      await eventually(() => expect(part(view, 'paused-note')).to.equal(null));
      await eventually(() => expect(eventLines(view)).to.include('Resumed'), 8000);
    });
  });

  describe('deal name (plain data)', () => {
    const named = flightRequest({
      title: 'Hartley family — LA for the holidays, a name longer than any card is wide',
    });

    it('leads the card, truncated, with the route and dates under it; the card reads it first', async () => {
      const wrapper = await fixture<HTMLDivElement>(html`<div style="width: 280px">
        <flight-request-card .session=${named} .clock=${new ManualClock(NOW)} locale="en-GB"></flight-request-card>
      </div>`);
      const card = wrapper.querySelector<FlightRequestCard>('flight-request-card')!;
      await card.updateComplete;
      const name = part(card, 'deal-name')!;
      expect(text(name)).to.equal(named.title);
      expect(getComputedStyle(name).textOverflow).to.equal('ellipsis');
      expect(name.scrollWidth).to.be.greaterThan(name.clientWidth);
      expect(part(card, 'details')!.contains(part(card, 'route'))).to.equal(true);
      expect(text(card.shadowRoot!.querySelector('.spoken-name'))).to.match(
        /^Flight request, Hartley family — LA for the holidays, a name longer than any card is wide, TEB to VNY/,
      );
      await expect(card).to.be.accessible();
      // A title that only repeats the route is not a deal name.
      card.session = flightRequest({ title: 'TEB to VNY Dec 12, 6 pax' });
      await card.updateComplete;
      expect(part(card, 'deal-name')).to.equal(null);
      expect(part(card, 'header')!.contains(part(card, 'route'))).to.equal(true);
    });

    it('leads the session header, with the route under it', async () => {
      const view = await fixture<ChatSessionView>(html`
        <chat-session-view .session=${named} .clock=${new ManualClock(NOW)} locale="en-GB"></chat-session-view>
      `);
      expect(text(part(view, 'deal-name'))).to.equal(named.title);
      expect(text(part(view, 'route'))).to.equal('TEB→VNY');
      expect(part(view, 'heading')!.getAttribute('aria-label')).to.equal(
        `${named.title}, TEB to VNY`,
      );
      await expect(view).to.be.accessible();
    });
  });
});
