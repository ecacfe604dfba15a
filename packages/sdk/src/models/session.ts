import * as s from '../schema/index.js';
import { FlightLegSchema, FlightRequestStageSchema, TripTypeSchema } from './flight-request.js';

/** What a session is about: one flight request, or a general conversation. */
export const SessionKindSchema = s.enum(['flight_request', 'general']);
/** `flight_request` or `general`. */
export type SessionKind = s.Infer<typeof SessionKindSchema>;

/** Every lifecycle status, in the order tabs list them. See `lifecycle.ts` for the transitions. */
export const SESSION_STATUSES = ['active', 'paused', 'completed', 'archived'] as const;
/** A session's lifecycle status. */
export const SessionStatusSchema = s.enum(SESSION_STATUSES);
/** `active`, `paused`, `completed` or `archived`. */
export type SessionStatus = s.Infer<typeof SessionStatusSchema>;

/** How a completed session ended. */
export const CompletionOutcomeSchema = s.enum(['won', 'lost', 'cancelled']);
/** `won`, `lost` or `cancelled`. */
export type CompletionOutcome = s.Infer<typeof CompletionOutcomeSchema>;

/** Sidebar tabs. Active holds active and paused sessions. Trash is not a tab. */
export const SessionTabSchema = s.enum(['active', 'completed', 'archived']);
/** `active` (active + paused), `completed` or `archived`. */
export type SessionTab = s.Infer<typeof SessionTabSchema>;

/** Host-owned metadata attached to a session, e.g. `{ crmDealId: 'D-1042' }`. A JSON object. */
export const SessionMetadataSchema = s.record(s.unknown());
/** Host-owned metadata: a JSON object of at most 16 KB. */
export type SessionMetadata = s.Infer<typeof SessionMetadataSchema>;

const timestamp = s.string().check(s.minLength(1));

/**
 * Why a session sits where the attention order puts it, as `list_sessions` in `attention` order
 * computes it from the same rule it orders by: unread operator replies (`count`), a departure
 * within two days (`days` from today, UTC dates: 0, 1 or 2), or a paused session due to resume.
 */
export const AttentionReasonSchema = s.pipe(
  s.discriminatedUnion('kind', [
    s.object({ kind: s.literal('unread'), count: s.number().check(s.int(), s.positive()) }),
    s.object({
      kind: s.literal('departs_soon'),
      days: s.number().check(s.int(), s.nonnegative()),
      departs_on: s.string(),
    }),
    s.object({ kind: s.literal('resume_due'), resume_at: s.optional(s.nullable(s.string())) }),
  ]),
  s.transform((reason) => {
    switch (reason.kind) {
      case 'unread':
        return { kind: reason.kind, count: reason.count };
      case 'departs_soon':
        return { kind: reason.kind, days: reason.days, departsOn: reason.departs_on };
      case 'resume_due':
        return { kind: reason.kind, resumeAt: reason.resume_at ?? null };
    }
  }),
);
/** Why a session is in the attention order's front buckets; see {@link AttentionReasonSchema}. */
export type AttentionReason = s.Output<typeof AttentionReasonSchema>;
const nullableTimestamp = s.nullable(timestamp);

/**
 * A session as the database returns it (`chat.session_card`): everything a card shows, in one
 * row. Parsed from snake_case and exposed in camelCase.
 */
export const SessionRowSchema = s.pipe(
  s.object({
    id: s.uuid(),
    owner_id: s.uuid(),
    kind: SessionKindSchema,
    status: SessionStatusSchema,
    status_before_archive: s.nullable(SessionStatusSchema),
    title: s.string(),
    trip_type: s.nullable(TripTypeSchema),
    legs: s.array(FlightLegSchema),
    passengers: s.nullable(s.number().check(s.int())),
    stage: s.nullable(FlightRequestStageSchema),
    outcome: s.nullable(CompletionOutcomeSchema),
    pinned: s.boolean(),
    resume_at: nullableTimestamp,
    created_at: timestamp,
    updated_at: timestamp,
    last_activity_at: timestamp,
    completed_at: nullableTimestamp,
    archived_at: nullableTimestamp,
    deleted_at: nullableTimestamp,
    // The first leg's date (the "departs soon" signal of the attention order). Optional so
    // hand-written fixtures of older shape still parse.
    departs_on: s.withDefault(s.nullable(s.string()), null),
    last_message_preview: s.nullable(s.string()),
    message_count: s.number().check(s.int(), s.nonnegative()),
    unread_count: s.number().check(s.int(), s.nonnegative()),
    thread_count: s.number().check(s.int(), s.nonnegative()),
    replied_thread_count: s.number().check(s.int(), s.nonnegative()),
    // The highest message seq of the session (main conversation and threads).
    last_seq: s.withDefault(s.number().check(s.int(), s.nonnegative()), 0),
    metadata: SessionMetadataSchema,
    external_ref: s.nullable(s.string()),
    version: s.number().check(s.int(), s.positive()),
    sync_version: s.number().check(s.int(), s.nonnegative()),
    // Only on rows of list_sessions in attention order (null: in the order's last bucket).
    attention_reason: s.optional(s.nullable(AttentionReasonSchema)),
  }),
  s.transform((row) => ({
    id: row.id,
    ownerId: row.owner_id,
    kind: row.kind,
    status: row.status,
    statusBeforeArchive: row.status_before_archive,
    title: row.title,
    tripType: row.trip_type,
    legs: row.legs,
    passengers: row.passengers,
    stage: row.stage,
    outcome: row.outcome,
    pinned: row.pinned,
    resumeAt: row.resume_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    lastActivityAt: row.last_activity_at,
    completedAt: row.completed_at,
    archivedAt: row.archived_at,
    deletedAt: row.deleted_at,
    departsOn: row.departs_on,
    lastMessagePreview: row.last_message_preview,
    messageCount: row.message_count,
    unreadCount: row.unread_count,
    threadCount: row.thread_count,
    repliedThreadCount: row.replied_thread_count,
    lastSeq: row.last_seq,
    metadata: row.metadata,
    externalRef: row.external_ref,
    version: row.version,
    syncVersion: row.sync_version,
    // Present only when the database gave a reason, so rows of other reads keep their shape.
    ...(row.attention_reason ? { attentionReason: row.attention_reason } : {}),
  })),
);

/** A session with everything its card shows. */
export type Session = s.Output<typeof SessionRowSchema>;
