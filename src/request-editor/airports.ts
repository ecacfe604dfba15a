import type { Airport, AirportEntry } from '@chat-sessions/sdk/metadata';

/** The airport lookups the editor uses, from the SDK's metadata entry (the parser's dataset). */
export interface AirportLookup {
  /** Airports matching what the broker typed: a code, part of a name, a city. */
  search(text: string, limit: number): readonly AirportEntry[];
  /** The airport of a code, or null. */
  describe(code: string): Airport | null;
}

let lookup: Promise<AirportLookup | null> | null = null;

/**
 * Loads the airport dataset the first time an airport field is used: it is large (every
 * airport with an IATA or ICAO code), so it stays out of the eager bundle and out of the
 * editor's own chunk, as quick create's parser does. Null when it can't load (the fields then
 * take codes as typed).
 */
export function loadAirports(): Promise<AirportLookup | null> {
  lookup ??= import('@chat-sessions/sdk/metadata').then(
    (metadata): AirportLookup => ({
      search: (text, limit) => metadata.searchAirports(text, { limit }),
      describe: (code) => metadata.describeAirport(code),
    }),
    () => null,
  );
  return lookup;
}

/** The code a session stores for an airport: IATA when it has one, else ICAO. */
export function airportCode(airport: Pick<Airport, 'iata' | 'icao'>): string {
  return airport.iata ?? airport.icao ?? '';
}
