import * as s from '../schema/index.js';
import {
  AirportCodeSchema,
  CalendarDateSchema,
  FlightLegsSchema,
  LocalTimeSchema,
  MAX_LEGS,
  PassengersSchema,
  TripTypeSchema,
} from '../models/flight-request.js';
import { SessionKindSchema } from '../models/session.js';
import { isKnownTimeZone } from './parse/calendar.js';

/**
 * What the parser could not understand or would not accept. Each code has one meaning:
 * - `missing_route` — a flight request without any airport;
 * - `incomplete_route` — an airport without the other end of its leg (`fly to Aspen`);
 * - `unknown_airport` — a code or name in a route that the airport table does not hold;
 * - `ambiguous_airport` — a name several airports answer to (`London`), left unresolved;
 * - `assumed_airport` — a name several airports answer to, resolved to the only large one
 *   (`Las Vegas` → LAS); the message lists the others;
 * - `same_airport` — a leg from an airport to itself;
 * - `too_many_legs` — more legs than a request may carry (the rest are dropped);
 * - `invalid_date` — a date that does not exist (`Feb 30`, `13/45`);
 * - `date_in_past` — a date with an explicit year before the reference date;
 * - `ambiguous_date` — `03/04` read month first (or day first, as configured);
 * - `weekday_mismatch` — `Fri Dec 12` when Dec 12 is not a Friday (date left empty);
 * - `return_before_departure` — a leg dated before the leg before it (date left empty);
 * - `unassigned_date` / `unassigned_time` — a date or time that fits no leg;
 * - `invalid_time` — `25:00`, `13pm`;
 * - `ambiguous_time` — `at 9` without am/pm (time left empty);
 * - `imprecise_time` — `morning`, `afternoon` (time left empty);
 * - `passengers_out_of_range` — fewer than 1 or more than 999 passengers;
 * - `conflicting_passengers` — two different passenger counts;
 * - `conflicting_trip_type` — `one way` said of a route that returns or continues.
 */
export const MetadataIssueCodeSchema = s.enum([
  'missing_route',
  'incomplete_route',
  'unknown_airport',
  'ambiguous_airport',
  'assumed_airport',
  'same_airport',
  'too_many_legs',
  'invalid_date',
  'date_in_past',
  'ambiguous_date',
  'weekday_mismatch',
  'return_before_departure',
  'unassigned_date',
  'unassigned_time',
  'invalid_time',
  'ambiguous_time',
  'imprecise_time',
  'passengers_out_of_range',
  'conflicting_passengers',
  'conflicting_trip_type',
]);
/** A code naming one kind of problem in a broker's text. */
export type MetadataIssueCode = s.Infer<typeof MetadataIssueCodeSchema>;

/** One thing the parser could not understand or would not accept, with the text it concerns. */
export const MetadataIssueSchema = s.object({
  code: MetadataIssueCodeSchema,
  /** A sentence a broker can read, in English. */
  message: s.string().check(s.minLength(1), s.maxLength(500)),
  /** The fragment of the broker's text the issue is about, when there is one. */
  text: s.nullable(s.string().check(s.maxLength(500))),
});
/** One problem found in a broker's text. */
export type MetadataIssue = s.Infer<typeof MetadataIssueSchema>;

/** One answer to an ambiguity: the value to use (an airport code, a date) and how to show it. */
export const MetadataChoiceSchema = s.object({
  /** An airport code (`LHR`) or a date (`2026-12-03`). */
  value: s.string().check(s.minLength(1), s.maxLength(40)),
  /** `LHR · London Heathrow Airport, London` or `Thu 3 Dec`. */
  label: s.string().check(s.minLength(1), s.maxLength(300)),
});
/** One answer to an ambiguity. */
export type MetadataChoice = s.Infer<typeof MetadataChoiceSchema>;

/** A leg as far as it was understood: the ambiguous part is null. */
export const PartialLegSchema = s.object({
  from: s.nullable(AirportCodeSchema),
  to: s.nullable(AirportCodeSchema),
  date: s.nullable(CalendarDateSchema),
  time: s.nullable(LocalTimeSchema),
});
/** A leg as far as it was understood. */
export type PartialLeg = s.Infer<typeof PartialLegSchema>;

