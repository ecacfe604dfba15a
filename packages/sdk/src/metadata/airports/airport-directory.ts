import * as s from '../../schema/index.js';
import { AirportCodeSchema } from '../../models/flight-request.js';
import {
  AIRPORT_LATITUDES,
  AIRPORT_LONGITUDES,
  AIRPORT_ROWS,
  COUNTRY_ROWS,
} from './airport-table.generated.js';

/** An airport as a card shows it: codes, name, city and country. */
export const AirportSchema = s.object({
  /** IATA code (`TEB`), or null when the airport has none. */
  iata: s.nullable(s.string().check(s.regex(/^[A-Z]{3}$/))),
  /** ICAO code (`KTEB`), or null when the airport has none. */
  icao: s.nullable(s.string().check(s.regex(/^[A-Z]{4}$/))),
  name: s.string().check(s.minLength(1)),
  /** The city or municipality the airport serves; empty when the dataset has none. */
  city: s.string(),
  /** Country name in English (`United States`). */
  country: s.string(),
  /** ISO 3166-1 alpha-2 country code (`US`). */
  countryCode: s.string().check(s.regex(/^[A-Z]{2}$/)),
});
/** An airport as a card shows it. */
export type Airport = s.Infer<typeof AirportSchema>;

/**
 * An airport's kind in OurAirports' terms: `large`, `medium` and `small` airports, `heliport`,
 * `seaplane_base`, `balloonport`. It ranks airports that answer to the same name.
 */
export const AirportSizeSchema = s.enum([
  'large',
  'medium',
  'small',
  'heliport',
  'seaplane_base',
  'balloonport',
]);
/** An airport's kind. */
export type AirportSize = s.Infer<typeof AirportSizeSchema>;

/** An airport as a picker lists it: a card's fields plus its kind and where it is. */
export const AirportEntrySchema = s.extend(AirportSchema, {
  size: AirportSizeSchema,
  /** Degrees north, to about a kilometre (two decimals). */
  latitude: s.number().check(s.gte(-90), s.lte(90)),
  /** Degrees east, to about a kilometre (two decimals). */
  longitude: s.number().check(s.gte(-180), s.lte(180)),
});
/** An airport as a picker lists it. */
export type AirportEntry = s.Infer<typeof AirportEntrySchema>;

const SIZES: Readonly<Record<string, AirportSize>> = {
  L: 'large',
  M: 'medium',
  S: 'small',
  H: 'heliport',
  W: 'seaplane_base',
  B: 'balloonport',
};

/** An airport plus what only the parser needs (large airports win a tie between names). */
export interface DirectoryAirport extends AirportEntry {
  readonly large: boolean;
  /**
   * 0 for large airports, 1 medium, 2 small with an IATA code, 3 the rest: how far a name or a
   * search ranks it (charter flies to small airports, but `Nice` means the big one).
   */
  readonly tier: number;
  /** Codes it is also known by: a second ICAO code, the FAA identifier (`SDL` for SCF). */
  readonly otherCodes: readonly string[];
}

interface Directory {
  readonly all: readonly DirectoryAirport[];
  readonly byCode: ReadonlyMap<string, DirectoryAirport>;
  readonly byOtherCode: ReadonlyMap<string, DirectoryAirport>;
}

let directory: Directory | null = null;

const NO_CODES: readonly string[] = [];

function tierOf(size: AirportSize, iata: string): number {
  if (size === 'large') return 0;
  if (size === 'medium') return 1;
  return iata ? 2 : 3;
}

/** Parses the generated table on first use: tens of milliseconds, once per page or process. */
function loadDirectory(): Directory {
  if (directory) return directory;
  const countries = new Map<string, string>();
  for (const line of COUNTRY_ROWS.split('\n')) {
    const [code, name] = line.split('\t');
    if (code && name) countries.set(code, name);
  }
  const all: DirectoryAirport[] = [];
  const byCode = new Map<string, DirectoryAirport>();
  const byOtherCode = new Map<string, DirectoryAirport>();
  const latitudes = AIRPORT_LATITUDES.split(',');
  const longitudes = AIRPORT_LONGITUDES.split(',');
  let latitude = 0;
  let longitude = 0;
  AIRPORT_ROWS.split('\n').forEach((line, row) => {
    const [
      iata = '',
      icao = '',
      other = '',
      name = '',
      city = '',
      countryCode = '',
      sizeLetter = '',
    ] = line.split('\t');
    // Coordinates are stored as differences from the row before, in hundredths of a degree.
    latitude += Number(latitudes[row] ?? 0);
    longitude += Number(longitudes[row] ?? 0);
    const size = SIZES[sizeLetter] ?? 'small';
    // Not frozen: freezing 21,000 objects doubles the time this loop takes; the type is readonly.
    const airport: DirectoryAirport = {
      iata: iata || null,
      icao: icao || null,
      name,
      city,
      country: countries.get(countryCode) ?? countryCode,
      countryCode,
      size,
      latitude: latitude / 100,
      longitude: longitude / 100,
      large: size === 'large',
      tier: tierOf(size, iata),
      otherCodes: other ? other.split(' ') : NO_CODES,
    };
    all.push(airport);
    // An ICAO code never collides with an IATA code (4 letters vs 3), so one map holds both.
    if (iata && !byCode.has(iata)) byCode.set(iata, airport);
    if (icao && !byCode.has(icao)) byCode.set(icao, airport);
    for (const code of airport.otherCodes)
      if (!byOtherCode.has(code)) byOtherCode.set(code, airport);
  });

  directory = { all, byCode, byOtherCode };
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
  const { byCode, byOtherCode } = loadDirectory();
  // IATA and ICAO codes first; an FAA identifier (`SDL`) only where no airport has it as either.
  return byCode.get(normalized) ?? byOtherCode.get(normalized) ?? null;
}

/**
 * Describes an airport for a card: `describeAirport('KTEB')` and `describeAirport('teb')` both give
 * `{ iata: 'TEB', icao: 'KTEB', name: 'Teterboro Airport', city: 'Teterboro', country: 'United
 * States', countryCode: 'US' }`. Null for a code the table does not hold (it covers every open
 * airport with an IATA or ICAO code in OurAirports, heliports included).
 */
export function describeAirport(code: string): Airport | null {
  const airport = findAirport(code);
  if (!airport) return null;
  const { iata, icao, name, city, country, countryCode } = airport;
  return { iata, icao, name, city, country, countryCode };
}

/** The picker's view of an airport: a card's fields plus kind and coordinates. */
export function airportEntry(airport: DirectoryAirport): AirportEntry {
  const { iata, icao, name, city, country, countryCode, size, latitude, longitude } = airport;
  return { iata, icao, name, city, country, countryCode, size, latitude, longitude };
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
