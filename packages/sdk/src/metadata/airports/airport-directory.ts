import { z } from 'zod';
import { AirportCodeSchema } from '../../models/flight-request.js';
import { AIRPORT_ROWS, COUNTRY_ROWS } from './airport-table.generated.js';

/** An airport as a card shows it: codes, name, city and country. */
export const AirportSchema = z.object({
  /** IATA code (`TEB`), or null when the airport has none. */
  iata: z
    .string()
    .regex(/^[A-Z]{3}$/)
    .nullable(),
  /** ICAO code (`KTEB`), or null when the airport has none. */
  icao: z
    .string()
    .regex(/^[A-Z]{4}$/)
    .nullable(),
  name: z.string().min(1),
  /** The city or municipality the airport serves; empty when the dataset has none. */
  city: z.string(),
  /** Country name in English (`United States`). */
  country: z.string(),
  /** ISO 3166-1 alpha-2 country code (`US`). */
  countryCode: z.string().regex(/^[A-Z]{2}$/),
});
/** An airport as a card shows it. */
export type Airport = z.infer<typeof AirportSchema>;

/** An airport plus what only the parser needs (large airports win a tie between names). */
export interface DirectoryAirport extends Airport {
  readonly large: boolean;
}

interface Directory {
  readonly all: readonly DirectoryAirport[];
  readonly byCode: ReadonlyMap<string, DirectoryAirport>;
}

let directory: Directory | null = null;

/** Parses the generated table on first use: a few milliseconds, once per page or process. */
function loadDirectory(): Directory {
  if (directory) return directory;
  const countries = new Map<string, string>();
  for (const line of COUNTRY_ROWS.split('\n')) {
    const [code, name] = line.split('\t');
    if (code && name) countries.set(code, name);
  }
  const all: DirectoryAirport[] = [];
  const byCode = new Map<string, DirectoryAirport>();
  for (const line of AIRPORT_ROWS.split('\n')) {
    const [iata = '', icao = '', name = '', city = '', countryCode = '', size = ''] =
      line.split('\t');
    const airport: DirectoryAirport = Object.freeze({
      iata: iata || null,
      icao: icao || null,
      name,
      city,
      country: countries.get(countryCode) ?? countryCode,
      countryCode,
      large: size === 'L',
    });
    all.push(airport);
    // An ICAO code never collides with an IATA code (4 letters vs 3), so one map holds both.
    if (iata && !byCode.has(iata)) byCode.set(iata, airport);
    if (icao && !byCode.has(icao)) byCode.set(icao, airport);
  }
  directory = { all, byCode };
  return directory;
}

/** Every airport in the table, for building name indexes. */
export function allAirports(): readonly DirectoryAirport[] {
  return loadDirectory().all;
}

/**
 * The airport with this IATA or ICAO code (any case), or null when the table has none.
 * For parser internals; hosts use {@link describeAirport}.
 */
export function findAirport(code: string): DirectoryAirport | null {
  const normalized = code.trim().toUpperCase();
  if (!AirportCodeSchema.safeParse(normalized).success) return null;
  return loadDirectory().byCode.get(normalized) ?? null;
}

/**
 * Describes an airport for a card: `describeAirport('KTEB')` and `describeAirport('teb')` both give
 * `{ iata: 'TEB', icao: 'KTEB', name: 'Teterboro Airport', city: 'Teterboro', country: 'United
 * States', countryCode: 'US' }`. Null for a code the table does not hold (it covers medium and
 * large airports from OurAirports).
 */
export function describeAirport(code: string): Airport | null {
  const airport = findAirport(code);
  if (!airport) return null;
  const { large: _large, ...described } = airport;
  return described;
}

/**
 * True when two codes name the same airport: `sameAirport('TEB', 'KTEB')`. Unknown codes are the
 * same only when they are spelled the same.
 */
export function sameAirport(a: string, b: string): boolean {
  if (a.toUpperCase() === b.toUpperCase()) return true;
  const first = findAirport(a);
  return first !== null && first === findAirport(b);
}

/** The code a leg stores for an airport: its IATA code, or ICAO when asked or when it has none. */
export function airportCode(airport: Airport, style: 'iata' | 'icao'): string {
  if (style === 'icao') return airport.icao ?? airport.iata ?? '';
  return airport.iata ?? airport.icao ?? '';
}
