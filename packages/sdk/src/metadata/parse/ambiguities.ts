import { airportCode } from '../airports/airport-directory.js';
import type { MetadataAmbiguity, MetadataChoice } from '../schemas.js';
import { weekdayOf } from './calendar.js';
import type { AirportToken } from './tokens.js';

/** An ambiguity with where its text starts, so ambiguities come back in reading order. */
export interface PlacedAmbiguity {
  readonly at: number;
  readonly ambiguity: MetadataAmbiguity;
}

/** Most choices offered for one airport (a metro area has up to seven). */
const MAX_CHOICES = 8;

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `Thu 3 Dec 2026`: a date as a choice shows it. */
export function dateLabel(date: string): string {
  const day = Number(date.slice(8, 10));
  const month = MONTHS[Number(date.slice(5, 7)) - 1] ?? '';
  return `${WEEKDAYS[weekdayOf(date)]} ${day} ${month} ${date.slice(0, 4)}`;
}

/**
 * The airports a mention may mean, as choices (`LHR · Heathrow Airport, London`), the one the
 * draft uses (if any) first; empty when the mention names one airport or none.
 */
export function airportChoices(stop: AirportToken, style: 'iata' | 'icao'): MetadataChoice[] {
  if (stop.status !== 'ambiguous' && stop.status !== 'assumed') return [];
  const chosen = stop.status === 'assumed' ? stop.airport : null;
  const ordered = chosen
    ? [chosen, ...stop.candidates.filter((airport) => airport !== chosen)]
    : stop.candidates;
  return ordered.slice(0, MAX_CHOICES).map((airport) => {
    const place = airport.city ? `, ${airport.city}` : '';
    const code = airportCode(airport, style);
    return { value: code, label: `${code} · ${airport.name}${place}`.slice(0, 300) };
  });
}
