import assert from 'node:assert/strict';
import {
  describeAirport,
  FlightRequestDraftSchema,
  parseFlightRequest,
  type FlightRequestDraft,
} from '../../src/metadata/index.js';
import { DEFAULT_REFERENCE, type BrokerPhrasing } from './broker-phrasings.data.js';

/**
 * Parses one corpus phrasing and checks the draft against what it expects: kind, trip type,
 * legs, passengers, issue codes in order and title, the cities of the stops when given, issues
 * quoting the text, and no high confidence with an issue. Returns the draft for further checks.
 */
export function checkPhrasing(phrasing: BrokerPhrasing): FlightRequestDraft {
  const draft = parseFlightRequest(phrasing.text, phrasing.reference ?? DEFAULT_REFERENCE);
  assert.equal(
    FlightRequestDraftSchema.safeParse(draft).success,
    true,
    'the draft passes its schema',
  );
  assert.deepEqual(
    {
      kind: draft.kind,
      tripType: draft.tripType,
      legs: draft.legs,
      passengers: draft.passengers,
      issues: draft.issues.map((issue) => issue.code),
      title: draft.title,
    },
    {
      kind: phrasing.kind,
      tripType: phrasing.tripType,
      legs: phrasing.legs.map(([from, to, date, time]) => ({ from, to, date, time })),
      passengers: phrasing.passengers,
      issues: phrasing.issues,
      title: phrasing.title,
    },
  );
  if (phrasing.cities) {
    const stops =
      draft.legs.length > 0 ? [draft.legs[0]?.from ?? '', ...draft.legs.map((leg) => leg.to)] : [];
    assert.deepEqual(
      stops.map((code) => describeAirport(code)?.city ?? null),
      phrasing.cities,
    );
  }
  for (const issue of draft.issues) {
    assert.ok(issue.message.length > 0);
    if (issue.text !== null)
      assert.ok(phrasing.text.includes(issue.text), `${issue.text} is quoted from the text`);
  }
  if (draft.kind === 'general') assert.deepEqual(draft.issues, []);
  if (draft.issues.length > 0) assert.notEqual(draft.confidence, 'high');
  return draft;
}
