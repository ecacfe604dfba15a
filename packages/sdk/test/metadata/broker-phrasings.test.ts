import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  describeAirport,
  FlightRequestDraftSchema,
  parseFlightRequest,
} from '../../src/metadata/index.js';
import { BROKER_PHRASINGS, DEFAULT_REFERENCE } from './broker-phrasings.data.js';

describe('broker phrasings corpus', () => {
  for (const phrasing of BROKER_PHRASINGS) {
    test(JSON.stringify(phrasing.text), () => {
      const draft = parseFlightRequest(phrasing.text, phrasing.reference ?? DEFAULT_REFERENCE);
      assert.equal(
        FlightRequestDraftSchema.safeParse(draft).success,
        true,
        'the draft passes its schema',
      );
      assert.deepEqual(
        {
          kind: draft.kind,
          tripType: draft.tripType,
          legs: draft.legs,
          passengers: draft.passengers,
          issues: draft.issues.map((issue) => issue.code),
          title: draft.title,
        },
        {
          kind: phrasing.kind,
          tripType: phrasing.tripType,
          legs: phrasing.legs.map(([from, to, date, time]) => ({ from, to, date, time })),
          passengers: phrasing.passengers,
          issues: phrasing.issues,
          title: phrasing.title,
        },
      );
      if (phrasing.cities) {
        const stops =
          draft.legs.length > 0
            ? [draft.legs[0]?.from ?? '', ...draft.legs.map((leg) => leg.to)]
            : [];
        assert.deepEqual(
          stops.map((code) => describeAirport(code)?.city ?? null),
          phrasing.cities,
        );
      }
      for (const issue of draft.issues) {
        assert.ok(issue.message.length > 0);
        if (issue.text !== null)
          assert.ok(phrasing.text.includes(issue.text), `${issue.text} is quoted from the text`);
      }
      if (draft.kind === 'general') assert.deepEqual(draft.issues, []);
      if (draft.issues.length > 0) assert.notEqual(draft.confidence, 'high');
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
