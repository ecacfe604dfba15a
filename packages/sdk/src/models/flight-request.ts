import * as s from '../schema/index.js';

/**
 * The pipeline stages of a flight request, in order. The database enforces the same list
 * (`chat.sessions.stage`), and the order drives stage badges and progress displays.
 */
export const FLIGHT_REQUEST_STAGES = [
  'understanding_request',
  'searching_aircraft',
  'requesting_quotes',
  'analyzing_options',
  'proposal_ready',
  'proposal_sent',
  'contract_generated',
  'contract_sent',
  'payment_pending',
  'closed_won',
] as const;

/** A flight request's pipeline stage. */
export const FlightRequestStageSchema = s.enum(FLIGHT_REQUEST_STAGES);
/** A flight request's pipeline stage, e.g. `requesting_quotes`. */
export type FlightRequestStage = s.Infer<typeof FlightRequestStageSchema>;

/** One-way, round trip, or a chain of legs. */
export const TripTypeSchema = s.enum(['one_way', 'round_trip', 'multi_leg']);
/** How the legs of a flight request relate. */
export type TripType = s.Infer<typeof TripTypeSchema>;

/** An airport as an IATA (3 letters) or ICAO (4 letters) code, upper case: `TEB`, `KTEB`. */
export const AirportCodeSchema = s
  .string()
  .check(s.regex(/^[A-Z]{3,4}$/, 'An airport code is 3 (IATA) or 4 (ICAO) upper-case letters'));

/** A calendar date `YYYY-MM-DD` that exists (no 2026-02-30). */
export const CalendarDateSchema = s.isoDate('A date is written YYYY-MM-DD');

/** A local departure time `HH:MM` (24 h). */
export const LocalTimeSchema = s
  .string()
  .check(s.regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'A time is written HH:MM (24 h)'));

/** One leg of a flight request: from, to, the local departure date and optional time. */
export const FlightLegSchema = s
  .object({
    from: AirportCodeSchema,
    to: AirportCodeSchema,
    date: s.nullable(CalendarDateSchema),
    time: s.optional(s.nullable(LocalTimeSchema)),
  })
  .check(
    s.refine((leg) => leg.from !== leg.to, 'A leg must go from one airport to another', ['to']),
  );
/** One leg of a flight request. */
export type FlightLeg = s.Infer<typeof FlightLegSchema>;

/** Most legs one request may carry. The database enforces the same limit. */
export const MAX_LEGS = 12;
/** Fewest passengers a request may carry (the database enforces the same). */
export const MIN_PASSENGERS = 1;
/** Most passengers a request may carry (the database enforces the same). */
export const MAX_PASSENGERS = 999;

/** Number of passengers, 1–999. */
export const PassengersSchema = s
  .number()
  .check(s.int(), s.gte(MIN_PASSENGERS), s.lte(MAX_PASSENGERS));

/** Legs in order; dates never go backwards (a return is not before the departure). */
export const FlightLegsSchema = s.array(FlightLegSchema).check(
  s.maxLength(MAX_LEGS),
  s.superRefine((legs, ctx) => {
    let previous: string | null = null;
    legs.forEach((leg, index) => {
      if (leg.date && previous && leg.date < previous) {
        ctx.addIssue({
          message: 'A later leg cannot depart before an earlier one (return before departure)',
          path: [index, 'date'],
        });
      }
      if (leg.date) previous = leg.date;
    });
  }),
);

/**
 * The flight-request fields of a session: trip type, legs, passengers and stage. Every field is
 * optional while a request is being understood; the stage defaults to `understanding_request`.
 */
export const FlightRequestSchema = s.object({
  tripType: s.nullable(TripTypeSchema),
  legs: FlightLegsSchema,
  passengers: s.nullable(PassengersSchema),
  stage: FlightRequestStageSchema,
});
/** The flight-request fields of a session. */
export type FlightRequest = s.Infer<typeof FlightRequestSchema>;
