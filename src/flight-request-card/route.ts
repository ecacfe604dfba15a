import type { FlightLeg, TripType } from '../internal/sdk.js';

/**
 * How a flight request's legs read on a card:
 * - `one_way`: `TEB → VNY`
 * - `round_trip`: `TEB ⇄ VNY`
 * - `multi_leg`: a chain `TEB → VNY → SFO`; where a leg doesn't start where the previous one
 *   ended, a new chain begins (`TEB → VNY, SFO → LAS`).
 * - `none`: no legs yet (the request is still being understood).
 */
export interface RouteShape {
  type: TripType | 'none';
  /** Airport codes, one array per connected chain. */
  chains: string[][];
  /** The first and last known dates (`YYYY-MM-DD`); `last` is null for a single date. */
  dates: { first: string; last: string | null } | null;
}

/** The route shape of a request's legs. Without a trip type, it is inferred from the legs. */
export function routeShape(tripType: TripType | null, legs: readonly FlightLeg[]): RouteShape {
  const [first] = legs;
  if (!first) return { type: 'none', chains: [], dates: null };
  const type = tripType ?? inferTripType(legs);

  if (type === 'round_trip' || (type === 'one_way' && legs.length === 1)) {
    const back = type === 'round_trip' ? legs[legs.length - 1] : undefined;
    return {
      type,
      chains: [[first.from, first.to]],
      dates: dateSpan([first.date, back && back !== first ? back.date : null]),
    };
  }

  const chains: string[][] = [];
  let chain: string[] = [];
  for (const leg of legs) {
    if (chain[chain.length - 1] !== leg.from) {
      if (chain.length) chains.push(chain);
      chain = [leg.from];
    }
    chain.push(leg.to);
  }
  chains.push(chain);
  return { type: 'multi_leg', chains, dates: dateSpan(legs.map((leg) => leg.date)) };
}

function inferTripType(legs: readonly FlightLeg[]): TripType {
  if (legs.length === 1) return 'one_way';
  const [out, back] = legs;
  if (legs.length === 2 && out && back && out.from === back.to && out.to === back.from) {
    return 'round_trip';
  }
  return 'multi_leg';
}

function dateSpan(dates: readonly (string | null | undefined)[]): RouteShape['dates'] {
  const known = dates.filter((date): date is string => Boolean(date));
  const first = known[0];
  if (!first) return null;
  const last = known[known.length - 1] ?? first;
  return { first, last: last === first ? null : last };
}
