// Quick create's preview in <chat-sidebar>, against the real SDK (supabase-js) and the local
// gateway over PostgreSQL: what the text says shows as the broker types, an ambiguous airport is
// picked with the keyboard, Enter creates the corrected request with the typed text saved as its
// first message, a general question becomes a general chat titled from it, Escape backs out.
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { ChatSessionsClient, Session } from '@chat-sessions/sdk';
import '../../src/chat-sidebar/define.js';
import type { ChatSidebar } from '../../src/chat-sidebar/chat-sidebar.js';
import type { ChatQuickCreatePreview } from '../../src/quick-create-preview/quick-create-preview.js';
import { parseFlightRequest } from '@chat-sessions/sdk/metadata';
import {
  createInputFromModel,
  modelFromDraft,
  openQuestion,
  problemsOf,
  withLegField,
} from '../../src/quick-create-preview/preview-model.js';
import { createInputFrom } from '../../src/chat-sidebar/quick-create-read.js';
import { deepActiveElement } from './support/accessibility.js';
import { backendInfo, eventually, newBroker } from './support/backend.js';
import { $, card, cards, pressKeys, settle, textOf } from './support/sidebar.js';

async function sidebarFor(client: ChatSessionsClient, width = 280): Promise<ChatSidebar> {
  const wrapper = await fixture<HTMLDivElement>(html`<div
    style="position: fixed; top: 0; left: 0; z-index: 1; width: ${width}px; height: 720px; display: flex; background: white"
  >
    <chat-sidebar style="flex: 1 1 auto" locale="en-GB" .client=${client}></chat-sidebar>
  </div>`);
  return wrapper.querySelector('chat-sidebar')!;
}

function input(sidebar: ChatSidebar): HTMLInputElement {
  return $(sidebar, '[part~="quick-create-input"]') as HTMLInputElement;
}

function preview(sidebar: ChatSidebar): ChatQuickCreatePreview | null {
  return sidebar.shadowRoot!.querySelector('chat-quick-create-preview');
}

function inPreview(sidebar: ChatSidebar, selector: string): HTMLElement[] {
  return [...(preview(sidebar)?.shadowRoot?.querySelectorAll<HTMLElement>(selector) ?? [])];
}

/** Types into quick create and waits until the preview shows what the text says. */
async function typeAndPreview(sidebar: ChatSidebar, text: string): Promise<ChatQuickCreatePreview> {
  input(sidebar).focus();
  await sendKeys({ type: text });
  await eventually(
    () => expect(preview(sidebar)?.current, 'the preview read the text').to.equal(true),
    8000,
  );
  await preview(sidebar)!.updateComplete;
  return preview(sidebar)!;
}

async function press(sidebar: ChatSidebar, key: string): Promise<void> {
  await pressKeys(key);
  await settle(sidebar);
}

async function createdSession(client: ChatSessionsClient, sidebar: ChatSidebar): Promise<Session> {
  await eventually(() => expect(sidebar.selected).to.match(/^[0-9a-f-]{36}$/), 8000);
  let stored: Session | null = null;
  await eventually(async () => {
    stored = (await client.sessions.get(sidebar.selected)).data;
    expect(stored).to.not.equal(null);
  });
  return stored!;
}

/** The broker's sessions as stored (none is created while the preview asks). */
async function storedCount(client: ChatSessionsClient): Promise<number> {
  const { data, error } = await client.sessions.list({ tab: 'active' });
  if (error) throw error;
  return data.items.length;
}

async function messagesOf(client: ChatSessionsClient, sessionId: string): Promise<string[]> {
  const { data, error } = await client.messages.list({ sessionId });
  if (error) throw error;
  return data.items.map((message) => `${message.role}: ${message.content}`);
}

