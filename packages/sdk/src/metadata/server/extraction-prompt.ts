import { weekdayOf } from '../parse/calendar.js';
import { MetadataIssueCodeSchema } from '../schemas.js';

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** The instructions the model gets: the same rules the rule parser follows. */
export const EXTRACTION_INSTRUCTIONS = [
  "You read the first message of a charter-flight broker's conversation and fill in a session draft.",
  'kind: "flight_request" when the message asks about a flight (a route, dates or passengers), else "general".',
  'Airports: IATA (3 letters) or ICAO (4 letters) codes in capitals, as the broker wrote them or for the',
  'airport a name clearly means. When a name could mean several airports (London, New York), leave the leg',
  'out and add an issue "ambiguous_airport"; a place you cannot identify gets "unknown_airport".',
  "legs: in travel order; date YYYY-MM-DD or null, read against today in the broker's time zone (a month",
  'and day without a year is the next such day on or after today); time HH:MM (24 h) or null.',
  'A return or later leg dated before the leg before it: leave its date null, issue "return_before_departure".',
  'tripType: "one_way" (one leg), "round_trip" (two legs, the second coming back), "multi_leg", or null.',
  'passengers: 1-999 or null when not stated; a count out of range is null with "passengers_out_of_range".',
  'Never guess. Leave what the message does not say null, and list what you could not understand in',
  `issues, each with a code from: ${MetadataIssueCodeSchema.options.join(', ')}; a short message; and the`,
  'fragment of the message it is about (or null).',
  'title: for a general chat, a plain title of at most 60 characters; for a flight request, the route.',
  'A general chat has no legs, tripType null and passengers null.',
].join('\n');

/** The user message: the broker's text with "today" spelled out for relative dates. */
export function extractionInput(text: string, today: string, timeZone: string): string {
  return JSON.stringify({ today, weekday: WEEKDAYS[weekdayOf(today)], timeZone, message: text });
}
