import { MAX_PASSENGERS, MIN_PASSENGERS } from '../../models/flight-request.js';
import type { MetadataIssue } from '../schemas.js';
import type { PassengerToken } from './tokens.js';

/**
 * The passenger count the text states: one total (`6 pax`, repeated as often as you like), or
 * the sum of its parts (`4 adults + 2 kids`), which must agree with a total if both are given.
 * Two different totals, or a count outside 1–999, give null and an issue.
 */
export function passengerCount(
  tokens: readonly PassengerToken[],
  input: string,
): { passengers: number | null; issues: MetadataIssue[] } {
  const [first] = tokens;
  const last = tokens[tokens.length - 1];
  if (!first || !last) return { passengers: null, issues: [] };
  const totals = [
    ...new Set(tokens.filter((token) => token.role === 'total').map((token) => token.count)),
  ];
  const parts = tokens.filter((token) => token.role === 'part');
  const sum = parts.reduce((total, token) => total + token.count, 0);
  // The whole stretch from the first count to the last, so a reader sees both sides of a conflict.
  const text = input.slice(first.start, last.end).trim();
  const candidates = parts.length > 0 ? [...new Set([...totals, sum])] : totals;
  if (candidates.length > 1) {
    return {
      passengers: null,
      issues: [
        {
          code: 'conflicting_passengers',
          message: `The text gives different passenger counts: ${tokens.map((token) => token.text.trim()).join(', ')}.`,
          text,
        },
      ],
    };
  }
  const count = candidates[0] ?? null;
  if (count === null) return { passengers: null, issues: [] };
  if (count < MIN_PASSENGERS || count > MAX_PASSENGERS) {
    return {
      passengers: null,
      issues: [
        {
          code: 'passengers_out_of_range',
          message: `${count} passengers is out of range (${MIN_PASSENGERS}–${MAX_PASSENGERS}).`,
          text,
        },
      ],
    };
  }
  return { passengers: count, issues: [] };
}
