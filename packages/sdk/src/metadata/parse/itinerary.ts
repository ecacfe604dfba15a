import { nameKey } from '../text/normalize.js';
import type { AirportToken, CueToken, DateToken, TimeToken, Token } from './tokens.js';

/** A leg as read from the text, before airports are checked and dates placed on the calendar. */
export interface ProtoLeg {
  readonly from: AirportToken | null;
  readonly to: AirportToken | null;
  /** Token index where the text describing this leg starts; -1 for a leg only implied. */
  readonly region: number;
  date: DateToken | null;
  time: TimeToken | null;
}

/** The route read from the tokens: legs in order, plus what did not fit. */
export interface Itinerary {
  readonly legs: ProtoLeg[];
  /** Chains with one airport that no leg uses (`quote for TEB`). */
  readonly loneStops: AirportToken[];
  readonly unassignedDates: DateToken[];
  readonly unassignedTimes: TimeToken[];
  readonly oneWay: CueToken | null;
}

interface Chain {
  stops: AirportToken[];
  readonly regionStart: number;
  /** The chain starts where the previous one ended (`then to VNY`, `back to TEB`). */
  continues: boolean;
}

/**
 * A return word that adds a leg home. A bare one (`TEB to VNY and back, Dec 12`) starts no part
 * of the text of its own: the dates after it still belong to the route before it.
 */
type RouteEvent =
  { kind: 'chain'; chain: Chain } | { kind: 'return'; index: number; bare: boolean };

/** Words that may stand between a return word and what it returns on (`return flight on`). */
const FILLERS = new Set([
  'on',
  'the',
  'flight',
  'leg',
  'trip',
  'is',
  'will',
  'be',
  'by',
  'around',
  'for',
  'and',
  'same',
]);

/** True when both tokens name the same airport (or, unresolved, the same words). */
export function sameStop(a: AirportToken, b: AirportToken): boolean {
  if (a.airport && b.airport) return a.airport === b.airport;
  return nameKey(a.text) === nameKey(b.text);
}

/**
 * Whether a return word adds a return leg: yes when a date, time or airport follows it (after
 * filler words), or when it ends the text or a sentence (`TEB to VNY and back`); no otherwise
 * (`get back to me`).
 */
function returnIsMeant(tokens: readonly Token[], index: number): 'dated' | 'bare' | null {
  for (let at = index + 1; at < tokens.length; at += 1) {
    const token = tokens[at];
    if (!token) break;
    if (token.type === 'word' && FILLERS.has(token.text.toLowerCase())) continue;
    if (token.type === 'date' || token.type === 'time' || token.type === 'airport') return 'dated';
    if (token.type === 'punctuation') return 'bare';
    if (token.type === 'link' && token.link === 'to')
      return tokens[at + 1]?.type === 'airport' ? 'dated' : null;
    return null;
  }
  return 'bare';
}

