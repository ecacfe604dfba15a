import type { DraftConfidence, FlightRequestDraft, MetadataIssueCode } from './schemas.js';

/** Issues that leave the route unusable or an airport unplaced. */
const ROUTE_PROBLEMS: ReadonlySet<MetadataIssueCode> = new Set([
  'missing_route',
  'incomplete_route',
  'unknown_airport',
  'ambiguous_airport',
  'same_airport',
]);

/**
 * How far a draft can be trusted, derived from what it holds (never self-reported by a model):
 * a general chat is `high`; a flight request is `low` without legs or with a route problem,
 * `high` when every leg is dated, passengers are known and nothing was flagged, else `medium`.
 */
export function assessConfidence(
  draft: Omit<FlightRequestDraft, 'confidence' | 'title'>,
): DraftConfidence {
  if (draft.kind === 'general') return 'high';
  if (draft.legs.length === 0 || draft.issues.some((issue) => ROUTE_PROBLEMS.has(issue.code)))
    return 'low';
  const complete = draft.passengers !== null && draft.legs.every((leg) => leg.date !== null);
  return complete && draft.issues.length === 0 ? 'high' : 'medium';
}
