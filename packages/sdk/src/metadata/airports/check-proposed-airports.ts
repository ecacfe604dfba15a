import type { FlightLeg } from '../../models/flight-request.js';
import type { MetadataAmbiguity, MetadataIssue } from '../schemas.js';
import { airportCode, findAirport } from './airport-directory.js';

/** What checking a proposal gives: legs with codes as the table spells them, and what was found. */
export interface CheckedAirports {
  readonly legs: FlightLeg[];
  readonly issues: MetadataIssue[];
  readonly ambiguities: MetadataAmbiguity[];
}

/**
 * Checks the airports someone else proposed (the OpenAI model) against the airport table:
 * - a code the table does not know is an `unknown_airport` issue (the leg stays, flagged, so the
 *   draft's confidence is low: never trusted);
 * - a code the table knows by another name (an FAA identifier such as `JPX`) becomes the
 *   airport's own code (`HTO`);
 * - where the broker's text names several airports (`London`, per `ambiguities` from the rule
 *   parser) and the proposal silently picked one of them, the choice is reported: an
 *   `ambiguous_airport` issue and the ambiguity, with the proposal's pick as `chosen`.
 */
export function checkProposedAirports(
  legs: readonly FlightLeg[],
  textAmbiguities: readonly MetadataAmbiguity[],
  existingIssues: readonly MetadataIssue[],
): CheckedAirports {
  const issues: MetadataIssue[] = [];
  const unknown = new Set<string>();
  const checked = legs.map((leg) => {
    const [from, to] = [leg.from, leg.to].map((code) => {
      const airport = findAirport(code);
      if (!airport) {
        if (!unknown.has(code)) {
          unknown.add(code);
          issues.push({
            code: 'unknown_airport',
            message: `${code} is not in the airport table.`,
            text: null,
          });
        }
        return code;
      }
      if (code === airport.iata || code === airport.icao) return code;
      return airportCode(airport, code.length === 4 ? 'icao' : 'iata');
    });
    return { ...leg, from: from ?? leg.from, to: to ?? leg.to };
  });
  const used = new Set(checked.flatMap((leg) => [leg.from, leg.to]));
  const ambiguities: MetadataAmbiguity[] = [];
  for (const ambiguity of textAmbiguities) {
    if (ambiguity.kind !== 'airport' || ambiguity.chosen !== null) continue;
    const picked = ambiguity.choices.find((choice) => used.has(choice.value));
    if (!picked) {
      // The proposal left the airport out as ambiguous too: the table's choices go with it.
      if (existingIssues.some((issue) => issue.code === 'ambiguous_airport'))
        ambiguities.push(ambiguity);
      continue;
    }
    ambiguities.push({ ...ambiguity, chosen: picked.value });
    const flagged = [...existingIssues, ...issues].some(
      (issue) => issue.code === 'ambiguous_airport' && issue.text === ambiguity.text,
    );
    if (!flagged) {
      issues.push({
        code: 'ambiguous_airport',
        message: `${ambiguity.text} could be any of ${ambiguity.choices
          .map((choice) => choice.value)
          .join(', ')}; read as ${picked.value}.`,
        text: ambiguity.text,
      });
    }
  }
  return { legs: checked, issues, ambiguities };
}
