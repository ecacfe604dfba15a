import * as z from 'zod/mini';
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
  return z.string().check(
    z.refine(
      (value) => {
        const length = charLength(value);
        return length >= min && length <= max;
      },
      `${what} has ${min === 0 ? 'at most' : `${min} to`} ${max} characters`,
    ),
  );
}

/** A row id: a uuid. */
export const IdSchema = z.uuid({ error: 'An id is a uuid' });

/** A session title: at most 200 characters (surrounding spaces are trimmed by the database). */
export const TitleSchema = z
  .string()
  .check(
    z.refine((value) => charLength(value.trim()) <= 200, 'A title has at most 200 characters'),
  );

/** A host's reference for a session or thread (e.g. a marketplace trip id): 1–200 characters. */
export const ExternalRefSchema = text(1, 200, 'An external reference');

/** Limits the database enforces on metadata. */
const MetadataInputSchema = SessionMetadataSchema.check(
  z.refine(
    (value) => new TextEncoder().encode(JSON.stringify(value)).length <= 16384,
    'Metadata is limited to 16 KB',
  ),
);

const flightFields = ['tripType', 'legs', 'passengers', 'stage'] as const;

/**
 * The broker's first message of a session being created (quick create's typed text): written in
 * the same transaction as the session. `id` is generated when omitted.
 */
export const FirstMessageInputSchema = z.strictObject({
  id: z.optional(IdSchema),
  content: text(1, MAX_MESSAGE_LENGTH, 'A message'),
});
/** The broker's first message of a session being created. */
export type FirstMessageInput = z.input<typeof FirstMessageInputSchema>;

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
    id: z.optional(IdSchema),
    kind: SessionKindSchema,
    title: z.optional(TitleSchema),
    tripType: z.optional(z.nullable(TripTypeSchema)),
    legs: z.optional(FlightLegsSchema),
    passengers: z.optional(z.nullable(PassengersSchema)),
    stage: z.optional(z.nullable(FlightRequestStageSchema)),
    metadata: z.optional(MetadataInputSchema),
    externalRef: z.optional(z.nullable(ExternalRefSchema)),
    pinned: z.optional(z.boolean()),
    firstMessage: z.optional(FirstMessageInputSchema),
  })
  .check(
    z.superRefine((input, ctx) => {
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
    }),
  );
/** What creating a session takes. */
export type CreateSessionInput = z.input<typeof CreateSessionInputSchema>;

/**
 * The fields `update` may change. Absent fields are left alone; `null` clears a field. At least
 * one field.
 */
export const SessionPatchSchema = z
  .strictObject({
    title: z.optional(TitleSchema),
    tripType: z.optional(z.nullable(TripTypeSchema)),
    legs: z.optional(FlightLegsSchema),
    passengers: z.optional(z.nullable(PassengersSchema)),
    stage: z.optional(FlightRequestStageSchema),
    metadata: z.optional(MetadataInputSchema),
    externalRef: z.optional(z.nullable(ExternalRefSchema)),
  })
  .check(
    z.refine(
      // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- Object.values drops the undefined of optional fields
      (patch) => Object.values(patch).some((value) => value !== undefined),
      'A patch changes at least one field',
    ),
  );
/** A change to a session's fields. */
export type SessionPatch = z.input<typeof SessionPatchSchema>;

/** An instant, as an ISO 8601 string with a time zone or a `Date`. */
export const InstantSchema = z.union([
  z.iso.datetime({ offset: true, error: 'A time is an ISO 8601 timestamp with a time zone' }),
  z.pipe(
    z.date(),
    z.transform((date: Date) => date.toISOString()),
  ),
]);

/** A row version for optimistic concurrency (`Session.version`). */
export const ExpectedVersionSchema = z.number().check(z.int(), z.positive());

/**
 * A lifecycle action and its arguments: `outcome` with (and only with) `complete`, `resumeAt`
 * only with `pause`; `expectedVersion` turns a stale view into a `conflict`.
 */
export const TransitionInputSchema = z
  .strictObject({
    action: LifecycleActionSchema,
    outcome: z.optional(CompletionOutcomeSchema),
    resumeAt: z.optional(InstantSchema),
    expectedVersion: z.optional(ExpectedVersionSchema),
  })
  .check(
    z.superRefine((input, ctx) => {
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
    }),
  );
/** A lifecycle action and its arguments. */
export type TransitionInput = z.input<typeof TransitionInputSchema>;

/** List orders: `recent` (pinned first, then last activity) or `attention` (needs a reply first). */
export const SessionSortSchema = z.enum(['recent', 'attention']);
/** `recent` or `attention`. */
export type SessionSort = z.infer<typeof SessionSortSchema>;

/** A search: at most 200 characters, matched against title, airport codes, names and cities, and message text. */
export const SearchSchema = z
  .string()
  .check(z.maxLength(200, 'A search has at most 200 characters'));

