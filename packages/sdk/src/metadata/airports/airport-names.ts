import { COMMON_WORDS } from '../text/common-words.js';
import { nameKey } from '../text/normalize.js';
import { allAirports, findAirport, type DirectoryAirport } from './airport-directory.js';

/**
 * Names brokers use that the dataset spells differently. Each must point at an airport in the
 * table (a test checks); add one only when the usual name is unambiguous.
 */
const ALIASES: Readonly<Record<string, string>> = {
  vegas: 'LAS',
  'st barths': 'SBH',
  'st barts': 'SBH',
  'st barth': 'SBH',
  'saint barth': 'SBH',
  'saint barths': 'SBH',
  'st barthelemy': 'SBH',
  cabo: 'SJD',
  'cabo san lucas': 'SJD',
  'los cabos': 'SJD',
  hanscom: 'BED',
  laguardia: 'LGA',
  'sun valley': 'SUN',
  'st maarten': 'SXM',
  'sint maarten': 'SXM',
  'ft lauderdale': 'FLL',
  westchester: 'HPN',
};

/** Words that say "airport" without naming one; they are dropped from names to form keys. */
const GENERIC_WORDS = new Set(
  `airport airports international intl regional municipal county executive airfield aerodrome
  airpark jetport field memorial aeropuerto aeroporto aeroport aerodromo internacional
  internazionale flughafen lufthavn luchthaven air force base station naval island`.split(/\s+/),
);

/** Articles and prepositions that may open a name once generic words are gone (`de Los Cabos`). */
const LEADING_WORDS = new Set('de del da do di du des la le les el of the'.split(' '));

/** Keys too vague to name an airport on their own. */
const VAGUE_KEYS = new Set(
  `city east west north south central new great saint st san santa port lake bay island islands
  valley mount fort upper lower big little grand old national metropolitan metro international
  county regional field air base point de la le los las el`.split(/\s+/),
);

/** Longest airport name, in words, that the parser looks for. */
export const MAX_NAME_WORDS = 5;

type NameIndex = ReadonlyMap<string, readonly DirectoryAirport[]>;
let index: NameIndex | null = null;

function usableKey(key: string): boolean {
  if (key.length < 3) return false;
  if (VAGUE_KEYS.has(key) || COMMON_WORDS.has(key)) return false;
  return key.split(' ').length <= MAX_NAME_WORDS;
}

/**
 * `aspen pitkin county airport` → `aspen pitkin`: drops generic words wherever they are, then
 * articles left at the start (`aeropuerto internacional de los cabos` → `los cabos`).
 */
function withoutGenericWords(key: string): string {
  const words = key.split(' ').filter((word) => !GENERIC_WORDS.has(word));
  while (words.length > 1 && LEADING_WORDS.has(words[0] ?? '')) words.shift();
  return words.join(' ');
}

/** The keys one airport answers to: its city, its name and the parts of its name. */
function keysOf(airport: DirectoryAirport): Set<string> {
  const keys = new Set<string>();
  const add = (raw: string): void => {
    const key = nameKey(raw);
    if (usableKey(key)) keys.add(key);
    const trimmed = withoutGenericWords(key);
    if (usableKey(trimmed)) keys.add(trimmed);
  };
  // `Olbia (SS)`: the province in brackets is no part of the name brokers use.
  const cityName = airport.city.replace(/\([^)]*\)/g, ' ');
  const city = nameKey(cityName);
  add(cityName);
  // `Gustavia / Saint-Jean`: each place on its own.
  for (const part of cityName.split('/')) add(part);
  const name = airport.name.replace(/\(([^)]*)\)/g, ' / $1');
  add(name);
  for (const part of name.split(/\s*[-–/]\s*|\s+-\s+/)) add(part);
  // `London Luton` → `luton`, `Paris-Le Bourget` → `le bourget`.
  const nameWords = withoutGenericWords(nameKey(name));
  if (city && nameWords.startsWith(`${city} `)) add(nameWords.slice(city.length + 1));
  return keys;
}

function loadIndex(): NameIndex {
  if (index) return index;
  const built = new Map<string, DirectoryAirport[]>();
  for (const airport of allAirports()) {
    for (const key of keysOf(airport)) {
      const list = built.get(key);
      if (list) list.push(airport);
      else built.set(key, [airport]);
    }
  }
  for (const [alias, code] of Object.entries(ALIASES)) {
    const airport = findAirport(code);
    if (airport) built.set(alias, [airport]);
  }
  index = built;
  return index;
}

/** What a name matched: one airport, or several (`London`), best first. */
export interface NameMatch {
  /** The airport the name names, or null when it names several and none stands out. */
  readonly airport: DirectoryAirport | null;
  /** Every airport the name may mean (more than one when the name is ambiguous). */
  readonly candidates: readonly DirectoryAirport[];
}

/**
 * Looks a name up (`Teterboro`, `london luton`, `Côte d'Azur`). When several airports answer,
 * the single large airport among them stands out (`Las Vegas` → LAS, with the others kept as
 * candidates so the caller reports the ambiguity); otherwise none does (`London`).
 */
export function matchAirportName(name: string): NameMatch | null {
  const candidates = loadIndex().get(nameKey(name));
  if (!candidates || candidates.length === 0) return null;
  if (candidates.length === 1) return { airport: candidates[0] ?? null, candidates };
  const large = candidates.filter((airport) => airport.large);
  const ranked = [...large, ...candidates.filter((airport) => !airport.large)];
  return { airport: large.length === 1 ? (large[0] ?? null) : null, candidates: ranked };
}

/** The aliases, for the test that checks each one points at a real airport. */
export function airportAliases(): Readonly<Record<string, string>> {
  return ALIASES;
}
