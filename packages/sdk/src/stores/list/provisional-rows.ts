import type * as s from '../../schema/index.js';
import type { CreateSessionInputSchema, SessionPatchSchema } from '../../inputs.js';
import type { FlightLeg } from '../../models/flight-request.js';
import { SessionRowSchema, type Session } from '../../models/session.js';
import { deepFreeze } from '../store.js';

/**
 * Rows the list shows before the server answers: a session being created, a session being
 * edited. Built through the row schema itself, so a new column gets its neutral value (or a
 * compile error here, where a value must be chosen) instead of a hand-kept copy going stale.
 */

type SessionRow = s.Input<typeof SessionRowSchema>;
/** A create input as its schema returns it. */
type CreateInput = s.Output<typeof CreateSessionInputSchema>;
/** A patch as its schema returns it. */
type Patch = s.Output<typeof SessionPatchSchema>;

/** Values a column that the create input does not decide starts with, first one that fits. */
const NEUTRAL_CANDIDATES: readonly unknown[] = [null, 0, false, [], {}];

/**
 * Every column of the row schema that has a neutral value (null, 0, false, an empty list or
 * object), from the schema itself: counters start at 0, optional times and references at null.
 */
const NEUTRAL_ROW: Readonly<Record<string, unknown>> = Object.freeze(
  Object.fromEntries(
    Object.entries(SessionRowSchema.def.in.def.shape).flatMap(([column, schema]) => {
      const neutral = NEUTRAL_CANDIDATES.find((value) => schema.safeParse(value).success);
      return neutral === undefined ? [] : [[column, neutral]];
    }),
  ),
);

/** The owner of a provisional row when the broker's id is unknown (the nil UUID). */
const UNKNOWN_OWNER = '00000000-0000-0000-0000-000000000000';

/** The date of the first leg that has one (the "departs soon" signal), or null. */
export function firstDepartureOf(legs: readonly FlightLeg[]): string | null {
  return legs.find((leg) => leg.date)?.date ?? null;
}

/** The session a create will make, as the database would make it (times approximate). */
export function provisionalSession(
  input: CreateInput & { id: string },
  context: { ownerId: string; nowIso: string },
): Session {
  const legs = input.legs ?? [];
  const decided: Partial<SessionRow> = {
    id: input.id,
    owner_id: context.ownerId || UNKNOWN_OWNER,
    kind: input.kind,
    status: 'active',
    title: (input.title ?? '').trim(),
    trip_type: input.tripType ?? null,
    legs,
    passengers: input.passengers ?? null,
    stage: input.stage ?? (input.kind === 'flight_request' ? 'understanding_request' : null),
    pinned: input.pinned ?? false,
    created_at: context.nowIso,
    updated_at: context.nowIso,
    last_activity_at: context.nowIso,
    departs_on: firstDepartureOf(legs),
    metadata: input.metadata ?? {},
    external_ref: input.externalRef ?? null,
    version: 1,
    // The first message, when the create carries one (quick create's text), as the database
    // will count and preview it.
    ...(input.firstMessage
      ? {
          message_count: 1,
          last_seq: 1,
          last_message_preview: input.firstMessage.content
            .replace(/\s+/g, ' ')
            .trim()
            .slice(0, 280),
        }
      : {}),
  };
  return deepFreeze(SessionRowSchema.parse({ ...NEUTRAL_ROW, ...decided }));
}

/** A session with a (validated) patch applied, as the list shows it until the server answers. */
export function patchedSession(session: Session, patch: Patch): Session {
  const next: Session = { ...session };
  if (patch.title !== undefined) next.title = patch.title.trim();
  if (patch.tripType !== undefined) next.tripType = patch.tripType;
  if (patch.legs !== undefined) {
    next.legs = patch.legs;
    next.departsOn = firstDepartureOf(patch.legs);
  }
  if (patch.passengers !== undefined) next.passengers = patch.passengers;
  if (patch.stage !== undefined) next.stage = patch.stage;
  if (patch.metadata !== undefined) next.metadata = patch.metadata;
  if (patch.externalRef !== undefined) next.externalRef = patch.externalRef;
  return next;
}