/** One page of a list: tab, order, search, the cursor from the previous page, page size (1–200). */
export const ListSessionsQuerySchema = z.strictObject({
  tab: z._default(ListTabSchema, 'active'),
  sort: z._default(SessionSortSchema, 'recent'),
  search: z.optional(z.nullable(SearchSchema)),
  cursor: z.optional(z.nullable(SessionCursorSchema)),
  limit: z.optional(z.number().check(z.int(), z.gte(1), z.lte(200))),
});
/** Which page of which list to load. */
export type ListSessionsQuery = z.input<typeof ListSessionsQuerySchema>;

/**
 * A message to append. `id` is generated when omitted; retrying with the same id never
 * duplicates. `threadId` posts the broker's message into an operator thread.
 */
export const AppendMessageInputSchema = z.strictObject({
  id: z.optional(IdSchema),
  sessionId: IdSchema,
  content: text(1, MAX_MESSAGE_LENGTH, 'A message'),
  role: z.optional(MessageRoleSchema),
  contentType: z.optional(MessageContentTypeSchema),
  richContent: z.optional(z.nullable(RichContentSchema)),
  threadId: z.optional(z.nullable(IdSchema)),
});
/** A message to append. */
export type AppendMessageInput = z.input<typeof AppendMessageInputSchema>;

/** A message seq (positive). */
export const SeqSchema = z.number().check(z.int(), z.nonnegative());

/**
 * A page of messages: the newest by default, `beforeSeq` for earlier ones, `afterSeq` to catch
 * up (not both). `threadId` selects an operator thread; omitted or null is the main conversation.
 */
export const ListMessagesQuerySchema = z
  .strictObject({
    sessionId: IdSchema,
    threadId: z.optional(z.nullable(IdSchema)),
    beforeSeq: z.optional(SeqSchema),
    afterSeq: z.optional(SeqSchema),
    limit: z.optional(z.number().check(z.int(), z.gte(1), z.lte(200))),
  })
  .check(
    z.refine((query) => query.beforeSeq === undefined || query.afterSeq === undefined, {
      error: 'Page before a seq or after one, not both',
      path: ['afterSeq'],
    }),
  );
/** Which page of messages to load. */
export type ListMessagesQuery = z.input<typeof ListMessagesQuerySchema>;

/** An operator's display name: 1–200 characters once trimmed. */
export const OperatorNameSchema = z.string().check(
  z.refine((value) => {
    const length = charLength(value.trim());
    return length >= 1 && length <= 200;
  }, 'An operator name has 1 to 200 characters'),
);

/** Opening a thread with an operator. Idempotent on `id` and on `externalRef` within the session. */
export const OpenOperatorThreadInputSchema = z.strictObject({
  id: z.optional(IdSchema),
  sessionId: IdSchema,
  operatorName: OperatorNameSchema,
  externalRef: z.optional(z.nullable(ExternalRefSchema)),
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
    messageId: z.optional(IdSchema),
    sessionId: IdSchema,
    content: text(1, MAX_MESSAGE_LENGTH, 'A message'),
    threadId: z.optional(IdSchema),
    operatorName: z.optional(OperatorNameSchema),
    threadExternalRef: z.optional(ExternalRefSchema),
    contentType: z.optional(MessageContentTypeSchema),
    richContent: z.optional(z.nullable(RichContentSchema)),
  })
  .check(
    z.refine((input) => input.threadId !== undefined || input.threadExternalRef !== undefined, {
      error: 'Name the thread: threadId or threadExternalRef',
      path: ['threadId'],
    }),
  );
/** What recording an inbound operator message takes. */
export type RecordOperatorMessageInput = z.input<typeof RecordOperatorMessageInputSchema>;

/** Marking a thread read up to a seq (default: everything). */
export const MarkThreadReadInputSchema = z.strictObject({
  threadId: IdSchema,
  upToSeq: z.optional(SeqSchema),
});
/** What marking a thread read takes. */
export type MarkThreadReadInput = z.input<typeof MarkThreadReadInputSchema>;

/** A change-feed read: after `since`, at most `limit` (1–1000) changes, messages or not. */
export const ChangesQuerySchema = z.strictObject({
  since: z.number().check(z.int(), z.nonnegative()),
  limit: z.optional(z.number().check(z.int(), z.gte(1), z.lte(1000))),
  includeMessages: z.optional(z.boolean()),
});
/** Which change-feed batch to read. */
export type ChangesQuery = z.input<typeof ChangesQuerySchema>;

/** Purging the trash: sessions deleted more than `olderThanDays` days ago (default 30). */
export const PurgeTrashInputSchema = z.strictObject({
  olderThanDays: z.optional(z.number().check(z.gte(0), z.lte(36500))),
});
/** What purging the trash takes. */
export type PurgeTrashInput = z.input<typeof PurgeTrashInputSchema>;
