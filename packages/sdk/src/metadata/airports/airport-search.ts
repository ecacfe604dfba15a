import * as s from '../../schema/index.js';
import { nameKey } from '../text/normalize.js';
import {
  airportEntry,
  allAirports,
  findAirport,
  type AirportEntry,
  type DirectoryAirport,
} from './airport-directory.js';
import { matchAirportName } from './airport-names.js';

/**
 * Options of {@link searchAirports}: at most `limit` answers (default 8, at most 50), and the
 * broker's `recent` airport codes, which rank first among equally good matches.
 */
export const AirportSearchOptionsSchema = s.object({
  limit: s.optional(s.number().check(s.int(), s.gte(1), s.lte(50))),
  recent: s.optional(s.array(s.string().check(s.maxLength(4))).check(s.maxLength(50))),
});
/** Options of {@link searchAirports}. */
export type AirportSearchOptions = s.Input<typeof AirportSearchOptionsSchema>;

/** One searchable airport: its folded name and city, computed once. */
interface SearchRow {
  readonly airport: DirectoryAirport;
  /** ` name words | city words ` folded, with spaces at both ends so ` word` finds word starts. */
  readonly haystack: string;
  readonly name: string;
  readonly city: string;
}

/** Rows by the first two letters of each word of their name and city. */
let buckets: ReadonlyMap<string, readonly SearchRow[]> | null = null;

/** Builds the word-start buckets once (a few tens of milliseconds), so a query reads one. */
function searchBuckets(): ReadonlyMap<string, readonly SearchRow[]> {
  if (buckets) return buckets;
  const built = new Map<string, SearchRow[]>();
  for (const airport of allAirports()) {
    const name = nameKey(airport.name);
    const city = nameKey(airport.city);
    const row: SearchRow = { airport, haystack: ` ${name} | ${city} `, name, city };
    const starts = new Set(`${name} ${city}`.split(' ').map((word) => word.slice(0, 2)));
    for (const start of starts) {
      if (start.length < 2) continue;
      const bucket = built.get(start);
      if (bucket) bucket.push(row);
      else built.set(start, [row]);
    }
  }
  buckets = built;
  return buckets;
}

/** How well one airport matches the query; lower is better, null for no match. */
function matchRank(row: SearchRow, query: string): number | null {
  if (row.city === query || row.name === query) return 1;
  if (row.city.startsWith(query) || row.name.startsWith(query)) return 2;
  if (row.haystack.includes(` ${query}`)) return 3;
  return null;
}

/**
 * The airports a picker offers for what the broker has typed so far, best first: an exact IATA,
 * ICAO or FAA code; then a name brokers use (`the Vineyard`, `St Barths`, a metro area's
 * airports); then names and cities that equal, start with, or contain a word starting with the
 * query. Ties go to the broker's recent airports, then to larger airports. Case and accents are
 * ignored. Runs in the caller's process over the lazily loaded table (a few milliseconds).
 *
 * @example
 * searchAirports('vineyard')[0]?.iata; // 'MVY'
 * searchAirports('london', { recent: ['FAB'] }).map((a) => a.iata); // ['FAB', 'LHR', 'LGW', …]
 */
export function searchAirports(text: string, options: AirportSearchOptions = {}): AirportEntry[] {
  const { limit = 8, recent = [] } = AirportSearchOptionsSchema.parse(options);
  const query = nameKey(text);
  if (!query) return [];
  const ranked = new Map<DirectoryAirport, number>();
  const offer = (airport: DirectoryAirport | null, rank: number): void => {
    if (!airport) return;
    const known = ranked.get(airport);
    if (known === undefined || rank < known) ranked.set(airport, rank);
  };
  if (/^[a-z0-9]{3,4}$/.test(query)) offer(findAirport(query), 0);
  for (const airport of matchAirportName(text, recent)?.candidates ?? []) offer(airport, 0.5);
  if (query.length >= 2) {
    for (const row of searchBuckets().get(query.slice(0, 2)) ?? []) {
      const rank = matchRank(row, query);
      if (rank !== null) offer(row.airport, rank);
    }
  }
  const recentAirports = new Set(recent.map((code) => findAirport(code)));
  const score = (airport: DirectoryAirport): number =>
    (ranked.get(airport) ?? 9) * 10 + (recentAirports.has(airport) ? 0 : 5) + airport.tier;
  return [...ranked.keys()]
    .sort((a, b) => score(a) - score(b) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .slice(0, limit)
    .map(airportEntry);
}
