import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { BROKER_PHRASINGS } from './broker-phrasings.data.js';
import { checkPhrasing } from './phrasing-check.js';

describe('broker phrasings corpus', () => {
  for (const phrasing of BROKER_PHRASINGS) {
    test(JSON.stringify(phrasing.text), () => {
      checkPhrasing(phrasing);
    });
  }
});

describe('what the corpus covers', () => {
  const flights = BROKER_PHRASINGS.filter((phrasing) => phrasing.kind === 'flight_request');
  test('at least 80 phrasings', () => {
    assert.ok(BROKER_PHRASINGS.length >= 80, `${BROKER_PHRASINGS.length} phrasings`);
  });
  test('every separator between codes', () => {
    for (const separator of ['-', '–', '—', '→', '->', '=>', '>', ' to ', '/']) {
      assert.ok(
        flights.some((phrasing) =>
          new RegExp(`[A-Z]{3,4}\\s*${separator.replace(/[/>-]/g, '\\$&')}\\s*[A-Z]{3,4}`).test(
            phrasing.text,
          ),
        ),
        `a phrasing joins codes with ${JSON.stringify(separator)}`,
      );
    }
  });
  test('names, ICAO codes, year-end dates, multi-leg routes, invalid input and general chats', () => {
    assert.ok(flights.filter((phrasing) => phrasing.cities).length >= 8);
    assert.ok(flights.some((phrasing) => phrasing.legs.some(([from]) => from.length === 4)));
    assert.ok(
      flights.filter((phrasing) => phrasing.legs.some(([, , date]) => date?.startsWith('2027-01')))
        .length >= 6,
    );
    assert.ok(flights.filter((phrasing) => phrasing.tripType === 'multi_leg').length >= 8);
    assert.ok(flights.filter((phrasing) => phrasing.issues.length > 0).length >= 20);
    assert.ok(BROKER_PHRASINGS.filter((phrasing) => phrasing.kind === 'general').length >= 6);
  });
});
