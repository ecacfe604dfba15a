import * as z from 'zod/mini';

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
export const FlightRequestStageSchema = z.enum(FLIGHT_REQUEST_STAGES);
/** A flight request's pipeline stage, e.g. `requesting_quotes`. */
export type FlightRequestStage = z.infer<typeof FlightRequestStageSchema>;

/** One-way, round trip, or a chain of legs. */
export const TripTypeSchema = z.enum(['one_way', 'round_trip', 'multi_leg']);
/** How the legs of a flight request relate. */
export type TripType = z.infer<typeof TripTypeSchema>;

/** An airport as an IATA (3 letters) or ICAO (4 letters) code, upper case: `TEB`, `KTEB`. */
export const AirportCodeSchema = z
  .string()
  .check(z.regex(/^[A-Z]{3,4}$/, 'An airport code is 3 (IATA) or 4 (ICAO) upper-case letters'));

/** A calendar date `YYYY-MM-DD` that exists (no 2026-02-30). */
export const CalendarDateSchema = z.iso.date({ error: 'A date is written YYYY-MM-DD' });

/** A local departure time `HH:MM` (24 h). */
export const LocalTimeSchema = z
  .string()
  .check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'A time is written HH:MM (24 h)'));

/** One leg of a flight request: from, to, the local departure date and optional time. */
export const FlightLegSchema = z
  .object({
    from: AirportCodeSchema,
    to: AirportCodeSchema,
    date: z.nullable(CalendarDateSchema),
    time: z.optional(z.nullable(LocalTimeSchema)),
  })
  .check(
    z.refine((leg) => leg.from !== leg.to, {
      error: 'A leg must go from one airport to another',
      path: ['to'],
    }),
  );
/** One leg of a flight request. */
export type FlightLeg = z.infer<typeof FlightLegSchema>;

/** Most legs one request may carry. The database enforces the same limit. */
export const MAX_LEGS = 12;
/** Fewest passengers a request may carry (the database enforces the same). */
export const MIN_PASSENGERS = 1;
/** Most passengers a request may carry (the database enforces the same). */
export const MAX_PASSENGERS = 999;

/** Number of passengers, 1–999. */
export const PassengersSchema = z
  .number()
  .check(z.int(), z.gte(MIN_PASSENGERS), z.lte(MAX_PASSENGERS));

/** Legs in order; dates never go backwards (a return is not before the departure). */
export const FlightLegsSchema = z.array(FlightLegSchema).check(
  z.maxLength(MAX_LEGS),
  z.superRefine((legs, ctx) => {
    let previous: string | null = null;
    legs.forEach((leg, index) => {
      if (leg.date && previous && leg.date < previous) {
        ctx.addIssue({
          code: 'custom',
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
export const FlightRequestSchema = z.object({
  tripType: z.nullable(TripTypeSchema),
  legs: FlightLegsSchema,
  passengers: z.nullable(PassengersSchema),
  stage: FlightRequestStageSchema,
});
/** The flight-request fields of a session. */
export type FlightRequest = z.infer<typeof FlightRequestSchema>;