/**
 * Something the text says that has several readings, with the choices a broker picks from:
 * an airport (`London` → LHR, LGW, LCY, …; `Las Vegas` read as LAS, with the others) or a date
 * (`next Thursday` said on a Tuesday). `position` is the index the leg has (or would have) in
 * `legs`, `field` the part of it the choice fills, and `leg` the leg as understood: a leg with an
 * ambiguous airport is not in `legs` until the broker picks, but its other airport, date and
 * time are kept here. The matching issue (`ambiguous_airport`, `assumed_airport`,
 * `ambiguous_date`) is in `issues` as well.
 */
export const MetadataAmbiguitySchema = s.object({
  kind: s.enum(['airport', 'date']),
  /** The fragment of the broker's text it is about. */
  text: s.string().check(s.maxLength(500)),
  position: s.nullable(s.number().check(s.int(), s.gte(0), s.lte(MAX_LEGS))),
  field: s.nullable(s.enum(['from', 'to', 'date'])),
  leg: s.nullable(PartialLegSchema),
  /** The reading the draft uses, when it uses one (`LAS`), else null. */
  chosen: s.nullable(s.string().check(s.maxLength(40))),
  choices: s.array(MetadataChoiceSchema).check(s.minLength(2), s.maxLength(12)),
});
/** Something with several readings, and its choices. */
export type MetadataAmbiguity = s.Infer<typeof MetadataAmbiguitySchema>;

/**
 * How far the draft can be trusted: `high` — a complete, dated route with passengers and no
 * issue; `medium` — usable but missing something or carrying an issue; `low` — no usable route,
 * or an airport that could not be resolved. Derived from the draft, never self-reported.
 */
export const DraftConfidenceSchema = s.enum(['high', 'medium', 'low']);
/** How far a draft can be trusted. */
export type DraftConfidence = s.Infer<typeof DraftConfidenceSchema>;

/** Longest title a draft carries. */
export const MAX_TITLE_LENGTH = 120;

/**
 * The draft's fields without the cross-field rules; the OpenAI extractor derives its JSON schema
 * from this object. Use {@link FlightRequestDraftSchema} to validate a draft.
 */
export const FlightRequestDraftFieldsSchema = s.object({
  kind: SessionKindSchema,
  title: s.string().check(s.minLength(1), s.maxLength(MAX_TITLE_LENGTH)),
  tripType: s.nullable(TripTypeSchema),
  legs: FlightLegsSchema,
  passengers: s.nullable(PassengersSchema),
  issues: s.array(MetadataIssueSchema).check(s.maxLength(50)),
  /**
   * Readings to choose between; absent when there are none (drafts from before the field existed
   * stay valid, and so do clients that compare whole drafts).
   */
  ambiguities: s.optional(s.array(MetadataAmbiguitySchema).check(s.minLength(1), s.maxLength(20))),
  confidence: DraftConfidenceSchema,
});

type DraftFields = s.Infer<typeof FlightRequestDraftFieldsSchema>;

/** A general chat carries no flight-request fields. */
function checkKind(draft: DraftFields, ctx: s.RefinementContext): void {
  if (draft.kind !== 'general') return;
  if (
    draft.legs.length > 0 ||
    draft.tripType !== null ||
    draft.passengers !== null ||
    draft.ambiguities !== undefined
  ) {
    ctx.addIssue({
      message: 'A general chat has no legs, trip type, passengers or ambiguities',
      path: ['kind'],
    });
  }
}

/**
 * A session's metadata as read from free text: what kind of session, a title, and for a flight
 * request the trip type, legs and passengers. Every value is either read from the text or null;
 * what could not be read is listed in `issues`, never guessed.
 *
 * @example
 * FlightRequestDraftSchema.parse(await response.json());
 */
export const FlightRequestDraftSchema = FlightRequestDraftFieldsSchema.check(
  s.superRefine(checkKind),
);
/** A session's metadata as read from free text. */
export type FlightRequestDraft = s.Infer<typeof FlightRequestDraftSchema>;

/** Who produced a draft: the OpenAI model, or the rule parser. */
export const ExtractionSourceSchema = s.enum(['openai', 'rules']);
/** Who produced a draft. */
export type ExtractionSource = s.Infer<typeof ExtractionSourceSchema>;

