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
  'fort lauderdale': 'FLL',
  westchester: 'HPN',
  'white plains': 'HPN',
  vineyard: 'MVY',
  'the vineyard': 'MVY',
  'marthas vineyard': 'MVY',
  'martha s vineyard': 'MVY',
  'the hamptons': 'HTO',
  hamptons: 'HTO',
  'east hampton': 'HTO',
  westhampton: 'FOK',
  gabreski: 'FOK',
  nantucket: 'ACK',
  'ack island': 'ACK',
  anguilla: 'AXA',
  tortola: 'EIS',
  'beef island': 'EIS',
  provo: 'PLS',
  providenciales: 'PLS',
  'turks and caicos': 'PLS',
  'turks caicos': 'PLS',
  exuma: 'GGT',
  'great exuma': 'GGT',
  'st tropez': 'LTT',
  'saint tropez': 'LTT',
  'la mole': 'LTT',
  scottsdale: 'SCF',
  boca: 'BCT',
  'boca raton': 'BCT',
  'opa locka': 'OPF',
  'opa-locka': 'OPF',
  'palm beach': 'PBI',
  'west palm': 'PBI',
  'key west': 'EYW',
  'jackson hole': 'JAC',
  telluride: 'TEX',
  vail: 'EGE',
  'eagle vail': 'EGE',
  'st moritz': 'SMV',
  'saint moritz': 'SMV',
  samedan: 'SMV',
  courchevel: 'CVF',
  cannes: 'CEQ',
  mandelieu: 'CEQ',
  'biggin hill': 'BQH',
  'le bourget': 'LBG',
  mustique: 'MQS',
  'harbour island': 'ELH',
  'north eleuthera': 'ELH',
  'virgin gorda': 'VIJ',
  'st thomas': 'STT',
  'st croix': 'STX',
  'st lucia': 'UVF',
  nassau: 'NAS',
  'san juan': 'SJU',
  carlsbad: 'CLD',
  'palm springs': 'PSP',
  thermal: 'TRM',
  'naples fl': 'APF',
  hailey: 'SUN',
  bozeman: 'BZN',
  'big sky': 'BZN',
  montauk: 'MTP',
  'block island': 'BID',
  hyannis: 'HYA',
  oxford: 'OXF',
  olbia: 'OLB',
  sardinia: 'OLB',
  mykonos: 'JMK',
  santorini: 'JTR',
  ibiza: 'IBZ',
  malaga: 'AGP',
  marbella: 'AGP',
  sion: 'SIR',
  lugano: 'LUG',
};

/**
 * Metro areas brokers name as a place: several airports serve each and none is the obvious one
 * for a private flight (`London` may be LHR, but a jet more likely uses LTN, FAB or BQH), so the
 * name always comes back as a choice list, best known first, never as one airport.
 */
const METRO_AREAS: Readonly<Record<string, readonly string[]>> = {
  london: ['LHR', 'LGW', 'LCY', 'LTN', 'STN', 'FAB', 'BQH'],
  'new york': ['JFK', 'LGA', 'EWR', 'TEB', 'HPN'],
  'new york city': ['JFK', 'LGA', 'EWR', 'TEB', 'HPN'],
  nyc: ['JFK', 'LGA', 'EWR', 'TEB', 'HPN'],
  paris: ['CDG', 'ORY', 'LBG'],
  'miami area': ['MIA', 'OPF', 'FLL', 'TMB'],
  'south florida': ['MIA', 'FLL', 'OPF', 'PBI', 'BCT'],
  'los angeles': ['LAX', 'VNY', 'BUR', 'SNA', 'LGB'],
  chicago: ['ORD', 'MDW', 'PWK'],
  washington: ['IAD', 'DCA', 'BWI'],
  'washington dc': ['IAD', 'DCA', 'BWI'],
  houston: ['IAH', 'HOU'],
  dallas: ['DFW', 'DAL', 'ADS'],
  milan: ['MXP', 'LIN', 'BGY'],
  rome: ['FCO', 'CIA'],
  dubai: ['DXB', 'DWC'],
  moscow: ['SVO', 'DME', 'VKO'],
  'san francisco bay area': ['SFO', 'OAK', 'SJC'],
  'bay area': ['SFO', 'OAK', 'SJC'],
};