/** Splits the tokens into route chains and return events, in text order. */
function readEvents(tokens: readonly Token[]): {
  events: RouteEvent[];
  oneWay: CueToken | null;
  roundTrip: boolean;
} {
  const events: RouteEvent[] = [];
  let current: Chain | null = null;
  let expecting: 'to' | 'via' | 'from' | null = null;
  let lastWasStop = false;
  let intro: { index: number; continues: boolean } | null = null;
  let oneWay: CueToken | null = null;
  let roundTrip = false;

  tokens.forEach((token, index) => {
    if (token.type === 'airport') {
      if (current && (expecting !== null || lastWasStop)) {
        const next = tokens[index + 1];
        const viaAtEnd = !(
          next?.type === 'link' &&
          next.link === 'to' &&
          tokens[index + 2]?.type === 'airport'
        );
        if (expecting === 'from') {
          // `ASE from SFO`: the airport after `from` is where the chain starts, so it no
          // longer continues from an earlier stop (`a jet to SBH from TEB`).
          current.stops.unshift(token);
          current.continues = false;
        } else if (expecting === 'via' && current.stops.length >= 2 && viaAtEnd) {
          // `TEB to LAS via DEN`: the stop goes before the destination.
          current.stops.splice(current.stops.length - 1, 0, token);
        } else {
          current.stops.push(token);
        }
      } else {
        current = {
          stops: [token],
          regionStart: intro?.index ?? index,
          continues: intro?.continues ?? false,
        };
        events.push({ kind: 'chain', chain: current });
        intro = null;
      }
      expecting = null;
      lastWasStop = true;
      return;
    }
    if (token.type === 'link') {
      if (token.link === 'to' || token.link === 'via') {
        if (current && lastWasStop) expecting = token.link;
        else if (token.link === 'to' && !token.symbol && tokens[index + 1]?.type === 'airport') {
          current = null;
          intro ??= { index, continues: true };
        }
      } else if (
        token.link === 'from' &&
        current?.stops.length === 1 &&
        lastWasStop &&
        tokens[index + 1]?.type === 'airport'
      ) {
        // A destination named first (`ASE from SFO this Friday`).
        expecting = 'from';
        lastWasStop = false;
        return;
      } else {
        current = null;
        intro = { index, continues: token.link === 'then' };
      }
      lastWasStop = false;
      return;
    }
    if (token.type === 'cue') {
      if (token.cue === 'one_way') oneWay ??= token;
      if (token.cue === 'round_trip') roundTrip = true;
      const meant = token.cue === 'return' ? returnIsMeant(tokens, index) : null;
      if (meant) {
        current = null;
        events.push({ kind: 'return', index, bare: meant === 'bare' });
        intro = { index, continues: true };
      }
    }
    // A sentence's end also ends a pending `then` or `from`.
    if (token.type === 'punctuation' && /[.!?\n]/.test(token.text)) intro = null;
    expecting = null;
    lastWasStop = false;
  });
  return { events, oneWay, roundTrip };
}

/** Builds the legs: chains in order, each continuing from the last stop when it says so. */
function buildLegs(
  events: readonly RouteEvent[],
  roundTrip: boolean,
): { legs: ProtoLeg[]; loneStops: AirportToken[] } {
  const legs: ProtoLeg[] = [];
  const lone: Chain[] = [];
  let firstStop: AirportToken | null = null;
  let lastStop: AirportToken | null = null;
  const leg = (from: AirportToken | null, to: AirportToken | null, region: number): void => {
    legs.push({ from, to, region, date: null, time: null });
  };

  events.forEach((event, position) => {
    if (event.kind === 'return') {
      const next = events[position + 1];
      // `back to TEB` is a chain of its own, starting at the return word.
      if (next?.kind === 'chain' && next.chain.regionStart === event.index) return;
      if (firstStop && lastStop && !sameStop(firstStop, lastStop)) {
        leg(lastStop, firstStop, event.bare ? -1 : event.index);
      }
      if (lastStop) lastStop = firstStop;
      return;
    }
    const { stops, continues, regionStart } = event.chain;
    const head = stops[0];
    if (!head) return;
    // `then VNY to LAS` after `… to VNY` starts where the last chain ended; so does `then to LAS`.
    const sequence: Array<AirportToken | null> =
      continues && !(lastStop && sameStop(lastStop, head)) ? [lastStop, ...stops] : stops;
    if (sequence.length === 1) lone.push(event.chain);
    for (let index = 0; index + 1 < sequence.length; index += 1) {
      leg(sequence[index] ?? null, sequence[index + 1] ?? null, regionStart);
    }
    firstStop ??= sequence[0] ?? head;
    lastStop = stops[stops.length - 1] ?? lastStop;
  });

  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- leg() assigns both; TypeScript does not see assignments in a closure.
  if (roundTrip && firstStop && lastStop && legs.length > 0 && !sameStop(firstStop, lastStop)) {
    leg(lastStop, firstStop, -1);
  }
  // A lone mention of an airport the route uses anyway (`AOG at TEB … TEB-PBI`) is no problem.
  const used = legs
    .flatMap(({ from, to }) => [from, to])
    .filter((stop): stop is AirportToken => stop !== null);
  const loneStops = lone
    .flatMap((chain) => chain.stops)
    .filter((stop) => !used.some((other) => sameStop(other, stop)));
  return { legs, loneStops };
}

