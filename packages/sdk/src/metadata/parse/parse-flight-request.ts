import { MAX_LEGS, type FlightLeg, type TripType } from '../../models/flight-request.js';
import { airportCode } from '../airports/airport-directory.js';
import { assessConfidence } from '../confidence.js';
import {
  FlightRequestDraftSchema,
  MAX_TEXT_LENGTH,
  type FlightRequestDraft,
  type MetadataIssue,
  type ParseOptions,
} from '../schemas.js';
import { flightRequestTitle, titleFromMessage } from '../titles.js';
import { airportChoices, type PlacedAmbiguity } from './ambiguities.js';
import { markAirports } from './airport-mentions.js';
import { applyCorrections } from './corrections.js';
import { recognizeDates } from './date-mentions.js';
import { readItinerary, sameStop, type ProtoLeg } from './itinerary.js';
import { passengerCount } from './passenger-count.js';
import { recognizePassengers } from './passenger-mentions.js';
import { parseSettings } from './reference-day.js';
import { resolveDate } from './resolve-dates.js';
import { recognizeTimes } from './time-mentions.js';
import { dateLabel } from './ambiguities.js';
import { tokenizeFreeText } from './tokenize.js';
import { Claims, type AirportToken, type Token } from './tokens.js';
import { recognizeTripCues } from './trip-cues.js';

/** Words that make dates or times about a flight rather than, say, a call. */
const FLIGHT_WORDS =
  /\b(?:jets?|charter|flights?|fly|flying|aircraft|planes?|turboprop|empty\s+legs?|quotes?|itinerary|legs?|wheels\s+up|departure|depart|departing)\b/i;

/** An issue with where its text starts, so issues come back in reading order. */
interface PlacedIssue {
  readonly at: number;
  readonly issue: MetadataIssue;
}

function placed(at: number, issue: MetadataIssue): PlacedIssue {
  return { at, issue };
}

function airportIssue(token: AirportToken): PlacedIssue | null {
  const text = token.text;
  const codes = token.candidates.map((airport) => airport.iata ?? airport.icao ?? '').join(', ');
  switch (token.status) {
    case 'unknown':
      return placed(token.start, {
        code: 'unknown_airport',
        message: `${text} is not an airport the parser knows; give its IATA or ICAO code.`,
        text,
      });
    case 'ambiguous':
      return placed(token.start, {
        code: 'ambiguous_airport',
        message: `${text} could be any of ${codes}; name the airport.`,
        text,
      });
    case 'assumed': {
      const chosen = token.airport;
      const others = token.candidates.filter((airport) => airport !== chosen);
      return placed(token.start, {
        code: 'assumed_airport',
        message: `${text} read as ${chosen?.iata ?? chosen?.icao} (${chosen?.name}); it could also be ${others
          .map((airport) => airport.iata ?? airport.icao)
          .join(', ')}.`,
        text,
      });
    }
    case 'resolved':
      return null;
  }
}

/** The trip type the legs' shape shows, before unusable legs are dropped. */
function tripTypeOf(legs: readonly ProtoLeg[]): TripType | null {
  const [first, second] = legs;
  if (!first) return null;
  if (!second) return 'one_way';
  if (
    legs.length === 2 &&
    first.from &&
    first.to &&
    second.from &&
    second.to &&
    sameStop(first.to, second.from) &&
    sameStop(second.to, first.from)
  ) {
    return 'round_trip';
  }
  return 'multi_leg';
}

/** Every token the text holds, in reading order. */
function tokenize(text: string, settings: ReturnType<typeof parseSettings>): Token[] {
  const claims = new Claims(text);
  const recognized: Token[] = [
    ...recognizeDates(claims, settings.numericDateOrder, settings.numericDateOrderWasSet),
    ...recognizePassengers(claims),
    ...recognizeTimes(claims),
    ...recognizeTripCues(claims),
  ];
  const tokens = [...recognized, ...tokenizeFreeText(claims)].sort((a, b) => a.start - b.start);
  return applyCorrections(markAirports(text, tokens, settings.recentAirports));
}

