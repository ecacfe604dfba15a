import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { findAirport } from '../../src/metadata/airports/airport-directory.js';
import { BROKER_PHRASINGS } from './broker-phrasings.data.js';
import { CHARTER_PHRASINGS } from './charter-phrasings.data.js';
import { checkPhrasing } from './phrasing-check.js';

describe('charter phrasings corpus', () => {
  for (const phrasing of CHARTER_PHRASINGS) {
    test(JSON.stringify(phrasing.text), () => {
      const draft = checkPhrasing(phrasing);
      assert.deepEqual(
        (draft.ambiguities ?? []).map((ambiguity) =>
          ambiguity.choices.map((choice) => choice.value),
        ),
        phrasing.choices ?? [],
        'the choices reported',
      );
    });
  }
});

/** Countries counted as the Caribbean and as Europe for the coverage check. */
const CARIBBEAN = new Set(
  'AG AI AW BB BL BQ BS CU CW DM DO GD GP HT JM KN KY LC MF MQ MS PR SX TC TT VC VG VI'.split(' '),
);
const EUROPE = new Set(
  'AT BE CH CZ DE DK ES FI FR GB GR HR IE IS IT LU MC MT NL NO PL PT SE'.split(' '),
);

describe('what the two corpora cover together', () => {
  const all = [...BROKER_PHRASINGS, ...CHARTER_PHRASINGS];
  test('at least 200 phrasings, general chats among them', () => {
    assert.ok(all.length >= 200, `${all.length} phrasings`);
    assert.ok(all.filter((phrasing) => phrasing.kind === 'general').length >= 12);
  });

  test('at least 25 distinct small charter airports, in the US, Europe and the Caribbean', () => {
    const small = new Map<string, string>();
    for (const phrasing of CHARTER_PHRASINGS) {
      for (const [from, to] of phrasing.legs) {
        for (const code of [from, to]) {
          const airport = findAirport(code);
          if (airport && airport.size !== 'large')
            small.set(airport.icao ?? code, airport.countryCode);
        }
      }
    }
    const countries = [...small.values()];
    assert.ok(small.size >= 25, `${small.size} small airports`);
    assert.ok(countries.filter((country) => country === 'US').length >= 10);
    assert.ok(countries.filter((country) => EUROPE.has(country)).length >= 5);
    assert.ok(countries.filter((country) => CARIBBEAN.has(country)).length >= 5);
  });
});