/** Maps a token index to the start of the part of the text (region) it belongs to. */
function regionFinder(legs: readonly ProtoLeg[]): (index: number) => number {
  const starts = [...new Set(legs.map((leg) => leg.region).filter((region) => region >= 0))].sort(
    (a, b) => a - b,
  );
  return (index) => {
    let region = starts[0] ?? -1;
    for (const start of starts) if (start <= index) region = start;
    return region;
  };
}

/**
 * Gives each leg the dates written in its part of the text, in order; the end of a range goes
 * to the part's last leg (`NCE → OLB → JMK → NCE, Dec 10-17`). Dates left over go to a
 * following implied return leg (`round trip TEB-VNY Dec 12-15`); a single leg given two dates and
 * no `one way` gets its return leg (`TEB-VNY 12/12 - 12/15`). Anything else is unassigned.
 */
function assignDates(
  legs: ProtoLeg[],
  tokens: readonly Token[],
  oneWay: CueToken | null,
): DateToken[] {
  const regionOf = regionFinder(legs);
  const unassigned: DateToken[] = [];
  const singleLeg = legs.length === 1 ? legs[0] : undefined;
  tokens.forEach((token, index) => {
    if (token.type !== 'date' || legs.length === 0) return;
    const region = regionOf(index);
    const regionLegs = legs.filter((leg) => leg.region === region);
    // The end of a range (`Dec 10-17`) dates the last leg of a longer route, not the second.
    const isRangeEnd =
      token.range && tokens[index - 1]?.type === 'date' && tokens[index - 1]?.start === token.start;
    const open = isRangeEnd
      ? [...regionLegs].reverse().find((leg) => leg.date === null)
      : regionLegs.find((leg) => leg.date === null);
    if (open) {
      open.date = token;
      return;
    }
    const lastInRegion = regionLegs[regionLegs.length - 1];
    const after = lastInRegion ? legs.indexOf(lastInRegion) + 1 : 0;
    const implied = legs.slice(after).find((leg) => leg.region === -1 && leg.date === null);
    if (implied) {
      implied.date = token;
    } else if (singleLeg && legs.length === 1 && !oneWay && singleLeg.from && singleLeg.to) {
      legs.push({ from: singleLeg.to, to: singleLeg.from, region: -1, date: token, time: null });
    } else {
      unassigned.push(token);
    }
  });
  return unassigned;
}

/**
 * Gives each time to the leg of the nearest date before it in the same part of the text (else
 * the nearest date after it, else that part's first leg without a time). Times with a problem
 * carry no value and are not assigned.
 */
function assignTimes(legs: ProtoLeg[], tokens: readonly Token[]): TimeToken[] {
  const regionOf = regionFinder(legs);
  const indexOf = new Map(tokens.map((token, index) => [token, index]));
  const unassigned: TimeToken[] = [];
  tokens.forEach((token, index) => {
    if (token.type !== 'time' || token.time === null || legs.length === 0) return;
    const region = regionOf(index);
    const dated = legs.flatMap((leg) => {
      const at = leg.date ? (indexOf.get(leg.date) ?? -1) : -1;
      return at >= 0 && regionOf(at) === region ? [{ leg, at }] : [];
    });
    const before = dated.filter(({ at }) => at < index).pop();
    const after = dated.find(({ at }) => at > index);
    const target =
      before?.leg ?? after?.leg ?? legs.find((leg) => leg.region === region && leg.time === null);
    if (target && target.time === null) target.time = token;
    else unassigned.push(token);
  });
  return unassigned;
}

/**
 * Reads the route from the tokens: chains of airports joined by `to`, `-`, `→`, `>`, `via`;
 * `then` and `back to` continuing from the last stop; `return`/`back` adding the leg home;
 * `round trip` closing the loop. Then gives dates and times to legs by where they are written.
 */
export function readItinerary(tokens: readonly Token[]): Itinerary {
  const { events, oneWay, roundTrip } = readEvents(tokens);
  const { legs, loneStops } = buildLegs(events, roundTrip);
  const unassignedDates = assignDates(legs, tokens, oneWay);
  const unassignedTimes = assignTimes(legs, tokens);
  return { legs, loneStops, unassignedDates, unassignedTimes, oneWay };
}
