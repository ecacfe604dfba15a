import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { flightRequestTitle, titleFromMessage, UNTITLED_CHAT } from '../../src/metadata/index.js';

describe('titleFromMessage', () => {
  test('short messages are kept, whitespace collapsed, first letter capitalized', () => {
    assert.equal(
      titleFromMessage('  can you   resend\nthe invoice? '),
      'Can you resend the invoice?',
    );
  });

  test('long messages are cut at a word boundary with an ellipsis, within the limit', () => {
    const message = 'Hi team, can you resend the invoice for the Aspen trip last week please?';
    assert.equal(titleFromMessage(message, 41), 'Can you resend the invoice for the Aspen…');
    // One character less and "Aspen" no longer fits with its ellipsis.
    assert.equal(titleFromMessage(message, 40), 'Can you resend the invoice for the…');
    for (let limit = 2; limit <= 70; limit += 1)
      assert.ok(titleFromMessage(message, limit).length <= limit, `limit ${limit}`);
  });

  test('trailing punctuation before the cut goes', () => {
    assert.equal(
      titleFromMessage('Contract questions: deposit, cancellation, catering and more', 34),
      'Contract questions: deposit…',
    );
  });

  test('a single long word is cut hard', () => {
    assert.equal(titleFromMessage('a'.repeat(80), 20), `A${'a'.repeat(18)}…`);
  });

  test('the default limit is 60', () => {
    const title = titleFromMessage('word '.repeat(40));
    assert.ok(title.length <= 60 && title.endsWith('…'), title);
  });

  test('a greeting alone is kept; with nothing at all, a placeholder', () => {
    assert.equal(titleFromMessage('Hello!'), 'Hello!');
    assert.equal(
      titleFromMessage('Good morning Sarah, quick one on catering'),
      'Quick one on catering',
    );
    assert.equal(titleFromMessage('   '), UNTITLED_CHAT);
  });

  test('a bad limit is a programmer error', () => {
    assert.throws(() => titleFromMessage('x', 1), RangeError);
    assert.throws(() => titleFromMessage('x', 500), RangeError);
  });
});

describe('flightRequestTitle', () => {
  const leg = (from: string, to: string, date: string | null) => ({ from, to, date, time: null });

  test('one way, round trip, multi-leg, disconnected legs', () => {
    assert.equal(
      flightRequestTitle({ legs: [leg('TEB', 'VNY', '2026-12-12')], passengers: 6 }),
      'TEB → VNY · 12 Dec · 6 pax',
    );
    assert.equal(
      flightRequestTitle({
        legs: [leg('TEB', 'VNY', '2026-12-12'), leg('KVNY', 'KTEB', '2026-12-15')],
        passengers: 1,
      }),
      'TEB ⇄ VNY · 12–15 Dec · 1 pax',
    );
    assert.equal(
      flightRequestTitle({
        legs: [
          leg('TEB', 'MIA', '2026-12-28'),
          leg('MIA', 'VNY', null),
          leg('VNY', 'TEB', '2027-01-03'),
        ],
        passengers: null,
      }),
      'TEB → MIA → VNY → TEB · 28 Dec – 3 Jan',
    );
    assert.equal(
      flightRequestTitle({
        legs: [leg('TEB', 'MIA', null), leg('OPF', 'VNY', null)],
        passengers: null,
      }),
      'TEB → MIA, OPF → VNY',
    );
  });

  test('dates years apart carry their years; long chains are shortened', () => {
    assert.equal(
      flightRequestTitle({
        legs: [leg('TEB', 'VNY', '2026-12-12'), leg('VNY', 'TEB', '2028-01-02')],
        passengers: null,
      }),
      'TEB ⇄ VNY · 12 Dec 2026 – 2 Jan 2028',
    );
    const chain = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'].map(
      (letter) => `${letter}${letter}${letter}`,
    );
    const legs = chain.slice(1).map((to, index) => leg(chain[index] ?? '', to, null));
    assert.equal(flightRequestTitle({ legs, passengers: null }), 'AAA → BBB → … → HHH');
  });

  test('without legs', () => {
    assert.equal(flightRequestTitle({ legs: [], passengers: 4 }), 'Flight request · 4 pax');
  });
});