/**
 * Why the OpenAI extractor fell back to the rule parser: the model refused; its answer was not
 * JSON, or was JSON the draft schema rejects; the request timed out, was rate limited or hit a
 * server error after every retry; another HTTP error; the server could not be reached; or the
 * endpoint's daily model budget was spent.
 */
export const FallbackReasonSchema = s.enum([
  'refusal',
  'invalid_json',
  'schema_mismatch',
  'timeout',
  'rate_limited',
  'server_error',
  'http_error',
  'network_error',
  'budget_exhausted',
]);
/** Why the OpenAI extractor fell back to the rule parser. */
export type FallbackReason = s.Infer<typeof FallbackReasonSchema>;

/**
 * A draft plus where it came from: what the metadata endpoint answers. `fallbackReason` is set
 * when an OpenAI attempt failed and the rule parser answered instead; null otherwise.
 */
export const MetadataExtractionSchema = s
  .extend(FlightRequestDraftFieldsSchema, {
    source: ExtractionSourceSchema,
    fallbackReason: s.nullable(FallbackReasonSchema),
  })
  .check(
    s.superRefine((extraction, ctx) => {
      checkKind(extraction, ctx);
      if (extraction.source === 'openai' && extraction.fallbackReason !== null) {
        ctx.addIssue({
          message: 'An OpenAI answer has no fallback reason',
          path: ['fallbackReason'],
        });
      }
    }),
  );
/** A draft plus where it came from. */
export type MetadataExtraction = s.Infer<typeof MetadataExtractionSchema>;

/** An IANA time zone the runtime knows (`Europe/London`). */
export const TimeZoneSchema = s
  .string()
  .check(s.minLength(1), s.refine(isKnownTimeZone, 'An IANA time zone such as America/New_York'));

/** `YYYY-MM-DD` (that calendar day) or an ISO date-time with offset (that instant). */
export const ReferenceDateSchema = s.union([s.isoDate(), s.isoDateTime(), s.date()]);

/**
 * Options of {@link parseFlightRequest}. `referenceDate` is "now" for relative dates (default:
 * the current instant); `timeZone` is the broker's zone, which decides what "today" is (default:
 * the runtime's zone); `numericDateOrder` reads `03/04` as March 4 (`month_first`, the default)
 * or April 3 (`day_first`); `recentAirports` ranks the broker's own airports first.
 */
export const ParseOptionsSchema = s.object({
  referenceDate: s.optional(ReferenceDateSchema),
  timeZone: s.optional(TimeZoneSchema),
  numericDateOrder: s.optional(s.enum(['month_first', 'day_first'])),
  /**
   * The broker's recent airports (codes, most recent first): a name several airports answer to
   * (`Morristown`: MMU or MOR) is read as the recent one, still reported with its choices.
   */
  recentAirports: s.optional(s.array(AirportCodeSchema).check(s.maxLength(50))),
});
/** Options of the rule parser. */
export type ParseOptions = s.Input<typeof ParseOptionsSchema>;

/** Longest text the parser and the extractor read (a first message, not a document). */
export const MAX_TEXT_LENGTH = 4000;

/**
 * What a client POSTs to the metadata endpoint: the broker's text, and optionally "now" (a
 * `YYYY-MM-DD` day or an ISO instant) and the broker's IANA time zone (default UTC: browsers
 * should send theirs). Unknown keys are refused.
 */
export const MetadataRequestSchema = s.strictObject({
  text: s.string().check(
    s.maxLength(MAX_TEXT_LENGTH),
    s.refine((text) => text.trim().length > 0, 'text must not be blank'),
  ),
  referenceDate: s.optional(s.union([s.isoDate(), s.isoDateTime()])),
  timeZone: s.optional(TimeZoneSchema),
  /** The broker's recent airports, most recent first (see {@link ParseOptionsSchema}). */
  recentAirports: s.optional(s.array(AirportCodeSchema).check(s.maxLength(50))),
});
/** What a client POSTs to the metadata endpoint. */
export type MetadataRequest = s.Infer<typeof MetadataRequestSchema>;