describe('quick create preview (<chat-sidebar>, real backend)', function () {
  // Real key presses and round trips to PostgreSQL; a loaded 2-core machine needs the room.
  this.timeout(40_000);

  it('shows what "London to Dubai" says, takes LGW by keyboard, and Enter creates it with the text as first message', async () => {
    const broker = await newBroker();
    const sidebar = await sidebarFor(broker.chat);
    const shown = await typeAndPreview(sidebar, 'London to Dubai 10 Jan 4 pax');

    // What was understood, each open question marked.
    expect(textOf(inPreview(sidebar, '[part~="kind"]')[0]!)).to.equal('Flight request');
    expect(textOf(inPreview(sidebar, '[part~="summary"]')[0]!)).to.equal('2 things to check');
    const legends = inPreview(sidebar, 'legend').map((legend) => textOf(legend));
    expect(legends).to.deep.equal(['⚠From: Which London?', '⚠To: Which Dubai?']);
    const codes = inPreview(sidebar, '[part~="choice"] .code').map((code) => textOf(code));
    expect(codes.slice(0, 5)).to.deep.equal(['LHR', 'LGW', 'LCY', 'LTN', 'STN']);
    expect(codes.slice(-2)).to.deep.equal(['DXB', 'DWC']);
    expect((inPreview(sidebar, '[part~="passengers"]')[0] as HTMLInputElement).value).to.equal('4');
    expect((inPreview(sidebar, '[part~="date"]')[0] as HTMLInputElement).value).to.match(/-01-10$/);
    expect(input(sidebar).getAttribute('aria-controls')).to.equal('quick-create-preview');
    await expect(sidebar).to.be.accessible();

    // Tab past Create, the trip type and the passengers into London's choices: → picks LGW.
    for (let tab = 0; tab < 4; tab += 1) await press(sidebar, 'Tab');
    expect((deepActiveElement() as HTMLInputElement).value).to.equal('LHR');
    await press(sidebar, 'ArrowRight');
    expect((deepActiveElement() as HTMLInputElement).value).to.equal('LGW');
    // Dubai's: Space takes the first, DXB.
    await press(sidebar, 'Tab');
    await press(sidebar, ' ');
    await shown.updateComplete;
    expect(textOf(inPreview(sidebar, '[part~="summary"]')[0]!)).to.equal('Looks complete');
    expect(inPreview(sidebar, 'legend .marker')).to.have.length(0);

    await press(sidebar, 'Enter');
    const stored = await createdSession(broker.chat, sidebar);
    expect(stored.kind).to.equal('flight_request');
    expect(stored.legs.map((leg) => `${leg.from}-${leg.to} ${leg.date?.slice(5)}`)).to.deep.equal([
      'LGW-DXB 01-10',
    ]);
    expect(stored.passengers).to.equal(4);
    expect(stored.tripType).to.equal('one_way');
    expect(stored.title).to.equal('LGW → DXB · 10 Jan · 4 pax');
    expect(await messagesOf(broker.chat, stored.id)).to.deep.equal([
      'broker: London to Dubai 10 Jan 4 pax',
    ]);
    // Back in the field, empty, the preview gone: ready for the next one.
    await eventually(() => expect(input(sidebar).value).to.equal(''));
    expect(preview(sidebar)).to.equal(null);
    expect(deepActiveElement()).to.equal(input(sidebar));
  });

  it("asks a round trip's place once: the pick for the way out answers the way back", async () => {
    const broker = await newBroker();
    const sidebar = await sidebarFor(broker.chat);
    const shown = await typeAndPreview(sidebar, 'London to Nice 10 Jan, back on the 14th');
    const legends = () => inPreview(sidebar, 'legend').map((legend) => textOf(legend));
    expect(legends()).to.deep.equal(['⚠From: Which London?', '⚠To: Which London?']);
    // A keyboard pick on the way out (Tab into London's choices, → to LGW).
    for (let tab = 0; tab < 4; tab += 1) await press(sidebar, 'Tab');
    expect((deepActiveElement() as HTMLInputElement).value).to.equal('LHR');
    await press(sidebar, 'ArrowRight');
    await shown.updateComplete;
    const checked = inPreview(sidebar, 'input:checked').map(
      (radio) => (radio as HTMLInputElement).value,
    );
    expect(checked).to.include.members(['LGW']);
    expect(inPreview(sidebar, 'legend .marker'), 'nothing left to pick').to.have.length(0);
    await expect(sidebar).to.be.accessible();
  });

  it('keeps a pick while the broker types on', async () => {
    const broker = await newBroker();
    const sidebar = await sidebarFor(broker.chat);
    await typeAndPreview(sidebar, 'London to Dubai 10 Jan');
    const city = inPreview(sidebar, 'input[value="LCY"]')[0] as HTMLInputElement;
    city.click();
    await settle(sidebar);
    input(sidebar).focus();
    await sendKeys({ type: ' 4 pax' });
    await eventually(() => {
      expect(preview(sidebar)?.current).to.equal(true);
      expect((inPreview(sidebar, '[part~="passengers"]')[0] as HTMLInputElement).value).to.equal(
        '4',
      );
    }, 8000);
    await preview(sidebar)!.updateComplete;
    expect((inPreview(sidebar, 'input[value="LCY"]')[0] as HTMLInputElement).checked).to.equal(
      true,
    );
    expect(textOf(inPreview(sidebar, '[part~="summary"]')[0]!)).to.equal('1 thing to check');
  });

  it('reads through a metadata endpoint once typing pauses, and creates without asking again', async () => {
    const broker = await newBroker();
    const { url } = await backendInfo();
    const sidebar = await sidebarFor(broker.chat);
    const endpoint = `${url}/metadata/parse`;
    sidebar.metadataEndpoint = endpoint;
    // Counts the sidebar's requests to the endpoint (they still go to the real one).
    const realFetch = window.fetch.bind(window);
    let reads = 0;
    window.fetch = (input, init) => {
      if (String(input instanceof Request ? input.url : input) === endpoint) reads += 1;
      return realFetch(input, init);
    };
    try {
      await typeAndPreview(sidebar, 'London to Dubai 10 Jan 4 pax');
      expect(reads, 'one read for a text typed in one go').to.equal(1);
      (inPreview(sidebar, 'input[value="STN"]')[0] as HTMLInputElement).click();
      (inPreview(sidebar, 'input[value="DXB"]')[0] as HTMLInputElement).click();
      await settle(sidebar);
      input(sidebar).focus();
      await press(sidebar, 'Enter');
      const stored = await createdSession(broker.chat, sidebar);
      expect(stored.legs.map((leg) => `${leg.from}-${leg.to}`)).to.deep.equal(['STN-DXB']);
      expect(reads, 'Enter creates what the preview shows').to.equal(1);
    } finally {
      window.fetch = realFetch;
    }
  });

  it('Enter with an airport left to choose goes to its choices and says so; once picked, Enter creates the whole route, dates and passengers', async () => {
    const broker = await newBroker();
    const sidebar = await sidebarFor(broker.chat);
    const text = 'Geneva to London Jan 4, 3 pax, back Jan 6';
    const shown = await typeAndPreview(sidebar, text);
    expect(textOf(inPreview(sidebar, '[part~="summary"]')[0]!)).to.equal('2 things to check');
    // The hint says what Enter does now: it does not create yet.
    expect(textOf(inPreview(sidebar, '[part~="keys"]')[0]!)).to.equal(
      'Choose what is marked, then Enter creates · Esc closes',
    );
    expect(inPreview(sidebar, '[part~="ask"]')).to.have.length(0);

    // Enter in the field: nothing is created; focus goes to the first open choice, and the
    // preview says (role=alert) what is left.
    await press(sidebar, 'Enter');
    await shown.updateComplete;
    const focused = deepActiveElement() as HTMLInputElement;
    expect([focused.name, focused.value, focused.checked]).to.deep.equal(['leg0-to', 'LHR', false]);
    const ask = inPreview(sidebar, '[part~="ask"]')[0]!;
    expect(ask.getAttribute('role')).to.equal('alert');
    expect(textOf(ask)).to.equal('Not created yet: Which London? Pick one, then press Enter.');
    expect(input(sidebar).value, 'the text is kept').to.equal(text);
    expect(sidebar.selected).to.equal('');
    expect(await storedCount(broker.chat), 'nothing created').to.equal(0);
    await expect(sidebar).to.be.accessible();

    // The Create button asks the same (focus back to the choice, still nothing created).
    ($(sidebar, '[part~="quick-create-button"]') as HTMLButtonElement).focus();
    await press(sidebar, 'Enter');
    expect((deepActiveElement() as HTMLInputElement).name).to.equal('leg0-to');
    expect(await storedCount(broker.chat)).to.equal(0);

    // → picks LGW, which answers the way back too; Enter on the choice creates.
    await press(sidebar, 'ArrowRight');
    await shown.updateComplete;
    expect((deepActiveElement() as HTMLInputElement).value).to.equal('LGW');
    expect(textOf(inPreview(sidebar, '[part~="summary"]')[0]!)).to.equal('Looks complete');
    expect(inPreview(sidebar, '[part~="ask"]'), 'nothing left to ask').to.have.length(0);
    expect(textOf(inPreview(sidebar, '[part~="keys"]')[0]!)).to.equal('Enter creates · Esc closes');
    await press(sidebar, 'Enter');
    const stored = await createdSession(broker.chat, sidebar);
    expect(stored.legs.map((leg) => `${leg.from}-${leg.to} ${leg.date?.slice(5)}`)).to.deep.equal([
      'GVA-LGW 01-04',
      'LGW-GVA 01-06',
    ]);
    expect(stored.passengers).to.equal(3);
    expect(stored.tripType).to.equal('round_trip');
    expect(stored.title).to.equal('GVA ⇄ LGW · 4–6 Jan · 3 pax');
    expect(await messagesOf(broker.chat, stored.id)).to.deep.equal([`broker: ${text}`]);
    await eventually(() => expect(input(sidebar).value).to.equal(''));
    expect(deepActiveElement()).to.equal(input(sidebar));
  });

  it('asks for a passenger count out of range to be corrected, and with the preview closed says which place needs a pick', async () => {
    const broker = await newBroker();
    const sidebar = await sidebarFor(broker.chat);
    const shown = await typeAndPreview(sidebar, 'TEB to VNY Dec 12 6 pax');
    const passengers = inPreview(sidebar, '[part~="passengers"]')[0] as HTMLInputElement;
    passengers.focus();
    await sendKeys({ press: 'Backspace' });
    await sendKeys({ type: '0' });
    await settle(sidebar);
    input(sidebar).focus();
    await press(sidebar, 'Enter');
    await shown.updateComplete;
    expect(deepActiveElement()).to.equal(passengers);
    expect(textOf(inPreview(sidebar, '[part~="ask"]')[0]!)).to.equal(
      'Not created yet: Passengers (From 1 to 999). Correct it, then press Enter.',
    );
    expect(await storedCount(broker.chat)).to.equal(0);
    await expect(sidebar).to.be.accessible();
    await sendKeys({ press: 'Backspace' });
    await sendKeys({ type: '5' });
    await press(sidebar, 'Enter');
    const stored = await createdSession(broker.chat, sidebar);
    expect([stored.passengers, stored.legs.length]).to.deep.equal([5, 1]);

    // Escape closes the preview; Enter in the field then reads the text itself, and says what
    // to pick rather than creating the request without its route and dates.
    await typeAndPreview(sidebar, 'Geneva to London Jan 4, 3 pax, back Jan 6');
    await press(sidebar, 'Escape');
    expect(preview(sidebar)).to.equal(null);
    await press(sidebar, 'Enter');
    await eventually(() =>
      expect(textOf($(sidebar, '[part~="quick-create-error"]'))).to.equal(
        "Couldn't create the session: “London” names several airports: pick one in the preview, then press Enter",
      ),
    );
    expect(await storedCount(broker.chat), 'only the first one').to.equal(1);
    await expect(sidebar).to.be.accessible();
  });

  it('makes a general question a general chat titled from it, the question its first message', async () => {
    const broker = await newBroker();
    const sidebar = await sidebarFor(broker.chat, 360);
    const question = 'Hi Anna, can you resend last week’s invoice to the Hartleys?';
    await typeAndPreview(sidebar, question);
    expect(textOf(inPreview(sidebar, '[part~="kind"]')[0]!)).to.equal('General chat');
    expect(textOf(preview(sidebar)!.shadowRoot!.querySelector('[part~="base"]'))).to.contain(
      'Titled “Can you resend last week’s invoice to the Hartleys?”',
    );
    await expect(sidebar).to.be.accessible();

    await press(sidebar, 'Enter');
    const stored = await createdSession(broker.chat, sidebar);
    expect(stored.kind).to.equal('general');
    expect(stored.title).to.equal('Can you resend last week’s invoice to the Hartleys?');
    expect(await messagesOf(broker.chat, stored.id)).to.deep.equal([`broker: ${question}`]);
  });

  it('changes the passengers in place, and Escape backs out: first the preview, then the text', async () => {
    const broker = await newBroker();
    const sidebar = await sidebarFor(broker.chat);
    await typeAndPreview(sidebar, 'TEB to VNY Dec 12 6 pax');
    const passengers = inPreview(sidebar, '[part~="passengers"]')[0] as HTMLInputElement;
    passengers.focus();
    await press(sidebar, 'ArrowUp');
    await press(sidebar, 'ArrowUp');
    expect(passengers.value).to.equal('8');

    // Escape in the preview closes it and goes back to the field, text kept; typing reopens it.
    await press(sidebar, 'Escape');
    expect(preview(sidebar)).to.equal(null);
    expect(deepActiveElement()).to.equal(input(sidebar));
    expect(input(sidebar).value).to.equal('TEB to VNY Dec 12 6 pax');
    await sendKeys({ type: ' ' });
    await eventually(() => expect(preview(sidebar)?.current).to.equal(true));
    // Escape in the field: the preview closes, then the text goes.
    await press(sidebar, 'Escape');
    expect(preview(sidebar)).to.equal(null);
    await press(sidebar, 'Escape');
    expect(input(sidebar).value).to.equal('');

    // Corrections are kept while the text stands: 8 passengers, Enter from the field.
    await typeAndPreview(sidebar, 'TEB to VNY Dec 12 6 pax');
    const again = inPreview(sidebar, '[part~="passengers"]')[0] as HTMLInputElement;
    again.focus();
    await press(sidebar, 'ArrowUp');
    input(sidebar).focus();
    await press(sidebar, 'Enter');
    const stored = await createdSession(broker.chat, sidebar);
    expect(stored.passengers).to.equal(7);
    expect(stored.legs.map((leg) => `${leg.from}-${leg.to}`)).to.deep.equal(['TEB-VNY']);
    expect(stored.title).to.equal('TEB → VNY · 12 Dec · 7 pax');
    expect(await messagesOf(broker.chat, stored.id)).to.deep.equal([
      'broker: TEB to VNY Dec 12 6 pax',
    ]);
  });

  it('has a close button (for touch) that does what Escape does, by pointer and by keyboard', async () => {
    const broker = await newBroker();
    const sidebar = await sidebarFor(broker.chat);
    await typeAndPreview(sidebar, 'TEB to VNY Dec 12 6 pax');
    const close = () => inPreview(sidebar, '[part~="close-button"]')[0]!;
    expect(close().getAttribute('aria-label')).to.equal('Close preview');
    await expect(sidebar).to.be.accessible();
    close().click();
    await settle(sidebar);
    expect(preview(sidebar)).to.equal(null);
    expect(deepActiveElement()).to.equal(input(sidebar));
    expect(input(sidebar).value).to.equal('TEB to VNY Dec 12 6 pax');
    // Typing opens it again; the button is the preview's last stop; Enter on it closes it (and
    // creates nothing).
    await sendKeys({ type: ' ' });
    await eventually(() => expect(preview(sidebar)?.current).to.equal(true));
    close().focus();
    await press(sidebar, 'Enter');
    expect(preview(sidebar)).to.equal(null);
    expect(deepActiveElement()).to.equal(input(sidebar));
    expect(await storedCount(broker.chat)).to.equal(0);
  });

  it('a tall preview scrolls within half the screen and never pushes the list over the Trash entry', async () => {
    const broker = await newBroker();
    for (const title of ['Catering for Friday', 'Crew rest rules', 'Hangar at TEB'])
      await broker.chat.sessions.create({ kind: 'general', title });
    const wrapper = await fixture<HTMLDivElement>(html`<div
      style="position: fixed; top: 0; left: 0; z-index: 1; width: 400px; height: 560px; display: flex; background: white"
    >
      <chat-sidebar style="flex: 1 1 auto" locale="en-GB" .client=${broker.chat}></chat-sidebar>
    </div>`);
    const sidebar = wrapper.querySelector('chat-sidebar')!;
    await eventually(() => expect(cards(sidebar).length).to.equal(3), 8000);
    const shown = await typeAndPreview(sidebar, 'Geneva to London Jan 4, 3 pax, back Jan 6');
    await settle(sidebar);
    const base = shown.shadowRoot!.querySelector<HTMLElement>('[part~="base"]')!;
    expect(base.getBoundingClientRect().height).to.be.at.most(innerHeight / 2 + 0.5);
    expect(base.scrollHeight, 'the preview scrolls').to.be.greaterThan(base.clientHeight);
    // What shows at the Trash entry is the entry, not a list row drawn over it.
    const entry = $(sidebar, '[part~="trash-entry"]')!;
    const box = entry.getBoundingClientRect();
    expect(box.bottom).to.be.at.most(560.5);
    const hit = sidebar.shadowRoot!.elementFromPoint(box.left + 12, box.top + box.height / 2);
    expect(hit !== null && entry.contains(hit), `hit ${hit?.outerHTML.slice(0, 80)}`).to.equal(
      true,
    );
    // Enter asks for London: the choice it focuses is scrolled into the preview's view.
    await press(sidebar, 'Enter');
    const focused = deepActiveElement();
    expect(focused && shown.shadowRoot!.contains(focused)).to.equal(true);
    const chip = focused!.getBoundingClientRect();
    const view = base.getBoundingClientRect();
    expect(chip.top).to.be.at.least(view.top - 0.5);
    expect(chip.bottom).to.be.at.most(view.bottom + 0.5);
    await expect(sidebar).to.be.accessible();
  });
});

