import { expect } from '@open-wc/testing';
import { routeShape } from '../../src/flight-request-card/route.js';
import { TickingClock } from '../../src/internal/clock.js';
import { defineElement } from '../../src/internal/define.js';
import { Formatter } from '../../src/internal/format.js';
import { resolveStrings } from '../../src/internal/strings.js';
import { STAGE_COLORS, stageToken } from '../../src/internal/theme.js';
import { FLIGHT_REQUEST_STAGES } from '../../packages/sdk/src/models/flight-request.js';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const NOW = Date.parse('2026-12-01T12:00:00.000Z');

describe('element internals', () => {
  describe('Formatter', () => {
    const english = Formatter.for('en-GB');

    it('caps counts at 99+ and formats numbers per locale', () => {
      expect(english.count(0)).to.equal('0');
      expect(english.count(99)).to.equal('99');
      expect(english.count(100)).to.equal('99+');
      expect(Formatter.for('de-DE').number(1234)).to.equal('1.234');
      expect(Formatter.for('ar-EG').count(150)).to.equal('٩٩+');
    });

    it('says relative times rounding toward zero, past and future', () => {
      const at = (offset: number) => english.relativeTime(NOW + offset, NOW, 'long');
      expect(at(-59_000)).to.equal('now');
      expect(at(-5 * MINUTE - 50_000)).to.equal('5 minutes ago');
      expect(at(-59 * MINUTE)).to.equal('59 minutes ago');
      expect(at(-60 * MINUTE)).to.equal('1 hour ago');
      expect(at(-DAY)).to.equal('yesterday');
      expect(at(-8 * DAY)).to.equal('last week');
      expect(at(-45 * DAY)).to.equal('last month');
      expect(at(-70 * DAY)).to.equal('2 months ago');
      expect(at(-800 * DAY)).to.equal('2 years ago');
      expect(at(10 * MINUTE)).to.equal('in 10 minutes');
      expect(english.relativeTime(Number.NaN, NOW, 'long')).to.equal('');
    });

    it('shows calendar dates as written, whatever the time zone, with the year only when needed', () => {
      expect(english.calendarDate('2026-12-12', NOW, 'short')).to.equal('12 Dec');
      expect(english.calendarDate('2027-01-03', NOW, 'long')).to.equal('3 January 2027');
      expect(english.calendarDate('not a date', NOW, 'short')).to.equal('not a date');
      expect(english.calendarRange('2026-12-12', '2026-12-12', NOW, 'short')).to.equal('12 Dec');
    });

    it("falls back to the viewer's locale for a malformed locale tag", () => {
      expect(Formatter.for('not_a_locale!').locale).to.equal(undefined);
      expect(Formatter.for('en-GB')).to.equal(english);
    });
  });

  describe('resolveStrings', () => {
    const defaults = {
      title: 'Title',
      labels: { one: 'One', two: 'Two' },
      count: (n: number) => `${n} items`,
    };

    it('lays overrides over defaults, nested records key by key', () => {
      const strings = resolveStrings(defaults, {
        labels: { two: 'Zwei' },
        count: (n) => `${n} Dinge`,
      });
      expect(strings.title).to.equal('Title');
      expect(strings.labels).to.deep.equal({ one: 'One', two: 'Zwei' });
      expect(strings.count(3)).to.equal('3 Dinge');
      expect(defaults.labels.two, 'defaults untouched').to.equal('Two');
      expect(resolveStrings(defaults, null)).to.equal(defaults);
    });
  });

  describe('defineElement', () => {
    it('defines once, skips the same class, and warns instead of throwing for another class', () => {
      const warnings: unknown[][] = [];
      const originalWarn = console.warn;
      console.warn = (...args: unknown[]) => warnings.push(args);
      try {
        class First extends HTMLElement {}
        class Second extends HTMLElement {}
        defineElement('chat-define-probe', First);
        defineElement('chat-define-probe', First);
        expect(customElements.get('chat-define-probe')).to.equal(First);
        expect(warnings).to.have.length(0);

        defineElement('chat-define-probe', Second);
        expect(customElements.get('chat-define-probe')).to.equal(First);
        expect(warnings).to.have.length(1);
        expect(String(warnings[0]![0])).to.contain('<chat-define-probe> is already defined');

        // The same class under a second tag: the registry would throw.
        defineElement('chat-define-probe-two', First);
        expect(customElements.get('chat-define-probe-two')).to.equal(undefined);
        expect(warnings).to.have.length(2);
      } finally {
        console.warn = originalWarn;
      }
    });
  });

  describe('TickingClock', () => {
    it('runs one timer while anything listens, and none after the last one leaves', async () => {
      const clock = new TickingClock(5);
      expect(clock.running).to.equal(false);
      let ticksA = 0;
      let ticksB = 0;
      const stopA = clock.subscribe(() => (ticksA += 1));
      const stopB = clock.subscribe(() => (ticksB += 1));
      expect(clock.running).to.equal(true);
      await new Promise<void>((resolve) => {
        const stop = clock.subscribe(() => {
          stop();
          resolve();
        });
      });
      expect(ticksA).to.be.greaterThan(0);
      expect(ticksB).to.equal(ticksA);
      stopA();
      expect(clock.running).to.equal(true);
      stopB();
      expect(clock.running).to.equal(false);
      expect(Math.abs(clock.now() - Date.now())).to.be.lessThan(1000);
    });
  });

  describe('stage colours', () => {
    it('has a distinct default colour and a token for each of the 10 stages', () => {
      expect(Object.keys(STAGE_COLORS)).to.deep.equal([...FLIGHT_REQUEST_STAGES]);
      expect(new Set(Object.values(STAGE_COLORS)).size).to.equal(10);
      expect(stageToken('requesting_quotes')).to.equal('--chat-stage-requesting-quotes');
    });
  });

  describe('routeShape', () => {
    it('keeps a round trip with only its outbound leg, and a one-way with extra legs as a chain', () => {
      expect(
        routeShape('round_trip', [{ from: 'TEB', to: 'VNY', date: '2026-12-12' }]),
      ).to.deep.equal({
        type: 'round_trip',
        chains: [['TEB', 'VNY']],
        dates: { first: '2026-12-12', last: null },
      });
      expect(
        routeShape('one_way', [
          { from: 'TEB', to: 'VNY', date: null },
          { from: 'VNY', to: 'SFO', date: '2026-12-14' },
        ]),
      ).to.deep.equal({
        type: 'multi_leg',
        chains: [['TEB', 'VNY', 'SFO']],
        dates: { first: '2026-12-14', last: null },
      });
      expect(routeShape(null, [])).to.deep.equal({ type: 'none', chains: [], dates: null });
    });
  });
});
