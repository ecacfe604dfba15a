import { z } from 'zod';
import { ListTabSchema, LifecycleActionSchema } from './lifecycle.js';
import {
  FlightLegsSchema,
  FlightRequestStageSchema,
  PassengersSchema,
  TripTypeSchema,
} from './models/flight-request.js';
import {
  MAX_MESSAGE_LENGTH,
  MessageContentTypeSchema,
  MessageRoleSchema,
  RichContentSchema,
} from './models/message.js';
import {
  CompletionOutcomeSchema,
  SessionKindSchema,
  SessionMetadataSchema,
} from './models/session.js';
import { SessionCursorSchema } from './models/session-page.js';

/**
 * Schemas of what goes out: every SDK method parses its input with one of these before
 * sending, so a bad value fails fast with a `validation` error naming the field. They mirror
 * the database's checks (which stay the authority).
 */

/** Length in characters as PostgreSQL's `char_length` counts them (code points, not UTF-16 units). */
function charLength(value: string): number {
  let count = 0;
  for (const _ of value) count += 1;
  return count;
}

function text(min: number, max: number, what: string) {
  return z.string().refine(
    (value) => {
      const length = charLength(value);
      return length >= min && length <= max;
    },
    `${what} has ${min === 0 ? 'at most' : `${min} to`} ${max} characters`,
  );
}

/** A row id: a uuid. */
export const IdSchema = z.uuid({ message: 'An id is a uuid' });

/** A session title: at most 200 characters (surrounding spaces are trimmed by the database). */
export const TitleSchema = z
  .string()
  .refine((value) => charLength(value.trim()) <= 200, 'A title has at most 200 characters');

/** A host's reference for a session or thread (e.g. a marketplace trip id): 1–200 characters. */
export const ExternalRefSchema = text(1, 200, 'An external reference');

/** Limits the database enforces on metadata. */
const MetadataInputSchema = SessionMetadataSchema.refine(
  (value) => new TextEncoder().encode(JSON.stringify(value)).length <= 16384,
  'Metadata is limited to 16 KB',
);

const flightFields = ['tripType', 'legs', 'passengers', 'stage'] as const;

/**
 * What creating a session takes. `id` is generated when omitted; pass your own to make a create
 * you may repeat (e.g. from a queue) idempotent. A general chat has no flight-request fields.
 *
 * @example
 * { kind: 'flight_request', title: 'TEB → VNY', tripType: 'round_trip', passengers: 6,
 *   legs: [{ from: 'TEB', to: 'VNY', date: '2026-12-12' }, { from: 'VNY', to: 'TEB', date: '2026-12-15' }] }
 */
export const CreateSessionInputSchema = z
  .strictObject({
    id: IdSchema.optional(),
    kind: SessionKindSchema,
    title: TitleSchema.optional(),
    tripType: TripTypeSchema.nullable().optional(),
    legs: FlightLegsSchema.optional(),
    passengers: PassengersSchema.nullable().optional(),
    stage: FlightRequestStageSchema.nullable().optional(),
    metadata: MetadataInputSchema.optional(),
    externalRef: ExternalRefSchema.nullable().optional(),
    pinned: z.boolean().optional(),
  })
  .superRefine((input, ctx) => {
    if (input.kind !== 'general') return;
    for (const field of flightFields) {
      const value = input[field];
      const empty =
        value === undefined || value === null || (Array.isArray(value) && value.length === 0);
      if (!empty)
        ctx.addIssue({
          code: 'custom',
          path: [field],
          message: 'A general chat has no flight-request fields',
        });
    }
  });
/** What creating a session takes. */
export type CreateSessionInput = z.input<typeof CreateSessionInputSchema>;

/**
 * The fields `update` may change. Absent fields are left alone; `null` clears a field. At least
 * one field.
 */
export const SessionPatchSchema = z
  .strictObject({
    title: TitleSchema.optional(),
    tripType: TripTypeSchema.nullable().optional(),
    legs: FlightLegsSchema.optional(),
    passengers: PassengersSchema.nullable().optional(),
    stage: FlightRequestStageSchema.optional(),
    metadata: MetadataInputSchema.optional(),
    externalRef: ExternalRefSchema.nullable().optional(),
  })
  .refine(
    (patch) => Object.values(patch).some((value) => value !== undefined),
    'A patch changes at least one field',
  );
/** A change to a session's fields. */
export type SessionPatch = z.input<typeof SessionPatchSchema>;

/** An instant, as an ISO 8601 string with a time zone or a `Date`. */
export const InstantSchema = z.union([
  z.iso.datetime({ offset: true, message: 'A time is an ISO 8601 timestamp with a time zone' }),
  z.date().transform((date) => date.toISOString()),
]);

/** A row version for optimistic concurrency (`Session.version`). */
export const ExpectedVersionSchema = z.number().int().positive();

/**
 * A lifecycle action and its arguments: `outcome` with (and only with) `complete`, `resumeAt`
 * only with `pause`; `expectedVersion` turns a stale view into a `conflict`.
 */
export const TransitionInputSchema = z
  .strictObject({
    action: LifecycleActionSchema,
    outcome: CompletionOutcomeSchema.optional(),
    resumeAt: InstantSchema.optional(),
    expectedVersion: ExpectedVersionSchema.optional(),
  })
  .superRefine((input, ctx) => {
    if (input.action === 'complete' && input.outcome === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['outcome'],
        message: 'Completing a session records an outcome: won, lost or cancelled',
      });
    }
    if (input.action !== 'complete' && input.outcome !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['outcome'],
        message: 'An outcome is recorded only when completing',
      });
    }
    if (input.action !== 'pause' && input.resumeAt !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['resumeAt'],
        message: 'A resume time goes with pause',
      });
    }
  });
