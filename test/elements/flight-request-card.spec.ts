import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { ChatSessionSelectEvent } from '../../src/events.js';
import '../../src/flight-request-card/define.js';
import type { FlightRequestCard } from '../../src/flight-request-card/flight-request-card.js';
import { FLIGHT_REQUEST_STAGES } from '../../packages/sdk/src/models/flight-request.js';
import type { Session } from '../../packages/sdk/src/models/session.js';
import { accessibleNode } from './support/accessibility.js';
import { ManualClock } from './support/manual-clock.js';
import { flightRequest, MINUTE, NOW } from './support/sessions.js';

/** Renders a card at the specs' fixed "now", in British English unless told otherwise. */
async function renderCard(
  session: Session | null,
  options: { locale?: string; clock?: ManualClock } = {},
): Promise<FlightRequestCard> {
  const clock = options.clock ?? new ManualClock(NOW);
  return fixture<FlightRequestCard>(html`
    <flight-request-card
      .session=${session}
      .clock=${clock}
      locale=${options.locale ?? 'en-GB'}
    ></flight-request-card>
  `);
}

function part(card: Element, name: string): HTMLElement | null {
  return card.shadowRoot!.querySelector<HTMLElement>(`[part~='${name}']`);
}

/** A part's text as a person reads it (whitespace collapsed). */
function partText(card: Element, name: string): string {
  const element = part(card, name);
  if (!element) throw new Error(`no part "${name}"`);
  return (element.textContent ?? '').replace(/\s+/g, ' ').trim();
}

