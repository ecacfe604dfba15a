import * as z from 'zod/mini';
import { FlightLegSchema, FlightRequestStageSchema, TripTypeSchema } from './flight-request.js';

/** What a session is about: one flight request, or a general conversation. */
export const SessionKindSchema = z.enum(['flight_request', 'general']);
/** `flight_request` or `general`. */
export type SessionKind = z.infer<typeof SessionKindSchema>;

/** Every lifecycle status, in the order tabs list them. See `lifecycle.ts` for the transitions. */
export const SESSION_STATUSES = ['active', 'paused', 'completed', 'archived'] as const;
/** A session's lifecycle status. */
export const SessionStatusSchema = z.enum(SESSION_STATUSES);
/** `active`, `paused`, `completed` or `archived`. */
export type SessionStatus = z.infer<typeof SessionStatusSchema>;

/** How a completed session ended. */
export const CompletionOutcomeSchema = z.enum(['won', 'lost', 'cancelled']);
/** `won`, `lost` or `cancelled`. */
export type CompletionOutcome = z.infer<typeof CompletionOutcomeSchema>;

/** Sidebar tabs. Active holds active and paused sessions. Trash is not a tab. */
export const SessionTabSchema = z.enum(['active', 'completed', 'archived']);
/** `active` (active + paused), `completed` or `archived`. */
export type SessionTab = z.infer<typeof SessionTabSchema>;

/** Host-owned metadata attached to a session, e.g. `{ crmDealId: 'D-1042' }`. A JSON object. */
export const SessionMetadataSchema = z.record(z.string(), z.unknown());
/** Host-owned metadata: a JSON object of at most 16 KB. */
export type SessionMetadata = z.infer<typeof SessionMetadataSchema>;

const timestamp = z.string().check(z.minLength(1));

/**
 * Why a session sits where the attention order puts it, as `list_sessions` in `attention` order
 * computes it from the same rule it orders by: unread operator replies (`count`), a departure
 * within two days (`days` from today, UTC dates: 0, 1 or 2), or a paused session due to resume.
 */
export const AttentionReasonSchema = z.pipe(
  z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('unread'), count: z.number().check(z.int(), z.positive()) }),
    z.object({
      kind: z.literal('departs_soon'),
      days: z.number().check(z.int(), z.nonnegative()),
      departs_on: z.string(),
    }),
    z.object({ kind: z.literal('resume_due'), resume_at: z.optional(z.nullable(z.string())) }),
  ]),
  z.transform((reason) => {
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
export type AttentionReason = z.output<typeof AttentionReasonSchema>;
const nullableTimestamp = z.nullable(timestamp);

/**
 * A session as the database returns it (`chat.session_card`): everything a card shows, in one
 * row. Parsed from snake_case and exposed in camelCase.
 */
export const SessionRowSchema = z.pipe(
  z.object({
    id: z.uuid(),
    owner_id: z.uuid(),
    kind: SessionKindSchema,
    status: SessionStatusSchema,
    status_before_archive: z.nullable(SessionStatusSchema),
    title: z.string(),
    trip_type: z.nullable(TripTypeSchema),
    legs: z.array(FlightLegSchema),
    passengers: z.nullable(z.number().check(z.int())),
    stage: z.nullable(FlightRequestStageSchema),
    outcome: z.nullable(CompletionOutcomeSchema),
    pinned: z.boolean(),
    resume_at: nullableTimestamp,
    created_at: timestamp,
    updated_at: timestamp,
    last_activity_at: timestamp,
    completed_at: nullableTimestamp,
    archived_at: nullableTimestamp,
    deleted_at: nullableTimestamp,
    // The first leg's date (the "departs soon" signal of the attention order). Optional so
    // hand-written fixtures of older shape still parse.
    departs_on: z._default(z.nullable(z.string()), null),
    last_message_preview: z.nullable(z.string()),
    message_count: z.number().check(z.int(), z.nonnegative()),
    unread_count: z.number().check(z.int(), z.nonnegative()),
    thread_count: z.number().check(z.int(), z.nonnegative()),
    replied_thread_count: z.number().check(z.int(), z.nonnegative()),
    // The highest message seq of the session (main conversation and threads).
    last_seq: z._default(z.number().check(z.int(), z.nonnegative()), 0),
    metadata: SessionMetadataSchema,
    external_ref: z.nullable(z.string()),
    version: z.number().check(z.int(), z.positive()),
    sync_version: z.number().check(z.int(), z.nonnegative()),
    // Only on rows of list_sessions in attention order (null: in the order's last bucket).
    attention_reason: z.optional(z.nullable(AttentionReasonSchema)),
  }),
  z.transform((row) => ({
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
export type Session = z.output<typeof SessionRowSchema>;
