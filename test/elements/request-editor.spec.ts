// <chat-request-editor>: opened from <chat-session-view>'s header and from a sidebar card's menu,
// driven by real key presses, saving through the real SDK (supabase-js) to the local gateway
// over PostgreSQL. The conflict is a real one: another client changes the row in between.
import { deepActiveElement } from './support/accessibility.js';
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/chat-session-view/define.js';
import '../../src/chat-sidebar/define.js';
import type { ChatSessionView } from '../../src/chat-session-view/chat-session-view.js';
import type { ChatSidebar } from '../../src/chat-sidebar/chat-sidebar.js';
import type { ChatRequestEditor } from '../../src/request-editor/chat-request-editor.js';
import type { ChatSessionEditEvent } from '../../src/actions/session-edit-event.js';
import {
  backendInfo,
  eventually,
  newBroker,
  type TestBroker,
  createSession,
} from './support/backend.js';
import { flightRequest } from './support/sessions.js';
import { pressKeys, waitForFocus } from './support/sidebar.js';

function part(root: Element, name: string): HTMLElement | null {
  return root.shadowRoot!.querySelector<HTMLElement>(`[part~='${name}']`);
}

function text(element: Element | null): string {
  if (!element) throw new Error('no element');
  return (element.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** Whether `element` has focus (compared by identity: a failed DOM `equal` prints whole trees). */
function focused(element: Element | null | undefined): boolean {
  return !!element && deepActiveElement() === element;
}

async function renderView(broker: TestBroker, sessionId: string): Promise<ChatSessionView> {
  const view = await fixture<ChatSessionView>(html`
    <chat-session-view
      style="height: 640px"
      .client=${broker.chat}
      session-id=${sessionId}
      locale="en-GB"
    ></chat-session-view>
  `);
  await eventually(() => expect(part(view, 'edit-request-button')).to.not.equal(null));
  return view;
}

/** Opens the editor with the keyboard (focus on Edit request, Enter). */
async function openEditor(view: ChatSessionView): Promise<ChatRequestEditor> {
  part(view, 'edit-request-button')!.focus();
  await sendKeys({ press: 'Enter' });
  let editor: ChatRequestEditor | null = null;
  await eventually(() => {
    editor = view.shadowRoot!.querySelector('chat-request-editor');
    expect(text(part(view, 'action-status'))).to.equal('');
    expect(editor?.shadowRoot?.querySelector('form')).to.exist;
  });
  return editor!;
}

function field(editor: ChatRequestEditor, id: string): HTMLElement {
  const found = editor.shadowRoot!.getElementById(id);
  if (!found) throw new Error(`no field #${id}`);
  return found;
}

/** Types into an airport picker and waits for its suggestions. */
async function typeAirport(picker: HTMLElement, typed: string): Promise<void> {
  await sendKeys({ type: typed });
  await eventually(() =>
    expect(picker.shadowRoot!.querySelectorAll("[part~='option']").length).to.be.greaterThan(0),
  );
}

describe('<chat-request-editor>', function () {
  // Real key presses and round trips to PostgreSQL; a loaded 2-core machine needs the room.
  this.timeout(30_000);

  before(async function () {
    this.timeout(120_000);
    await backendInfo();
  });

  it('stays out of the eager bundle: defined only once Edit request is used', async () => {
    const broker = await newBroker();
    const session = await createSession(broker, { kind: 'flight_request', title: 'Lazy' });
    // The session view's module graph does not define it (a spec file earlier in this run may
    // have opened one; test/packaging/request-editor-chunk.test.ts proves the chunk split).
    const view = await renderView(broker, session.id);
    expect(view.shadowRoot!.querySelector('chat-request-editor')).to.equal(null);
    await openEditor(view);
    expect(customElements.get('chat-request-editor')).to.not.equal(undefined);
    expect(customElements.get('chat-airport-picker')).to.not.equal(undefined);
  });

  it('fixes a mis-parsed request by keyboard alone: name, legs by city and code, date, passengers', async () => {
    const broker = await newBroker();
    // "BED to MVY Dec 18" as the parser got it wrong: no legs, nothing set.
    const session = await createSession(broker, {
      kind: 'flight_request',
      title: 'Flight request',
    });
    const view = await renderView(broker, session.id);
    const editor = await openEditor(view);
    // Focus lands in the first field.
    await eventually(() => expect(focused(field(editor, 'title')), 'focused').to.equal(true));
    expect(part(view, 'edit-request-button')!.getAttribute('aria-expanded')).to.equal('true');
    await expect(editor).to.be.accessible();

    await pressKeys('Control+a');
    await sendKeys({ type: 'Hartley family — Vineyard weekend' });
    // Title → Trip type → Passengers → Add leg.
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    expect(focused(field(editor, 'passengers')), 'focused').to.equal(true);
    await sendKeys({ type: '4' });
    await sendKeys({ press: 'Tab' });
    expect(focused(field(editor, 'add-leg')), 'focused').to.equal(true);
    await sendKeys({ press: 'Enter' });
    await editor.updateComplete;
    const from = editor.shadowRoot!.querySelector<HTMLElement>("[part~='airport']")!;
    await eventually(() =>
      expect(focused(from.shadowRoot!.querySelector('input')), 'focused').to.equal(true),
    );
    // By city: Bedford has several airports; ↓ moves to Hanscom Field (BED), Enter picks it.
    await typeAirport(from, 'bedford');
    const input = from.shadowRoot!.querySelector('input')!;
    expect(input.getAttribute('aria-expanded')).to.equal('true');
    await sendKeys({ press: 'ArrowDown' });
    await editor.updateComplete;
    const active = from.shadowRoot!.getElementById(input.getAttribute('aria-activedescendant')!)!;
    expect(active.dataset.code).to.equal('BED');
    await expect(editor).to.be.accessible();
    await sendKeys({ press: 'Enter' });
    await eventually(() => expect(input.getAttribute('aria-expanded')).to.equal('false'));
    expect(text(from.shadowRoot!.querySelector("[part~='airport-name']"))).to.equal(
      'Laurence G Hanscom Field, Bedford',
    );
    // By name: "martha" → Martha's Vineyard (MVY).
    await sendKeys({ press: 'Tab' });
    const to = editor.shadowRoot!.querySelectorAll<HTMLElement>("[part~='airport']")[1]!;
    await typeAirport(to, 'martha');
    await sendKeys({ press: 'Enter' });
    await sendKeys({ press: 'Tab' });
    // The date field, typed as the en-US browser takes it (month, day, year).
    expect((deepActiveElement() as HTMLInputElement).type).to.equal('date');
    await sendKeys({ type: '12182026' });
    await sendKeys({ press: 'Enter' });

    // Saved, closed, focus back on Edit request; the header leads with the deal's name.
    await eventually(() =>
      expect(view.shadowRoot!.querySelector('chat-request-editor')).to.equal(null),
    );
    await eventually(() =>
      expect(focused(part(view, 'edit-request-button')), 'focused').to.equal(true),
    );
    const { data } = await broker.chat.sessions.get(session.id);
    expect(data!.title).to.equal('Hartley family — Vineyard weekend');
    expect(data!.passengers).to.equal(4);
    expect(data!.legs).to.deep.equal([{ from: 'BED', to: 'MVY', date: '2026-12-18', time: null }]);
    await eventually(() =>
      expect(text(part(view, 'deal-name'))).to.equal('Hartley family — Vineyard weekend'),
    );
    expect(text(part(view, 'route'))).to.equal('BED→MVY');
  });

  it('checks with the SDK schemas before sending: marks the fields and sends nothing', async () => {
    const broker = await newBroker();
    const session = await createSession(broker, {
      kind: 'flight_request',
      title: 'Round trip',
      tripType: 'round_trip',
      legs: [
        { from: 'TEB', to: 'VNY', date: '2026-12-20' },
        { from: 'VNY', to: 'TEB', date: '2026-12-27' },
      ],
      passengers: 6,
    });
    const view = await renderView(broker, session.id);
    const editor = await openEditor(view);
    // The return before the departure, and passengers out of range.
    const [, returnLeg] = [...editor.shadowRoot!.querySelectorAll("[part~='leg']")];
    const returnDate = returnLeg!.querySelector<HTMLInputElement>('input[type=date]')!;
    returnDate.value = '2026-12-10';
    returnDate.dispatchEvent(new Event('change'));
    const passengers = field(editor, 'passengers') as HTMLInputElement;
    passengers.focus();
    await pressKeys('Control+a');
    await sendKeys({ type: '1200' });
    await sendKeys({ press: 'Enter' });
    await editor.updateComplete;

    expect(returnDate.getAttribute('aria-invalid')).to.equal('true');
    expect(text(editor.shadowRoot!.getElementById(`${returnDate.id}-error`))).to.match(
      /return before departure/,
    );
    expect(passengers.getAttribute('aria-invalid')).to.equal('true');
    expect(text(part(editor, 'error'))).to.equal('2 fields need a fix.');
    // Focus goes to the first field to fix.
    await eventually(() => expect(focused(returnDate), 'focused').to.equal(true));
    await expect(editor).to.be.accessible();
    const { data } = await broker.chat.sessions.get(session.id);
    expect(data!.version).to.equal(session.version);

    // Escape asks first (there are edits); "Discard" cancels, focus back on Edit request.
    await sendKeys({ press: 'Escape' });
    await eventually(() =>
      expect(focused(part(editor, 'keep-editing-button')), 'focused').to.equal(true),
    );
    await sendKeys({ press: 'Tab' });
    expect(focused(part(editor, 'discard-button')), 'focused').to.equal(true);
    await sendKeys({ press: 'Enter' });
    await eventually(() =>
      expect(view.shadowRoot!.querySelector('chat-request-editor')).to.equal(null),
    );
    expect(focused(part(view, 'edit-request-button')), 'focused').to.equal(true);
  });

  it('Escape with no changes closes at once and gives focus back to Edit request', async () => {
    const broker = await newBroker();
    const session = await createSession(broker, { kind: 'flight_request', title: 'Untouched' });
    const view = await renderView(broker, session.id);
    const editor = await openEditor(view);
    await eventually(() => expect(focused(field(editor, 'title')), 'focused').to.equal(true));
    await sendKeys({ press: 'Escape' });
    await eventually(() =>
      expect(view.shadowRoot!.querySelector('chat-request-editor')).to.equal(null),
    );
    expect(focused(part(view, 'edit-request-button')), 'focused').to.equal(true);
  });

  it('Escape never drops edits: asks, "Keep editing" goes back to the field, and Save stores them', async () => {
    const broker = await newBroker();
    const session = await createSession(broker, {
      kind: 'flight_request',
      title: 'Flight request',
      passengers: 2,
    });
    const view = await renderView(broker, session.id);
    const editor = await openEditor(view);
    await eventually(() => expect(focused(field(editor, 'title')), 'focused').to.equal(true));
    await pressKeys('Control+a');
    await sendKeys({ type: 'Hartley family — Aspen' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    const passengers = field(editor, 'passengers') as HTMLInputElement;
    expect(focused(passengers), 'focused').to.equal(true);
    await pressKeys('Control+a');
    await sendKeys({ type: '5' });

    // Escape asks instead of closing; "Keep editing" has focus, the question is its name.
    await sendKeys({ press: 'Escape' });
    await eventually(() =>
      expect(focused(part(editor, 'keep-editing-button')), 'focused').to.equal(true),
    );
    expect(view.shadowRoot!.querySelector('chat-request-editor')).to.equal(editor);
    const question = part(editor, 'discard')!;
    expect(question.getAttribute('role')).to.equal('alertdialog');
    const labelId = question.getAttribute('aria-labelledby')!;
    expect(text(editor.shadowRoot!.getElementById(labelId))).to.equal('Discard your changes?');
    expect(text(part(editor, 'discard-button'))).to.equal('Discard');
    await expect(editor).to.be.accessible();

    // Escape again: back to the field, edits kept.
    await sendKeys({ press: 'Escape' });
    await eventually(() => expect(part(editor, 'discard')).to.equal(null));
    expect(focused(passengers), 'focused').to.equal(true);
    expect((field(editor, 'title') as HTMLInputElement).value).to.equal('Hartley family — Aspen');
    expect(passengers.value).to.equal('5');

    // Asked again, Enter on "Keep editing" does the same; then Enter in the field saves.
    await sendKeys({ press: 'Escape' });
    await eventually(() =>
      expect(focused(part(editor, 'keep-editing-button')), 'focused').to.equal(true),
    );
    await sendKeys({ press: 'Enter' });
    await eventually(() => expect(part(editor, 'discard')).to.equal(null));
    expect(focused(passengers), 'focused').to.equal(true);
    const before = await broker.chat.sessions.get(session.id);
    expect(before.data!.version).to.equal(session.version);
    await sendKeys({ press: 'Enter' });
    await eventually(() =>
      expect(view.shadowRoot!.querySelector('chat-request-editor')).to.equal(null),
    );
    const { data } = await broker.chat.sessions.get(session.id);
    expect([data!.title, data!.passengers]).to.deep.equal(['Hartley family — Aspen', 5]);
  });

  it('Escape in an airport field only closes the suggestions; the next one asks, and Discard saves nothing', async () => {
    const broker = await newBroker();
    const session = await createSession(broker, { kind: 'flight_request', title: 'No legs yet' });
    const view = await renderView(broker, session.id);
    const editor = await openEditor(view);
    await eventually(() => expect(focused(field(editor, 'title')), 'focused').to.equal(true));
    field(editor, 'add-leg').focus();
    await sendKeys({ press: 'Enter' });
    await editor.updateComplete;
    const from = editor.shadowRoot!.querySelector<HTMLElement>("[part~='airport']")!;
    await eventually(() =>
      expect(focused(from.shadowRoot!.querySelector('input')), 'focused').to.equal(true),
    );
    await typeAirport(from, 'teterboro');
    const input = from.shadowRoot!.querySelector('input')!;
    expect(input.getAttribute('aria-expanded')).to.equal('true');

    // First Escape: the suggestions close, nothing else.
    await sendKeys({ press: 'Escape' });
    await eventually(() => expect(input.getAttribute('aria-expanded')).to.equal('false'));
    expect(part(editor, 'discard')).to.equal(null);
    expect(focused(input), 'focused').to.equal(true);

    // Second Escape: asks (a leg was added, and "teterboro" is typed).
    await sendKeys({ press: 'Escape' });
    await eventually(() =>
      expect(focused(part(editor, 'keep-editing-button')), 'focused').to.equal(true),
    );
    expect(view.shadowRoot!.querySelector('chat-request-editor')).to.equal(editor);
    await sendKeys({ press: 'Escape' });
    await eventually(() => expect(focused(input), 'focused').to.equal(true));
    expect(input.value).to.equal('teterboro');

    // "Discard" closes as Cancel does: nothing saved, focus back on Edit request.
    await sendKeys({ press: 'Escape' });
    await eventually(() =>
      expect(focused(part(editor, 'keep-editing-button')), 'focused').to.equal(true),
    );
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' });
    await eventually(() =>
      expect(view.shadowRoot!.querySelector('chat-request-editor')).to.equal(null),
    );
    expect(focused(part(view, 'edit-request-button')), 'focused').to.equal(true);
    const { data } = await broker.chat.sessions.get(session.id);
    expect([data!.version, data!.legs]).to.deep.equal([session.version, []]);
  });

  it('Cancel discards at once, even with edits (it says so)', async () => {
    const broker = await newBroker();
    const session = await createSession(broker, { kind: 'flight_request', title: 'Keep me' });
    const view = await renderView(broker, session.id);
    const editor = await openEditor(view);
    await eventually(() => expect(focused(field(editor, 'title')), 'focused').to.equal(true));
    await sendKeys({ type: ' changed' });
    part(editor, 'cancel-button')!.focus();
    await sendKeys({ press: 'Enter' });
    await eventually(() =>
      expect(view.shadowRoot!.querySelector('chat-request-editor')).to.equal(null),
    );
    const { data } = await broker.chat.sessions.get(session.id);
    expect([data!.title, data!.version]).to.deep.equal(['Keep me', session.version]);
  });

  it('on a conflict shows what changed meanwhile, and saves the broker’s changes over it', async () => {
    const broker = await newBroker();
    const session = await createSession(broker, {
      kind: 'flight_request',
      title: 'Gala trip',
      tripType: 'one_way',
      legs: [{ from: 'TEB', to: 'PBI', date: '2026-12-20' }],
      passengers: 4,
    });
    const view = await renderView(broker, session.id);
    const editor = await openEditor(view);
    await eventually(() => expect(focused(field(editor, 'title')), 'focused').to.equal(true));
    await pressKeys('Control+a');
    await sendKeys({ type: 'Okafor — Palm Beach gala' });
    // Each save is announced first (the host could take it over): the first try and the re-apply.
    const edits: ChatSessionEditEvent[] = [];
    view.addEventListener('chat-session-edit', (event) => edits.push(event));

    // Another device changes the passengers and the stage meanwhile.
    const other = await broker.chat.sessions.update(session.id, {
      passengers: 6,
      stage: 'requesting_quotes',
    });
    expect(other.error).to.equal(null);

    await sendKeys({ press: 'Enter' });
    let conflict: HTMLElement | null = null;
    await eventually(() => {
      conflict = part(editor, 'conflict');
      expect(conflict).to.not.equal(null);
    });
    expect(conflict!.getAttribute('role')).to.equal('alert');
    const lines = [...conflict!.querySelectorAll('li')].map((item) => text(item));
    expect(lines).to.deep.equal([
      'Passengers: 4 → 6',
      'Stage: Understanding request → Requesting quotes',
    ]);
    await eventually(() =>
      expect(focused(part(editor, 'reapply-button')), 'focused').to.equal(true),
    );
    await expect(editor).to.be.accessible();

    // Enter on "Save my changes over theirs": only the broker's edit (the name) goes over the
    // newer version; their passengers and stage stay.
    await sendKeys({ press: 'Enter' });
    await eventually(() =>
      expect(view.shadowRoot!.querySelector('chat-request-editor')).to.equal(null),
    );
    expect(edits.map((event) => event.patch)).to.deep.equal([
      { title: 'Okafor — Palm Beach gala' },
      { title: 'Okafor — Palm Beach gala' },
    ]);
    const { data } = await broker.chat.sessions.get(session.id);
    expect([data!.title, data!.passengers, data!.stage]).to.deep.equal([
      'Okafor — Palm Beach gala',
      6,
      'requesting_quotes',
    ]);
  });

  it('"Discard mine, use theirs" refills the form with the newer version', async () => {
    const broker = await newBroker();
    const session = await createSession(broker, {
      kind: 'flight_request',
      title: 'Ski week',
      passengers: 2,
    });
    const view = await renderView(broker, session.id);
    const editor = await openEditor(view);
    await eventually(() => expect(focused(field(editor, 'title')), 'focused').to.equal(true));
    await pressKeys('Control+a');
    await sendKeys({ type: 'Mine' });
    await broker.chat.sessions.update(session.id, { title: 'Theirs' });
    await sendKeys({ press: 'Enter' });
    await eventually(() => expect(part(editor, 'use-theirs-button')).to.not.equal(null));
    expect(
      [...part(editor, 'conflict')!.querySelectorAll('li')].map((li) => text(li)),
    ).to.deep.equal(['Name: Ski week → Theirs']);
    part(editor, 'use-theirs-button')!.click();
    await editor.updateComplete;
    expect(part(editor, 'conflict')).to.equal(null);
    expect((field(editor, 'title') as HTMLInputElement).value).to.equal('Theirs');
    const { data } = await broker.chat.sessions.get(session.id);
    expect(data!.title).to.equal('Theirs');
  });

  it('fits a 280 px column without scrolling sideways', async () => {
    await import('../../src/request-editor/register.js');
    const wrapper = await fixture<HTMLDivElement>(html`<div style="width: 280px">
      <chat-request-editor
        .session=${flightRequest({
          title: 'Hartley family — LA for the holidays, with a long name',
          tripType: 'multi_leg',
          legs: [
            { from: 'KTEB', to: 'KVNY', date: '2026-12-12', time: '09:30' },
            { from: 'KVNY', to: 'KSFO', date: '2026-12-14', time: null },
          ],
        })}
      ></chat-request-editor>
    </div>`);
    const editor = wrapper.querySelector('chat-request-editor')!;
    await editor.updateComplete;
    const form = editor.shadowRoot!.querySelector('form')!;
    for (const element of [editor, form, ...form.querySelectorAll('fieldset')]) {
      expect(element.scrollWidth, element.localName).to.be.at.most(element.clientWidth);
    }
    expect(editor.getBoundingClientRect().width).to.equal(280);
    await expect(editor).to.be.accessible();
  });

  it('opens from a card’s menu in the sidebar (Shift+F10), saves, and gives focus back to the card', async () => {
    const broker = await newBroker();
    const session = await createSession(broker, {
      kind: 'flight_request',
      title: 'TEB to VNY Dec 12',
      legs: [{ from: 'TEB', to: 'VNY', date: '2026-12-12' }],
    });
    const wrapper = await fixture<HTMLDivElement>(html`<div
      style="position: fixed; top: 0; left: 0; z-index: 1; width: 300px; height: 560px; display: flex"
    >
      <chat-sidebar style="flex: 1 1 auto" locale="en-GB" .client=${broker.chat}></chat-sidebar>
    </div>`);
    const sidebar = wrapper.querySelector<ChatSidebar>('chat-sidebar')!;
    let card: HTMLElement | null = null;
    await eventually(() => {
      card = sidebar.shadowRoot!.querySelector<HTMLElement>(`[data-session-id='${session.id}']`);
      expect(card).to.not.equal(null);
    });
    card!.focus();
    await pressKeys('Shift+F10');
    let item: HTMLElement | null = null;
    await eventually(() => {
      item = sidebar.shadowRoot!.querySelector<HTMLElement>("[data-action='edit_request']");
      expect(item).to.not.equal(null);
    });
    expect(text(item)).to.equal('Edit request…');
    // It sits just above Delete, the last item.
    await sendKeys({ press: 'End' });
    await sendKeys({ press: 'ArrowUp' });
    await eventually(() => expect(focused(item), 'focused').to.equal(true));
    await sendKeys({ press: 'Enter' });
    let editor: ChatRequestEditor | null = null;
    await eventually(() => {
      editor = sidebar.shadowRoot!.querySelector('chat-request-editor');
      expect(editor?.shadowRoot?.getElementById('title')).to.exist;
    });
    await eventually(() => expect(focused(field(editor!, 'title')), 'focused').to.equal(true));
    await expect(sidebar).to.be.accessible();
    await pressKeys('Control+a');
    await sendKeys({ type: 'Hartley family — LA for the holidays' });
    // Escape with the edit asks, inside the sidebar's modal <dialog>, which stays open.
    await sendKeys({ press: 'Escape' });
    await eventually(() =>
      expect(focused(part(editor!, 'keep-editing-button')), 'focused').to.equal(true),
    );
    expect(sidebar.shadowRoot!.querySelector('dialog')!.open).to.equal(true);
    await expect(sidebar).to.be.accessible();
    await sendKeys({ press: 'Escape' });
    await eventually(() => expect(focused(field(editor!, 'title')), 'focused').to.equal(true));
    await sendKeys({ press: 'Enter' });
    await eventually(() =>
      expect(sidebar.shadowRoot!.querySelector('chat-request-editor')).to.equal(null),
    );
    await waitForFocus(sidebar, session.id);
    const { data } = await broker.chat.sessions.get(session.id);
    expect(data!.title).to.equal('Hartley family — LA for the holidays');
    // The card leads with the deal's name now.
    await eventually(() => {
      const shown = sidebar.shadowRoot!.querySelector<HTMLElement>(
        `[data-session-id='${session.id}']`,
      )!;
      const dealName = shown.shadowRoot?.querySelector("[part~='deal-name']") ?? null;
      expect(text(dealName)).to.equal('Hartley family — LA for the holidays');
    });
  });
});