/** Words that say "airport" without naming one; they are dropped from names to form keys. */
const GENERIC_WORDS = new Set(
  `airport airports international intl regional municipal county executive airfield aerodrome
  airpark jetport field memorial aeropuerto aeroporto aeroport aerodromo internacional
  internazionale flughafen lufthavn luchthaven air force base station naval island heliport
  helipad helistop airstrip strip seaplane`.split(/\s+/),
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

/**
 * An airport a key names. `strong` when the key is its city, its whole name or an alias; weak
 * when only a part of its name (`Manchester-Boston Regional` answers `Boston` weakly: BOS first).
 */
interface NameEntry {
  readonly airport: DirectoryAirport;
  readonly strong: boolean;
}

type NameIndex = ReadonlyMap<string, readonly NameEntry[]>;
let index: NameIndex | null = null;

function usableKey(key: string): boolean {
  if (key.length < 3) return false;
  if (VAGUE_KEYS.has(key) || COMMON_WORDS.has(key)) return false;
  // Counted without splitting: this runs for every key of thousands of airports on first use.
  let words = 1;
  for (let at = key.indexOf(' '); at >= 0; at = key.indexOf(' ', at + 1)) words += 1;
  return words <= MAX_NAME_WORDS;
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

/** The keys one airport answers to (its city, its name, the parts of its name), strong or not. */
function keysOf(airport: DirectoryAirport): Map<string, boolean> {
  const keys = new Map<string, boolean>();
  const addKey = (key: string, strong: boolean): void => {
    if (usableKey(key)) keys.set(key, strong || keys.get(key) === true);
  };
  const add = (raw: string, strong = true): void => {
    const key = nameKey(raw);
    addKey(key, strong);
    const trimmed = withoutGenericWords(key);
    if (trimmed !== key) addKey(trimmed, strong);
  };
  // A strip or hospital helipad without an IATA code is found by its code (and by the picker's
  // search): its city (`Nice`) and name parts belong to the airports brokers mean by them, and
  // leaving the 13,000 of them out keeps building this index quick.
  if (airport.tier >= 3) return keys;
  // `Olbia (SS)`: the province in brackets is no part of the name brokers use.
  const cityName = airport.city.replace(/\([^)]*\)/g, ' ');
  const city = nameKey(cityName);
  add(cityName);
  // `Gustavia / Saint-Jean`: each place on its own.
  if (cityName.includes('/')) for (const part of cityName.split('/')) add(part);
  const name = airport.name.replace(/\(([^)]*)\)/g, ' / $1');
  add(name);
  // `Miami Executive Airport` → `miami executive`: only the trailing kind dropped, so the
  // qualifier that tells it from the city's other airports stays.
  add(name.replace(/\s+(?:international\s+)?(?:airport|airfield|aerodrome|heliport)\s*$/i, ''));
  const parts = name.split(/\s*[-–/]\s*|\s+-\s+/);
  if (parts.length > 1) for (const part of parts) add(part, false);
  // `London Luton` → `luton`, `Paris-Le Bourget` → `le bourget`.
  const nameWords = withoutGenericWords(nameKey(name));
  if (city && nameWords.startsWith(`${city} `)) add(nameWords.slice(city.length + 1), false);
  return keys;
}

function loadIndex(): NameIndex {
  if (index) return index;
  const built = new Map<string, NameEntry[]>();
  for (const airport of allAirports()) {
    for (const [key, strong] of keysOf(airport)) {
      const list = built.get(key);
      if (list) list.push({ airport, strong });
      else built.set(key, [{ airport, strong }]);
    }
  }
  for (const [alias, code] of Object.entries(ALIASES)) {
    const airport = findAirport(code);
    if (airport) built.set(nameKey(alias), [{ airport, strong: true }]);
  }
  for (const [name, codes] of Object.entries(METRO_AREAS)) {
    metroKeys.add(name);
    built.set(
      name,
      codes.flatMap((code) => {
        const airport = findAirport(code);
        return airport ? [{ airport, strong: true }] : [];
      }),
    );
  }
  index = built;
  return index;
}

const metroKeys = new Set<string>();

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
export function matchAirportName(name: string, recent: readonly string[] = []): NameMatch | null {
  const key = nameKey(name);
  const entries = loadIndex().get(key);
  if (!entries || entries.length === 0) return null;
  const candidates = entries.map((entry) => entry.airport);
  if (metroKeys.has(key)) {
    // A metro area is always a choice; the broker's recent airports come first.
    return { airport: null, candidates: byRecent(candidates, recent) };
  }
  if (candidates.length === 1) return { airport: candidates[0] ?? null, candidates };
  const strong = entries.filter((entry) => entry.strong).map((entry) => entry.airport);
  const weak = entries.filter((entry) => !entry.strong).map((entry) => entry.airport);
  const byTier = (list: DirectoryAirport[]) => list.sort((a, b) => a.tier - b.tier);
  const ranked = byRecent([...byTier(strong), ...byTier(weak)], recent);
  // The broker's own recent airport stands out first, then the single large airport among
  // those the name fully names (its city or whole name), else among all.
  const usual = ranked.filter((airport) => isRecent(airport, recent));
  if (usual.length === 1) return { airport: usual[0] ?? null, candidates: ranked };
  const pool = strong.length > 0 ? strong : weak;
  const large = pool.filter((airport) => airport.large);
  if (large.length === 1) return { airport: large[0] ?? null, candidates: ranked };
  // A single strong match among weak ones (`Aspen` the city, not `Aspen Valley Ranch`).
  if (strong.length === 1) return { airport: strong[0] ?? null, candidates: ranked };
  return { airport: null, candidates: ranked };
}

function isRecent(airport: DirectoryAirport, recent: readonly string[]): boolean {
  return recent.some((code) => findAirport(code) === airport);
}

/** Airports the broker used recently first (in their order), the rest as they were. */
function byRecent(
  airports: readonly DirectoryAirport[],
  recent: readonly string[],
): DirectoryAirport[] {
  if (recent.length === 0) return [...airports];
  const rank = (airport: DirectoryAirport): number => {
    const at = recent.findIndex((code) => findAirport(code) === airport);
    return at < 0 ? recent.length : at;
  };
  return [...airports].sort((a, b) => rank(a) - rank(b));
}

/** True when the name is a metro area that always comes back as a choice (`London`). */
export function isMetroArea(name: string): boolean {
  loadIndex();
  return metroKeys.has(nameKey(name));
}

/** The aliases, for the test that checks each one points at a real airport. */
export function airportAliases(): Readonly<Record<string, string>> {
  return ALIASES;
}

/** The metro areas, for the test that checks each of their codes is in the table. */
export function metroAreas(): Readonly<Record<string, readonly string[]>> {
  return METRO_AREAS;
}