/**
 * Reads a flight request (or recognizes a general chat) from a broker's free text, with rules
 * only: no network, same answer in a browser and in Node. Airports are IATA or ICAO codes or
 * names from the bundled OurAirports table; dates are read relative to `referenceDate` in
 * `timeZone`. Whatever it cannot read, or will not accept (0 passengers, a return before the
 * departure), is left empty and listed in `issues`; nothing is guessed. Text past
 * `MAX_TEXT_LENGTH` characters is ignored.
 *
 * @example
 * parseFlightRequest('TEB to VNY Dec 12 6 pax, back on the 15th', {
 *   referenceDate: '2026-12-01',
 *   timeZone: 'America/New_York',
 * });
 * // → { kind: 'flight_request', title: 'TEB ⇄ VNY · 12–15 Dec · 6 pax', tripType: 'round_trip',
 * //     legs: [{ from: 'TEB', to: 'VNY', date: '2026-12-12', time: null },
 * //            { from: 'VNY', to: 'TEB', date: '2026-12-15', time: null }],
 * //     passengers: 6, issues: [], confidence: 'high' }
 */
export function parseFlightRequest(text: string, options: ParseOptions = {}): FlightRequestDraft {
  if (typeof text !== 'string') throw new TypeError('parseFlightRequest: text must be a string');
  const settings = parseSettings(options);
  const input = text.slice(0, MAX_TEXT_LENGTH);
  const tokens = tokenize(input, settings);

  const airports = tokens.filter((token): token is AirportToken => token.type === 'airport');
  const passengerTokens = tokens.filter((token) => token.type === 'passengers');
  const shapeCue = tokens.some((token) => token.type === 'cue' && token.cue !== 'return');
  const timed = tokens.some(
    (token) => token.type === 'date' || (token.type === 'time' && token.time !== null),
  );
  const itinerary = readItinerary(tokens);
  const flightWords = FLIGHT_WORDS.test(input);
  // An airport on its own (`Is BOS fine?`) makes a flight request only with a date or a flight
  // word beside it; a route, passengers or a trip-shape word always do.
  const isFlight =
    itinerary.legs.length > 0 ||
    passengerTokens.length > 0 ||
    shapeCue ||
    (timed && flightWords) ||
    (airports.length > 0 && (timed || flightWords));
  if (!isFlight) {
    return FlightRequestDraftSchema.parse({
      kind: 'general',
      title: titleFromMessage(input),
      tripType: null,
      legs: [],
      passengers: null,
      issues: [],
      confidence: 'high',
    });
  }

  const issues: PlacedIssue[] = [];
  const ambiguities: PlacedAmbiguity[] = [];
  for (const airport of airports) {
    const problem = airportIssue(airport);
    if (problem) issues.push(problem);
  }
  for (const stop of itinerary.loneStops) {
    issues.push(
      placed(stop.start, {
        code: 'incomplete_route',
        message: `${stop.text} has no other airport to make a leg with.`,
        text: stop.text,
      }),
    );
  }
  if (airports.length === 0) {
    issues.push(
      placed(-1, { code: 'missing_route', message: 'No airports found in the text.', text: null }),
    );
  }

  const written = airports.filter(
    (airport) => airport.writtenAs !== 'name' && airport.status !== 'unknown',
  );
  const style =
    written.length > 0 && written.every((airport) => airport.writtenAs === 'icao')
      ? 'icao'
      : 'iata';
  const legs: FlightLeg[] = [];
  let previous: string | null = null;
  for (const proto of itinerary.legs) {
    let date: string | null = null;
    let dateChoices: readonly string[] = [];
    if (proto.date) {
      const resolved = resolveDate(proto.date, settings.today, previous);
      issues.push(...resolved.issues.map((issue) => placed(proto.date?.start ?? 0, issue)));
      date = resolved.date;
      dateChoices = resolved.choices ?? [];
      if (date && previous && date < previous) {
        issues.push(
          placed(proto.date.start, {
            code: 'return_before_departure',
            message: `${proto.date.text.trim()} (${date}) is before the previous leg's date (${previous}).`,
            text: proto.date.text.trim(),
          }),
        );
        date = null;
      }
    }
    if (date) previous = date;
    const { from, to } = proto;
    if (!from || !to) {
      const known = from ?? to;
      issues.push(
        placed(known?.start ?? 0, {
          code: 'incomplete_route',
          message: from
            ? `No destination after ${from.text}.`
            : `No departure airport before ${to?.text}.`,
          text: known?.text ?? null,
        }),
      );
      continue;
    }
    const time = proto.time?.time ?? null;
    const position = legs.length;
    const codeOf = (stop: AirportToken): string | null =>
      stop.airport && stop.status !== 'ambiguous' ? airportCode(stop.airport, style) : null;
    const understood = { from: codeOf(from), to: codeOf(to), date, time };
    // Choices for every end with several readings, whether or not the leg can be kept.
    for (const [stop, field] of [
      [from, 'from'],
      [to, 'to'],
    ] as const) {
      const choices = airportChoices(stop, style);
      if (choices.length < 2) continue;
      ambiguities.push({
        at: stop.start,
        ambiguity: {
          kind: 'airport',
          text: stop.text,
          position,
          field,
          leg: understood,
          chosen: codeOf(stop),
          choices,
        },
      });
    }
    if (dateChoices.length >= 2 && proto.date) {
      ambiguities.push({
        at: proto.date.start,
        ambiguity: {
          kind: 'date',
          text: proto.date.text.trim(),
          position,
          field: 'date',
          leg: understood,
          chosen: null,
          choices: dateChoices.map((value) => ({ value, label: dateLabel(value) })),
        },
      });
    }
    if (!from.airport || !to.airport || from.status === 'ambiguous' || to.status === 'ambiguous')
      continue;
    if (sameStop(from, to)) {
      issues.push(
        placed(to.start, {
          code: 'same_airport',
          message: `${from.text} to ${to.text} goes nowhere.`,
          text: input.slice(from.start, to.end),
        }),
      );
      continue;
    }
    legs.push({
      from: airportCode(from.airport, style),
      to: airportCode(to.airport, style),
      date,
      time,
    });
  }
  if (legs.length > MAX_LEGS) {
    issues.push(
      placed(input.length, {
        code: 'too_many_legs',
        message: `Only the first ${MAX_LEGS} legs were kept.`,
        text: null,
      }),
    );
    legs.length = MAX_LEGS;
  }

  if (legs.length > 0 || itinerary.legs.length > 0) {
    for (const token of itinerary.unassignedDates) {
      issues.push(
        placed(token.start, {
          code: 'unassigned_date',
          message: `${token.text.trim()} fits no leg.`,
          text: token.text.trim(),
        }),
      );
    }
    for (const token of itinerary.unassignedTimes) {
      issues.push(
        placed(token.start, {
          code: 'unassigned_time',
          message: `${token.text.trim()} fits no leg.`,
          text: token.text.trim(),
        }),
      );
    }
  }
  for (const token of tokens) {
    if (token.type !== 'time' || token.problem === null) continue;
    const text = token.text.trim();
    const message =
      token.problem === 'invalid_time'
        ? `${text} is not a time of day.`
        : token.problem === 'ambiguous_time'
          ? `${text}: am or pm? Write 9am, 9pm or 21:00.`
          : `${text} gives no exact time.`;
    issues.push(placed(token.start, { code: token.problem, message, text }));
  }

  const counted = passengerCount(passengerTokens, input);
  issues.push(...counted.issues.map((issue) => placed(passengerTokens[0]?.start ?? 0, issue)));

  const tripType = tripTypeOf(itinerary.legs);
  if (itinerary.oneWay && tripType !== null && tripType !== 'one_way') {
    issues.push(
      placed(itinerary.oneWay.start, {
        code: 'conflicting_trip_type',
        message: `"${itinerary.oneWay.text}" but the route has ${itinerary.legs.length} legs.`,
        text: itinerary.oneWay.text,
      }),
    );
  }

  const ordered = issues.sort((a, b) => a.at - b.at).map(({ issue }) => issue);
  const fields = {
    kind: 'flight_request' as const,
    tripType,
    legs,
    passengers: counted.passengers,
    issues: ordered,
    ...(ambiguities.length > 0
      ? {
          ambiguities: ambiguities
            .sort((a, b) => a.at - b.at)
            .slice(0, 20)
            .map(({ ambiguity }) => ambiguity),
        }
      : {}),
  };
  return FlightRequestDraftSchema.parse({
    ...fields,
    title: flightRequestTitle(fields),
    confidence: assessConfidence(fields),
  });
}