describe('<flight-request-card>', () => {
  describe('route', () => {
    it('shows a one-way request as A → B with its date and passengers', async () => {
      const card = await renderCard(flightRequest());
      expect(partText(card, 'route')).to.equal('TEB → VNY');
      expect(partText(card, 'dates')).to.equal('12 Dec');
      expect(partText(card, 'passengers')).to.equal('6 pax');
      expect(part(card, 'base')!.dataset.tripType).to.equal('one_way');
    });

    it('shows a round trip as A ⇄ B with the date range out and back', async () => {
      const card = await renderCard(
        flightRequest({
          tripType: 'round_trip',
          legs: [
            { from: 'TEB', to: 'VNY', date: '2026-12-12', time: '09:30' },
            { from: 'VNY', to: 'TEB', date: '2026-12-15', time: null },
          ],
        }),
      );
      expect(partText(card, 'route')).to.equal('TEB ⇄ VNY');
      expect(partText(card, 'dates')).to.match(/^12\s*–\s*15 Dec$/);
      expect((await accessibleNode(card)).name).to.match(
        /^Flight request, round trip TEB to VNY, 12\s*–\s*15 December, 6 passengers,/,
      );
    });

    it('keeps the passenger count whole on a narrow card: only the dates are cut', async () => {
      const card = await renderCard(
        flightRequest({
          tripType: 'round_trip',
          legs: [
            { from: 'SCF', to: 'EGE', date: '2026-12-31', time: null },
            { from: 'EGE', to: 'SCF', date: '2027-01-05', time: null },
          ],
        }),
        { locale: 'en-US' },
      );
      card.style.cssText = 'display: block; width: 230px';
      await card.updateComplete;
      const line = part(card, 'passengers')!.parentElement!.getBoundingClientRect();
      const passengers = part(card, 'passengers')!.getBoundingClientRect();
      const dates = part(card, 'dates')!.getBoundingClientRect();
      // The line overflows (the dates run past its end), the count is inside it, whole.
      expect(dates.right).to.be.greaterThan(line.right);
      expect(passengers.left).to.be.at.least(line.left);
      expect(passengers.right).to.be.at.most(line.right);
      expect(passengers.right).to.be.at.most(dates.left + 0.5);
    });

    it('chains a multi-leg request A → B → C → A, dated first to last', async () => {
      const card = await renderCard(
        flightRequest({
          tripType: 'multi_leg',
          legs: [
            { from: 'TEB', to: 'VNY', date: '2026-12-12' },
            { from: 'VNY', to: 'SFO', date: '2026-12-14' },
            { from: 'SFO', to: 'TEB', date: '2027-01-03' },
          ],
        }),
      );
      expect(partText(card, 'route')).to.equal('TEB → VNY → SFO → TEB');
      // Crosses into next year, so both ends carry their year.
      expect(partText(card, 'dates')).to.match(/12 Dec 2026\s*–\s*3 Jan 2027/);
      expect((await accessibleNode(card)).name).to.contain('TEB to VNY to SFO to TEB');
    });

    it('starts a new chain where a leg does not depart from the previous arrival', async () => {
      const card = await renderCard(
        flightRequest({
          tripType: 'multi_leg',
          legs: [
            { from: 'TEB', to: 'VNY', date: '2026-12-12' },
            { from: 'SFO', to: 'LAS', date: '2026-12-13' },
          ],
        }),
      );
      expect(partText(card, 'route')).to.equal('TEB → VNY, SFO → LAS');
      expect((await accessibleNode(card)).name).to.contain('TEB to VNY, then SFO to LAS');
    });

    it('infers the trip type from the legs when the request has none yet', async () => {
      const roundTrip = await renderCard(
        flightRequest({
          tripType: null,
          legs: [
            { from: 'TEB', to: 'VNY', date: '2026-12-12' },
            { from: 'VNY', to: 'TEB', date: '2026-12-15' },
          ],
        }),
      );
      expect(partText(roundTrip, 'route')).to.equal('TEB ⇄ VNY');
      const oneWay = await renderCard(flightRequest({ tripType: null }));
      expect(partText(oneWay, 'route')).to.equal('TEB → VNY');
    });

    it('shows the title while there are no legs, and says so when there is no title either', async () => {
      const titled = await renderCard(
        flightRequest({ legs: [], tripType: null, title: 'Aspen ski trip, family of 4' }),
      );
      expect(partText(titled, 'route')).to.equal('Aspen ski trip, family of 4');
      expect(part(titled, 'base')!.dataset.tripType).to.equal('none');

      const untitled = await renderCard(flightRequest({ legs: [], tripType: null, title: '' }));
      expect(partText(untitled, 'route')).to.equal('Route not set yet');
    });

    it('says the dates are not set when no leg has one', async () => {
      const card = await renderCard(
        flightRequest({ legs: [{ from: 'TEB', to: 'VNY', date: null }], passengers: null }),
      );
      expect(partText(card, 'dates')).to.equal('dates not set');
      expect(part(card, 'passengers')).to.equal(null);
      const node = await accessibleNode(card);
      expect(node.name).to.equal(
        'Flight request, TEB to VNY, dates not set, Requesting quotes, 3 unread operator replies',
      );
    });

    it('shows airport names from the airportName resolver, and codes it does not know', async () => {
      const card = await renderCard(
        flightRequest({
          tripType: 'multi_leg',
          legs: [
            { from: 'TEB', to: 'VNY', date: '2026-12-12' },
            { from: 'VNY', to: 'XYZ', date: '2026-12-13' },
          ],
        }),
      );
      const names: Record<string, string> = { TEB: 'Teterboro', VNY: 'Van Nuys' };
      card.airportName = (code) => names[code];
      await card.updateComplete;
      expect(partText(card, 'route')).to.equal('Teterboro → Van Nuys → XYZ');
      expect(part(card, 'route')!.title).to.equal('Teterboro → Van Nuys → XYZ');
      expect((await accessibleNode(card)).name).to.contain('Teterboro to Van Nuys to XYZ');
    });
  });

  describe('accessible name and description', () => {
    it('reads like a sentence, with operator threads and last activity as description', async () => {
      const card = await renderCard(flightRequest());
      const node = await accessibleNode(card);
      expect(node.role).to.equal('button');
      expect(node.name).to.equal(
        'Flight request, TEB to VNY, 12 December, 6 passengers, Requesting quotes, 3 unread operator replies',
      );
      expect(node.description).to.equal('3 of 5 operators replied, last activity 5 minutes ago');
    });

    it('adds status, outcome and pinned, and uses the singular where it should', async () => {
      const card = await renderCard(
        flightRequest({
          status: 'completed',
          outcome: 'won',
          stage: 'closed_won',
          pinned: true,
          passengers: 1,
          unreadCount: 1,
          threadCount: 1,
          repliedThreadCount: 1,
        }),
      );
      const node = await accessibleNode(card);
      expect(node.name).to.equal(
        'Flight request, TEB to VNY, 12 December, 1 passenger, Closed won, Completed · Won, pinned, 1 unread operator reply',
      );
      expect(node.description).to.equal('1 of 1 operator replied, last activity 5 minutes ago');
    });
  });

  describe('stage', () => {
    it('labels each of the 10 stages with a colour of its own', async () => {
      const colours = new Set<string>();
      for (const stage of FLIGHT_REQUEST_STAGES) {
        const card = await renderCard(flightRequest({ stage }));
        const badge = part(card, 'stage-badge')!;
        expect(badge.dataset.stage).to.equal(stage);
        expect(badge.textContent.trim()).to.equal(
          (card.constructor as typeof FlightRequestCard).defaultStrings.stageLabels[stage],
        );
        colours.add(getComputedStyle(badge).borderTopColor);
      }
      expect(colours.size).to.equal(FLIGHT_REQUEST_STAGES.length);
    });

    it('takes each stage colour from its --chat-stage-* token', async () => {
      const wrapper = await fixture<HTMLDivElement>(html`
        <div style="--chat-stage-requesting-quotes: rgb(1, 2, 3); --chat-stage-proposal-sent: rgb(4, 5, 6)">
          <flight-request-card
            .session=${flightRequest({ stage: 'requesting_quotes' })}
            .clock=${new ManualClock(NOW)}
          ></flight-request-card>
          <flight-request-card
            .session=${flightRequest({ stage: 'proposal_sent' })}
            .clock=${new ManualClock(NOW)}
          ></flight-request-card>
        </div>
      `);
      const [quotes, proposal] = wrapper.querySelectorAll('flight-request-card');
      expect(getComputedStyle(part(quotes!, 'stage-badge')!).borderTopColor).to.equal(
        'rgb(1, 2, 3)',
      );
      expect(getComputedStyle(part(proposal!, 'stage-badge')!).borderTopColor).to.equal(
        'rgb(4, 5, 6)',
      );
    });

    it('shows no stage badge for a session without a stage', async () => {
      const card = await renderCard(flightRequest({ stage: null }));
      expect(part(card, 'stage-badge')).to.equal(null);
    });
  });

  describe('status', () => {
    it('shows no status for an active session', async () => {
      const card = await renderCard(flightRequest());
      expect(part(card, 'status')).to.equal(null);
      expect(card.matches(':state(active)')).to.equal(true);
    });

    it('shows paused, completed and archived distinctly', async () => {
      const looks = new Set<string>();
      for (const [status, label] of [
        ['paused', 'Paused'],
        ['completed', 'Completed · Lost'],
        ['archived', 'Archived'],
      ] as const) {
        const card = await renderCard(
          flightRequest({ status, outcome: status === 'completed' ? 'lost' : null }),
        );
        const chip = part(card, 'status')!;
        expect(chip.textContent.trim()).to.equal(label);
        // The icon is a mask on the chip's ::before, one per status.
        const icon = getComputedStyle(chip, '::before');
        expect(icon.maskImage, `${status} has an icon`).to.match(/^url\("data:image\/svg\+xml,/);
        expect(icon.width).to.equal('10px');
        expect(card.matches(`:state(${status})`)).to.equal(true);
        expect(card.matches(':state(active)')).to.equal(false);
        looks.add(`${getComputedStyle(chip).borderTopColor} ${icon.maskImage}`);
        expect((await accessibleNode(card)).name).to.contain(`, ${label},`);
      }
      expect(looks.size).to.equal(3);
    });

    it('draws an archived card with a dashed border', async () => {
      const archived = await renderCard(flightRequest({ status: 'archived' }));
      expect(getComputedStyle(part(archived, 'base')!).borderTopStyle).to.equal('dashed');
      const active = await renderCard(flightRequest());
      expect(getComputedStyle(part(active, 'base')!).borderTopStyle).to.equal('solid');
    });
  });

  describe('unread, threads, pin, selection', () => {
    it('shows no unread badge at 0, the count at 5, and 99+ at 150', async () => {
      const none = await renderCard(flightRequest({ unreadCount: 0 }));
      expect(part(none, 'unread-badge')).to.equal(null);
      expect(none.matches(':state(unread)')).to.equal(false);
      expect((await accessibleNode(none)).name).not.to.contain('unread');

      const five = await renderCard(flightRequest({ unreadCount: 5 }));
      expect(partText(five, 'unread-badge')).to.equal('5');
      expect(five.matches(':state(unread)')).to.equal(true);

      const many = await renderCard(flightRequest({ unreadCount: 150 }));
      expect(partText(many, 'unread-badge')).to.equal('99+');
      // The badge is capped; the sentence keeps the real number.
      expect((await accessibleNode(many)).name).to.contain('150 unread operator replies');
    });

    it('summarises operator threads, and shows nothing before any operator is contacted', async () => {
      const card = await renderCard(flightRequest());
      expect(partText(card, 'threads')).to.equal('3/5 operators replied');
      const none = await renderCard(flightRequest({ threadCount: 0, repliedThreadCount: 0 }));
      expect(part(none, 'threads')).to.equal(null);
      expect((await accessibleNode(none)).description).to.equal('last activity 5 minutes ago');
    });

    it('says why the attention order placed it, and nothing outside that order', async () => {
      const soon = await renderCard(
        flightRequest({
          attentionReason: { kind: 'departs_soon', days: 1, departsOn: '2026-12-04' },
        }),
      );
      expect(partText(soon, 'attention-reason')).to.equal('departs tomorrow');
      expect((await accessibleNode(soon)).description).to.match(/^departs tomorrow, /);
      await expect(soon).to.be.accessible();
      const replies = await renderCard(
        flightRequest({ attentionReason: { kind: 'unread', count: 2 } }),
      );
      expect(partText(replies, 'attention-reason')).to.equal('2 new replies');
      const due = await renderCard(
        flightRequest({
          status: 'paused',
          attentionReason: { kind: 'resume_due', resumeAt: null },
        }),
      );
      expect(partText(due, 'attention-reason')).to.equal('resume due');
      expect(part(await renderCard(flightRequest()), 'attention-reason')).to.equal(null);
    });

    it('marks a pinned session', async () => {
      const pinned = await renderCard(flightRequest({ pinned: true }));
      expect(part(pinned, 'pin')).to.exist;
      expect(pinned.matches(':state(pinned)')).to.equal(true);
      expect((await accessibleNode(pinned)).name).to.contain(', pinned,');
      const unpinned = await renderCard(flightRequest({ pinned: false }));
      expect(part(unpinned, 'pin')).to.equal(null);
    });

    it('reflects selected as an attribute and shows it', async () => {
      const card = await renderCard(flightRequest());
      const base = part(card, 'base')!;
      const unselectedBackground = getComputedStyle(base).backgroundColor;
      card.selected = true;
      await card.updateComplete;
      expect(card.hasAttribute('selected')).to.equal(true);
      expect(card.matches(':state(selected)')).to.equal(true);
      expect(getComputedStyle(base).backgroundColor).not.to.equal(unselectedBackground);
      card.removeAttribute('selected');
      await card.updateComplete;
      expect(card.selected).to.equal(false);
    });

    it('renders nothing without a session', async () => {
      const card = await renderCard(null);
      expect(card.shadowRoot!.childElementCount).to.equal(0);
      card.session = flightRequest();
      await card.updateComplete;
      expect(part(card, 'base')).to.exist;
    });
  });

  describe('locale', () => {
    it('formats dates, numbers and relative time in the given locale', async () => {
      const card = await renderCard(flightRequest({ passengers: 12, unreadCount: 150 }), {
        locale: 'de-DE',
      });
      expect(partText(card, 'dates')).to.equal('12. Dez.');
      expect(partText(card, 'time')).to.equal('vor 5 Min.');
      expect(partText(card, 'unread-badge')).to.equal('99+');
      expect((await accessibleNode(card)).name).to.contain('12. Dezember');

      card.locale = 'en-US';
      await card.updateComplete;
      expect(partText(card, 'dates')).to.equal('Dec 12');
      expect((await accessibleNode(card)).name).to.contain('December 12');
    });

    it("uses the viewer's locale when none is given", async () => {
      const card = await fixture<FlightRequestCard>(html`
        <flight-request-card .session=${flightRequest()} .clock=${new ManualClock(NOW)}></flight-request-card>
      `);
      const expected = new Intl.DateTimeFormat(navigator.language, {
        day: 'numeric',
        month: 'short',
        timeZone: 'UTC',
      }).format(Date.UTC(2026, 11, 12));
      expect(partText(card, 'dates')).to.equal(expected);
    });

    it('takes overridden strings, nested records key by key', async () => {
      const card = await renderCard(flightRequest(), { locale: 'de-DE' });
      card.strings = {
        flightRequest: 'Fluganfrage',
        passengersShort: (_count, formatted) => `${formatted} Pax`,
        stageLabels: { requesting_quotes: 'Angebote angefragt' },
        route: (chains) => chains.map((chain) => chain.join(' nach ')).join(', '),
      };
      await card.updateComplete;
      expect(partText(card, 'passengers')).to.equal('6 Pax');
      expect(partText(card, 'stage-badge')).to.equal('Angebote angefragt');
      const name = (await accessibleNode(card)).name!;
      expect(name).to.match(/^Fluganfrage, TEB nach VNY, 12\. Dezember,/);
      // Keys not overridden keep their English default.
      expect(name).to.contain('3 unread operator replies');
    });
  });

  describe('last activity', () => {
    it('updates the relative time when the clock ticks, without waiting', async () => {
      const clock = new ManualClock(NOW);
      const card = await renderCard(flightRequest(), { clock });
      const time = part(card, 'time') as HTMLTimeElement;
      expect(time.textContent.trim()).to.equal('5 min ago');
      expect(time.dateTime).to.equal(new Date(NOW - 5 * MINUTE).toISOString());

      clock.advance(2 * MINUTE);
      await card.updateComplete;
      expect(time.textContent.trim()).to.equal('7 min ago');
      expect((await accessibleNode(card)).description).to.contain('last activity 7 minutes ago');

      clock.advance(3 * 60 * MINUTE);
      await card.updateComplete;
      expect(time.textContent.trim()).to.equal('3 hr ago');

      clock.advance(24 * 60 * MINUTE);
      await card.updateComplete;
      expect(time.textContent.trim()).to.equal('yesterday');
    });

    it('follows its clock only while connected', async () => {
      const clock = new ManualClock(NOW);
      const card = await renderCard(flightRequest(), { clock });
      expect(clock.subscriberCount).to.equal(1);
      card.remove();
      expect(clock.subscriberCount).to.equal(0);
      document.body.append(card);
      expect(clock.subscriberCount).to.equal(1);

      const other = new ManualClock(NOW + 60 * MINUTE);
      card.clock = other;
      await card.updateComplete;
      expect(clock.subscriberCount).to.equal(0);
      expect(other.subscriberCount).to.equal(1);
      expect(partText(card, 'time')).to.equal('1 hr ago');
      card.remove();
    });
  });

  describe('user text', () => {
    it('renders HTML in titles and airport names as inert text', async () => {
      const payload =
        '<img src=x onerror="window.__xss = true"><script>window.__xss = true</script>';
      const card = await renderCard(flightRequest({ legs: [], tripType: null, title: payload }));
      expect(partText(card, 'route')).to.equal(payload);
      expect(card.shadowRoot!.querySelector('img, script')).to.equal(null);

      const resolved = await renderCard(flightRequest());
      resolved.airportName = () => payload;
      await resolved.updateComplete;
      expect(resolved.shadowRoot!.querySelector('img, script')).to.equal(null);
      expect(partText(resolved, 'route')).to.contain(payload);

      await new Promise((resolve) => setTimeout(resolve, 50));
      expect((window as { __xss?: boolean }).__xss).to.equal(undefined);
    });
  });

  describe('events and keyboard', () => {
    it('fires chat-session-select on click, bubbling out of shadow roots', async () => {
      const session = flightRequest();
      const host = await fixture<HTMLDivElement>(html`<div></div>`);
      const root = host.attachShadow({ mode: 'open' });
      const card = document.createElement('flight-request-card');
      card.session = session;
      card.clock = new ManualClock(NOW);
      root.append(card);
      await card.updateComplete;

      setTimeout(() => part(card, 'route')!.click());
      // oneEvent is typed for CustomEvent; the instanceOf check below is the real proof.
      const event = (await oneEvent(
        document,
        'chat-session-select',
      )) as unknown as ChatSessionSelectEvent;
      expect(event).to.be.instanceOf(ChatSessionSelectEvent);
      expect(event.session).to.equal(session);
      expect(event.bubbles && event.composed).to.equal(true);
    });

    it('is reached with Tab and chosen with Enter or Space, like a button', async () => {
      const first = flightRequest();
      const second = flightRequest({ legs: [{ from: 'LAS', to: 'ASE', date: '2026-12-20' }] });
      const wrapper = await fixture<HTMLDivElement>(html`
        <div>
          <button id="before">Before</button>
          <flight-request-card .session=${first} .clock=${new ManualClock(NOW)}></flight-request-card>
          <flight-request-card .session=${second} .clock=${new ManualClock(NOW)}></flight-request-card>
        </div>
      `);
      const [firstCard, secondCard] = wrapper.querySelectorAll('flight-request-card');
      const chosen: Session[] = [];
      wrapper.addEventListener('chat-session-select', (event) => chosen.push(event.session));

      wrapper.querySelector<HTMLButtonElement>('#before')!.focus();
      await sendKeys({ press: 'Tab' });
      expect(document.activeElement).to.equal(firstCard);
      // Focus from the keyboard shows a ring.
      expect(getComputedStyle(part(firstCard!, 'base')!).outlineStyle).to.equal('solid');

      await sendKeys({ press: 'Enter' });
      expect(chosen).to.deep.equal([first]);

      await sendKeys({ press: 'Tab' });
      expect(document.activeElement).to.equal(secondCard);
      await sendKeys({ press: 'Space' });
      expect(chosen).to.deep.equal([first, second]);

      await sendKeys({ down: 'Shift' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ up: 'Shift' });
      expect(document.activeElement).to.equal(firstCard);
    });

    it('keeps a tabindex the host set', async () => {
      const card = await fixture<FlightRequestCard>(html`
        <flight-request-card tabindex="-1" .session=${flightRequest()}></flight-request-card>
      `);
      expect(card.getAttribute('tabindex')).to.equal('-1');
    });

    it('as a listbox option, leaves focus, keys, clicks and selection to the container', async () => {
      const session = flightRequest();
      const listbox = await fixture<HTMLDivElement>(html`
        <div role="listbox" aria-label="Sessions">
          <flight-request-card
            interaction="option"
            tabindex="0"
            selected
            .session=${session}
            .clock=${new ManualClock(NOW)}
          ></flight-request-card>
        </div>
      `);
      const card = listbox.querySelector('flight-request-card')!;
      let fired = 0;
      listbox.addEventListener('chat-session-select', () => (fired += 1));

      const node = await accessibleNode(card);
      expect(node.role).to.equal('option');
      expect(node.selected).to.equal(true);
      expect(node.name).to.match(/^Flight request, TEB to VNY,/);

      card.focus();
      await sendKeys({ press: 'Enter' });
      await sendKeys({ press: 'Space' });
      card.click();
      expect(fired).to.equal(0);

      card.selected = false;
      await card.updateComplete;
      expect((await accessibleNode(card)).selected).to.not.equal(true);
      await expect(listbox).to.be.accessible();
    });

    it('gives up the tabindex it added when it becomes an option', async () => {
      const card = await renderCard(flightRequest());
      expect(card.getAttribute('tabindex')).to.equal('0');
      card.interaction = 'option';
      await card.updateComplete;
      expect(card.hasAttribute('tabindex')).to.equal(false);
      card.interaction = 'button';
      await card.updateComplete;
      expect(card.getAttribute('tabindex')).to.equal('0');
    });
  });

  describe('theming', () => {
    it('maps global tokens to its own custom properties, which win over the tokens', async () => {
      const wrapper = await fixture<HTMLDivElement>(html`
        <div style="--chat-color-surface: rgb(10, 20, 30); --chat-color-text: rgb(240, 240, 240)">
          <flight-request-card .session=${flightRequest()} .clock=${new ManualClock(NOW)}></flight-request-card>
          <flight-request-card
            style="--flight-request-card-background: rgb(50, 60, 70)"
            .session=${flightRequest()}
            .clock=${new ManualClock(NOW)}
          ></flight-request-card>
        </div>
      `);
      const [themed, overridden] = wrapper.querySelectorAll('flight-request-card');
      expect(getComputedStyle(part(themed!, 'base')!).backgroundColor).to.equal('rgb(10, 20, 30)');
      expect(getComputedStyle(themed!).color).to.equal('rgb(240, 240, 240)');
      expect(getComputedStyle(part(overridden!, 'base')!).backgroundColor).to.equal(
        'rgb(50, 60, 70)',
      );
    });

    it('exposes its parts by role', async () => {
      const card = await renderCard(
        flightRequest({ pinned: true, status: 'paused', unreadCount: 2 }),
      );
      for (const name of [
        'base',
        'header',
        'route',
        'pin',
        'time',
        'details',
        'dates',
        'passengers',
        'badge',
        'unread-badge',
        'meta',
        'stage-badge',
        'status',
        'threads',
      ]) {
        expect(part(card, name), name).to.exist;
      }
    });
  });

  describe('accessibility (axe)', () => {
    const states: [string, Partial<Session>][] = [
      ['active, one-way', {}],
      ['paused', { status: 'paused' }],
      ['completed', { status: 'completed', outcome: 'won', stage: 'closed_won' }],
      ['archived', { status: 'archived', statusBeforeArchive: 'completed' }],
      ['pinned with 150 unread', { pinned: true, unreadCount: 150 }],
      ['no legs, no dates, no stage', { legs: [], tripType: null, stage: null, passengers: null }],
    ];
    for (const [label, overrides] of states) {
      it(`has no violations: ${label}`, async () => {
        const card = await renderCard(flightRequest(overrides));
        await expect(card).to.be.accessible();
      });
    }

    it('has no violations when selected', async () => {
      const card = await renderCard(flightRequest({ unreadCount: 4 }));
      card.selected = true;
      await card.updateComplete;
      await expect(card).to.be.accessible();
    });

    it('has no violations in every stage', async () => {
      for (const stage of FLIGHT_REQUEST_STAGES) {
        const card = await renderCard(flightRequest({ stage }));
        await expect(card).to.be.accessible();
      }
    });

    it('has no violations in a dark theme made of tokens only', async () => {
      const wrapper = await fixture<HTMLDivElement>(html`
        <div
          style="color-scheme: dark; background: #16191d; --chat-color-surface: #16191d;
            --chat-color-surface-hover: #1f242a; --chat-color-surface-selected: #1b2b45;
            --chat-color-text: #e6e9ed; --chat-color-text-muted: #a4adb8; --chat-color-border: #343b44;
            --chat-color-accent: #6ea8ff; --chat-color-on-accent: #0b1220"
        >
          <flight-request-card
            .session=${flightRequest({ status: 'paused', pinned: true, unreadCount: 12 })}
            .clock=${new ManualClock(NOW)}
          ></flight-request-card>
          <flight-request-card
            selected
            .session=${flightRequest({ status: 'archived' })}
            .clock=${new ManualClock(NOW)}
          ></flight-request-card>
        </div>
      `);
      const card = wrapper.querySelector('flight-request-card')!;
      expect(getComputedStyle(part(card, 'base')!).backgroundColor).to.equal('rgb(22, 25, 29)');
      expect(getComputedStyle(part(card, 'unread-badge')!).color).to.equal('rgb(11, 18, 32)');
      await expect(wrapper).to.be.accessible();
    });
  });
});
