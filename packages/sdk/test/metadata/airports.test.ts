import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { findAirport } from '../../src/metadata/airports/airport-directory.js';
import { airportAliases, matchAirportName } from '../../src/metadata/airports/airport-names.js';
import {
  codesOf,
  generateAirportTableModule,
  readSourceAirports,
  SOURCE_PACKAGE,
} from '../../src/metadata/airports/generate-airport-table.js';
import {
  AIRPORT_DATASET,
  describeAirport,
  sameAirport,
  searchAirports,
} from '../../src/metadata/index.js';

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

  test('the committed table is what the generator makes from the installed source package', async () => {
    const committed = readFileSync(
      fileURLToPath(
        new URL('../../src/metadata/airports/airport-table.generated.ts', import.meta.url),
      ),
      'utf8',
    );
    assert.equal(
      committed,
      await generateAirportTableModule(),
      'run the generator and commit its output',
    );
    assert.equal(AIRPORT_DATASET.package, SOURCE_PACKAGE);
    assert.ok(AIRPORT_DATASET.airportCount > 20_000);
  });
});

describe('the airport table against its source', () => {
  test('holds every IATA code and every ICAO code of an open airport OurAirports lists', async () => {
    const source = await readSourceAirports();
    const open = source.airports.filter((airport) => airport.type !== 'closed');
    const iata = new Set(open.flatMap((airport) => codesOf(airport).iata || []));
    const icao = new Set(open.flatMap((airport) => codesOf(airport).icao || []));
    assert.ok(iata.size > 8000, `${iata.size} IATA codes in the source`);
    assert.equal(AIRPORT_DATASET.iataCount, iata.size);
    const missing = [...iata, ...icao].filter((code) => findAirport(code) === null);
    assert.deepEqual(missing, [], 'every code is found');
    // Codes a broker writes for charter airports the old table lacked.
    for (const [code, iataCode] of [
      ['MVY', 'MVY'],
      ['KSDL', 'SCF'],
      ['SDL', 'SDL'],
      ['BCT', 'BCT'],
      ['KJPX', 'HTO'],
      ['JPX', 'HTO'],
    ] as const) {
      assert.equal(findAirport(code)?.iata, iataCode, code);
    }
  });

  test('a picker finds every IATA airport by its code, its name and its city', async () => {
    const source = await readSourceAirports();
    const withIata = source.airports.filter(
      (airport) => airport.type !== 'closed' && codesOf(airport).iata,
    );
    const byCode = withIata.filter(
      (airport) =>
        searchAirports(codesOf(airport).iata, { limit: 1 })[0]?.iata !== codesOf(airport).iata,
    );
    assert.deepEqual(
      byCode.map((airport) => airport.iata),
      [],
    );
    // Names and cities: a sample across the table (every 40th), found among the first 50.
    const sample = withIata.filter((_, index) => index % 40 === 0);
    for (const airport of sample) {
      const code = codesOf(airport).iata;
      const byName = searchAirports(airport.name, { limit: 50 }).map((found) => found.iata);
      assert.ok(byName.includes(code), `${airport.name} finds ${code}`);
      const city =
        (airport.city ?? '')
          .split(',')[0]
          ?.replace(/\([^)]*\)/g, '')
          .trim() ?? '';
      if (city.length >= 3) {
        const byCity = searchAirports(city, { limit: 50 }).map((found) => found.iata);
        assert.ok(byCity.includes(code), `${city} finds ${code}`);
      }
    }
  });
});

describe('airport search for a picker', () => {
  test('exact codes first, then names brokers use, then names and cities', () => {
    assert.equal(searchAirports('teb')[0]?.iata, 'TEB');
    assert.equal(searchAirports('KTEB')[0]?.iata, 'TEB');
    assert.equal(searchAirports('the Vineyard')[0]?.iata, 'MVY');
    assert.equal(searchAirports('St Barths')[0]?.iata, 'SBH');
    assert.equal(searchAirports('cabo')[0]?.iata, 'SJD');
    assert.equal(searchAirports('Teterboro')[0]?.iata, 'TEB');
    assert.equal(searchAirports('scottsd')[0]?.iata, 'SCF');
    const entry = searchAirports('MVY')[0];
    assert.equal(entry?.size, 'small');
    assert.ok(Math.abs((entry?.latitude ?? 0) - 41.39) < 0.02);
    assert.ok(Math.abs((entry?.longitude ?? 0) + 70.61) < 0.02);
  });

  test('a metro area lists its airports; recent airports rank first', () => {
    const london = searchAirports('London').map((airport) => airport.iata);
    for (const code of ['LHR', 'LGW', 'LCY', 'LTN', 'STN']) assert.ok(london.includes(code), code);
    assert.equal(searchAirports('London', { recent: ['FAB'] })[0]?.iata, 'FAB');
    assert.equal(searchAirports('Naples')[0]?.iata, 'NAP');
    assert.equal(searchAirports('Naples', { recent: ['APF'] })[0]?.iata, 'APF');
  });

  test('nothing for blank or unknown text; bad options throw', () => {
    assert.deepEqual(searchAirports('  '), []);
    assert.deepEqual(searchAirports('qqqxz'), []);
    assert.throws(() => searchAirports('x', { limit: 0 }));
  });
});