describe('untitled general chats (<chat-sidebar>, real backend)', function () {
  this.timeout(40_000);

  it('New → General chat takes its title from the first broker message, on the card too', async () => {
    const broker = await newBroker();
    const sidebar = await sidebarFor(broker.chat, 360);
    const newButton = $(sidebar, '[part~="new-button"]')!;
    newButton.focus();
    await press(sidebar, 'Enter');
    await press(sidebar, 'ArrowDown');
    await press(sidebar, 'Enter');
    const created = await createdSession(broker.chat, sidebar);
    expect([created.kind, created.title]).to.deep.equal(['general', '']);

    const sent = await broker.chat.messages.append({
      sessionId: created.id,
      content: 'Good morning Anna, who pays for de-icing at ASE?',
    });
    expect(sent.error).to.equal(null);
    expect((await broker.chat.sessions.get(created.id)).data?.title).to.equal(
      'Who pays for de-icing at ASE?',
    );
    await eventually(() => {
      const shown = card(sidebar, created.id)?.shadowRoot?.querySelector('[part~="title"]');
      expect(textOf(shown ?? null)).to.equal('Who pays for de-icing at ASE?');
    }, 10_000);
    await expect(sidebar).to.be.accessible();
  });
});

describe('quick create preview model', () => {
  const read = (text: string) =>
    modelFromDraft(parseFlightRequest(text, { referenceDate: '2026-12-01', timeZone: 'UTC' }));
  const legs = (model: ReturnType<typeof read>) =>
    model.legs.map(
      (leg) => `${leg.from}-${leg.to} ${leg.date} [${Object.keys(leg.choices).join('+')}]`,
    );

  it('puts the legs the parser left out back where they were said, with their choices', () => {
    const model = read(
      'TEB to MIA Dec 12, then London to Dubai Dec 14, then DXB to TEB Dec 20 4 pax',
    );
    expect(legs(model)).to.deep.equal([
      'TEB-MIA 2026-12-12 []',
      'MIA-null 2026-12-14 [to]',
      'null-null null [from+to]',
      'null-DXB 2026-12-20 [from]',
      'DXB-TEB null []',
    ]);
    expect(model.issues, 'every ambiguity is asked, not listed').to.deep.equal([]);
    expect(problemsOf(model).count).to.equal(4);
    // Only complete legs are created; picking an airport completes one.
    expect(createInputFromModel(model).legs).to.have.length(2);
    const picked = withLegField(withLegField(model, 2, 'from', 'LHR'), 2, 'to', 'DXB');
    expect(createInputFromModel(picked).legs?.map((leg) => `${leg.from}-${leg.to}`)).to.deep.equal([
      'TEB-MIA',
      'LHR-DXB',
      'DXB-TEB',
    ]);
    // Picking the same airport at both ends is marked.
    expect(problemsOf(withLegField(model, 3, 'from', 'DXB')).fields.has('3:to')).to.equal(true);
    // Enter asks for the first open choice, in the order shown, until none is left.
    const ask = (at: typeof model) => {
      const open = openQuestion(at, problemsOf(at));
      if (!open) return null;
      return open.field === 'passengers' ? open.field : `${open.leg}:${open.field}`;
    };
    expect(ask(model)).to.equal('1:to');
    expect(ask(withLegField(model, 1, 'to', 'LHR'))).to.equal('2:from');
    expect(ask(withLegField(picked, 1, 'to', 'LHR'))).to.equal('3:from');
    const settled = withLegField(withLegField(picked, 1, 'to', 'LHR'), 3, 'from', 'DXB');
    expect(ask(settled), 'DXB to DXB: its departure is picked again').to.equal('3:from');
    expect(ask(withLegField(settled, 3, 'from', 'LHR'))).to.equal(null);
  });

  it('asks which date a relative date means, and lists what no choice stands for', () => {
    const thursday = read('LHR to JFK next Thursday 3 pax');
    expect(legs(thursday)).to.deep.equal(['LHR-JFK null [date]']);
    expect(thursday.legs[0]!.choices.date!.options.map((choice) => choice.value)).to.deep.equal([
      '2026-12-03',
      '2026-12-10',
    ]);
    expect(problemsOf(thursday).fields.has('0:date')).to.equal(true);
    const chosen = withLegField(thursday, 0, 'date', '2026-12-10');
    expect(problemsOf(chosen).count).to.equal(0);
    expect(createInputFromModel(chosen).title).to.equal('LHR → JFK · 10 Dec · 3 pax');

    const numeric = read('TEB to VNY 03/04 6 pax');
    expect(numeric.issues.map((issue) => issue.code)).to.deep.equal(['ambiguous_date']);
    // A date moved before the leg before it is marked, and left out of what is created.
    const back = read('TEB to VNY Dec 12, back on the 15th');
    const crossed = withLegField(back, 1, 'date', '2026-12-10');
    expect([...problemsOf(crossed).fields]).to.deep.equal(['1:date']);
    expect(openQuestion(crossed, problemsOf(crossed))).to.deep.equal({
      field: 'date',
      leg: 1,
      choices: null,
    });
    expect(openQuestion(thursday, problemsOf(thursday))).to.deep.include({ field: 'date', leg: 0 });
    const crowd = { ...chosen, passengers: 1200 };
    expect(openQuestion(crowd, problemsOf(crowd))).to.deep.equal({ field: 'passengers' });

    // Without the preview, a reading left to pick is refused, named, rather than dropped.
    const draft = (text: string) =>
      parseFlightRequest(text, { referenceDate: '2026-12-01', timeZone: 'UTC' });
    expect(() => createInputFrom(draft('LHR to JFK next Thursday 3 pax'), '')).to.throw(
      '“next Thursday” can be several dates: pick one in the preview, then press Enter',
    );
    expect(() => createInputFrom(draft('Geneva to London Jan 4, back Jan 6'), '')).to.throw(
      '“London” names several airports',
    );
    expect(createInputFrom(draft('Vegas to TEB Dec 4'), '').legs).to.deep.equal([
      { from: 'LAS', to: 'TEB', date: '2026-12-04', time: null },
    ]);
    expect(createInputFromModel(crossed).legs?.map((leg) => leg.date)).to.deep.equal([
      '2026-12-12',
      null,
    ]);
  });
});
