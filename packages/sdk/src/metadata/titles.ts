import type { FlightLeg } from '../models/flight-request.js';
import { sameAirport } from './airports/airport-directory.js';
import { MAX_TITLE_LENGTH, type FlightRequestDraft } from './schemas.js';

/** The title a general chat gets when its first message has no words. */
export const UNTITLED_CHAT = 'New conversation';

const GREETING =
  /^(?:hi|hello|hey|dear|morning|good\s+(?:morning|afternoon|evening))\b[^,.!?:;\n]{0,30}[,.!?:;—–-]+\s+(?=\S)/i;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * A title for a general chat from its first message: whitespace collapsed, a leading greeting
 * ("Hi Anna,") dropped, the first letter capitalized, and cut at a word boundary with an
 * ellipsis when longer than `maxLength` characters (ellipsis included).
 *
 * @example
 * titleFromMessage('Hi team, can you resend the invoice for the Aspen trip last week please?', 40)
 * // → 'Can you resend the invoice for the Aspen…'
 */
export function titleFromMessage(text: string, maxLength = 60): string {
  if (!Number.isInteger(maxLength) || maxLength < 2 || maxLength > MAX_TITLE_LENGTH) {
    throw new RangeError(
      `titleFromMessage: maxLength must be an integer from 2 to ${MAX_TITLE_LENGTH}`,
    );
  }
  let title = text.replace(/\s+/g, ' ').trim();
  title = title.replace(GREETING, '');
  if (!title) return UNTITLED_CHAT;
  title = title.charAt(0).toUpperCase() + title.slice(1);
  if (title.length <= maxLength) return title;
  let cut = title.slice(0, maxLength - 1);
  const space = cut.lastIndexOf(' ');
  // Cut at the last word boundary (unless the cut already ends a word), but not when that
  // throws most of the room away (one long word).
  const endsWord = title.charAt(maxLength - 1) === ' ';
  if (!endsWord && space >= Math.floor(maxLength / 3)) cut = cut.slice(0, space);
  cut = cut.replace(/[\s,;:.!?\-–—(/&+]+$/u, '');
  return `${cut || title.slice(0, maxLength - 1)}…`;
}

function dayMonth(date: string): { day: number; month: string; year: string } {
  return {
    day: Number(date.slice(8, 10)),
    month: MONTHS[Number(date.slice(5, 7)) - 1] ?? '',
    year: date.slice(0, 4),
  };
}

/** `12 Dec`, `12–15 Dec`, `28 Dec – 3 Jan`, or `28 Dec 2026 – 3 Jan 2028` across years. */
function dateRange(first: string, last: string): string {
  const a = dayMonth(first);
  const b = dayMonth(last);
  if (first === last) return `${a.day} ${a.month}`;
  if (a.year === b.year && a.month === b.month) return `${a.day}–${b.day} ${a.month}`;
  if (Number(b.year) - Number(a.year) <= 1) return `${a.day} ${a.month} – ${b.day} ${b.month}`;
  return `${a.day} ${a.month} ${a.year} – ${b.day} ${b.month} ${b.year}`;
}

/** `TEB ⇄ VNY` for a round trip; `TEB → MIA → TEB`; `TEB → MIA, OPF → VNY` when legs don't join. */
function route(legs: readonly FlightLeg[]): string {
  const [first, second] = legs;
  if (
    legs.length === 2 &&
    first &&
    second &&
    sameAirport(first.to, second.from) &&
    sameAirport(second.to, first.from)
  ) {
    return `${first.from} ⇄ ${first.to}`;
  }
  const chains: string[][] = [];
  for (const leg of legs) {
    const chain = chains[chains.length - 1];
    const end = chain?.[chain.length - 1];
    if (chain && end && sameAirport(end, leg.from)) chain.push(leg.to);
    else chains.push([leg.from, leg.to]);
  }
  return chains
    .map((stops) =>
      (stops.length > 6 ? [...stops.slice(0, 2), '…', ...stops.slice(-1)] : stops).join(' → '),
    )
    .join(', ');
}

/**
 * A title for a flight request: route, dates and passengers, joined by middle dots, built the
 * same way in every locale. Parts the request lacks are left out.
 *
 * @example
 * flightRequestTitle({ legs: [{ from: 'TEB', to: 'VNY', date: '2026-12-12' }], passengers: 6 })
 * // → 'TEB → VNY · 12 Dec · 6 pax'
 */
export function flightRequestTitle(
  request: Pick<FlightRequestDraft, 'legs' | 'passengers'>,
): string {
  const parts: string[] = [request.legs.length > 0 ? route(request.legs) : 'Flight request'];
  const dates = request.legs.flatMap((leg) => (leg.date ? [leg.date] : []));
  const [firstDate] = dates;
  const lastDate = dates[dates.length - 1];
  if (firstDate && lastDate) parts.push(dateRange(firstDate, lastDate));
  if (request.passengers !== null) parts.push(`${request.passengers} pax`);
  const title = parts.join(' · ');
  return title.length <= MAX_TITLE_LENGTH ? title : `${title.slice(0, MAX_TITLE_LENGTH - 1)}…`;
}