/** A lifecycle action and its arguments. */
export type TransitionInput = z.input<typeof TransitionInputSchema>;

/** List orders: `recent` (pinned first, then last activity) or `attention` (needs a reply first). */
export const SessionSortSchema = z.enum(['recent', 'attention']);
/** `recent` or `attention`. */
export type SessionSort = z.infer<typeof SessionSortSchema>;

/** A search: at most 200 characters, matched against title, airports and last message. */
export const SearchSchema = z.string().max(200, 'A search has at most 200 characters');

/** One page of a list: tab, order, search, the cursor from the previous page, page size (1–200). */
export const ListSessionsQuerySchema = z.strictObject({
  tab: ListTabSchema.default('active'),
  sort: SessionSortSchema.default('recent'),
  search: SearchSchema.nullable().optional(),
  cursor: SessionCursorSchema.nullable().optional(),
  limit: z.number().int().min(1).max(200).optional(),
});
/** Which page of which list to load. */
export type ListSessionsQuery = z.input<typeof ListSessionsQuerySchema>;

/**
 * A message to append. `id` is generated when omitted; retrying with the same id never
 * duplicates. `threadId` posts the broker's message into an operator thread.
 */
export const AppendMessageInputSchema = z.strictObject({
  id: IdSchema.optional(),
  sessionId: IdSchema,
  content: text(1, MAX_MESSAGE_LENGTH, 'A message'),
  role: MessageRoleSchema.optional(),
  contentType: MessageContentTypeSchema.optional(),
  richContent: RichContentSchema.nullable().optional(),
  threadId: IdSchema.nullable().optional(),
});
/** A message to append. */
export type AppendMessageInput = z.input<typeof AppendMessageInputSchema>;

/** A message seq (positive). */
export const SeqSchema = z.number().int().nonnegative();

/**
 * A page of messages: the newest by default, `beforeSeq` for earlier ones, `afterSeq` to catch
 * up (not both). `threadId` selects an operator thread; omitted or null is the main conversation.
 */
export const ListMessagesQuerySchema = z
  .strictObject({
    sessionId: IdSchema,
    threadId: IdSchema.nullable().optional(),
    beforeSeq: SeqSchema.optional(),
    afterSeq: SeqSchema.optional(),
    limit: z.number().int().min(1).max(200).optional(),
  })
  .refine((query) => query.beforeSeq === undefined || query.afterSeq === undefined, {
    message: 'Page before a seq or after one, not both',
    path: ['afterSeq'],
  });
/** Which page of messages to load. */
export type ListMessagesQuery = z.input<typeof ListMessagesQuerySchema>;

/** An operator's display name: 1–200 characters once trimmed. */
export const OperatorNameSchema = z.string().refine((value) => {
  const length = charLength(value.trim());
  return length >= 1 && length <= 200;
}, 'An operator name has 1 to 200 characters');

/** Opening a thread with an operator. Idempotent on `id` and on `externalRef` within the session. */
export const OpenOperatorThreadInputSchema = z.strictObject({
  id: IdSchema.optional(),
  sessionId: IdSchema,
  operatorName: OperatorNameSchema,
  externalRef: ExternalRefSchema.nullable().optional(),
});
/** What opening an operator thread takes. */
export type OpenOperatorThreadInput = z.input<typeof OpenOperatorThreadInputSchema>;

/**
 * An inbound operator message (service role only). Names the thread by `threadId` or by the
 * operator's `threadExternalRef`; with `operatorName` a missing thread is opened. Idempotent
 * on `messageId` (generated when omitted: pass the webhook's own id to make redeliveries safe).
 */
export const RecordOperatorMessageInputSchema = z
  .strictObject({
    messageId: IdSchema.optional(),
    sessionId: IdSchema,
    content: text(1, MAX_MESSAGE_LENGTH, 'A message'),
    threadId: IdSchema.optional(),
    operatorName: OperatorNameSchema.optional(),
    threadExternalRef: ExternalRefSchema.optional(),
    contentType: MessageContentTypeSchema.optional(),
    richContent: RichContentSchema.nullable().optional(),
  })
  .refine((input) => input.threadId !== undefined || input.threadExternalRef !== undefined, {
    message: 'Name the thread: threadId or threadExternalRef',
    path: ['threadId'],
  });
/** What recording an inbound operator message takes. */
export type RecordOperatorMessageInput = z.input<typeof RecordOperatorMessageInputSchema>;

/** Marking a thread read up to a seq (default: everything). */
export const MarkThreadReadInputSchema = z.strictObject({
  threadId: IdSchema,
  upToSeq: SeqSchema.optional(),
});
/** What marking a thread read takes. */
export type MarkThreadReadInput = z.input<typeof MarkThreadReadInputSchema>;

/** A change-feed read: after `since`, at most `limit` (1–1000) changes, messages or not. */
export const ChangesQuerySchema = z.strictObject({
  since: z.number().int().nonnegative(),
  limit: z.number().int().min(1).max(1000).optional(),
  includeMessages: z.boolean().optional(),
});
/** Which change-feed batch to read. */
export type ChangesQuery = z.input<typeof ChangesQuerySchema>;

/** Purging the trash: sessions deleted more than `olderThanDays` days ago (default 30). */
export const PurgeTrashInputSchema = z.strictObject({
  olderThanDays: z.number().min(0).max(36500).optional(),
});
/** What purging the trash takes. */
export type PurgeTrashInput = z.input<typeof PurgeTrashInputSchema>;
