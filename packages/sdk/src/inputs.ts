import * as s from './schema/index.js';
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
  return s.string().check(
    s.refine(
      (value) => {
        const length = charLength(value);
        return length >= min && length <= max;
      },
      `${what} has ${min === 0 ? 'at most' : `${min} to`} ${max} characters`,
    ),
  );
}

/** A row id: a uuid. */
export const IdSchema = s.uuid('An id is a uuid');

/** A session title: at most 200 characters (surrounding spaces are trimmed by the database). */
export const TitleSchema = s
  .string()
  .check(
    s.refine((value) => charLength(value.trim()) <= 200, 'A title has at most 200 characters'),
  );

/** A host's reference for a session or thread (e.g. a marketplace trip id): 1–200 characters. */
export const ExternalRefSchema = text(1, 200, 'An external reference');

/** Limits the database enforces on metadata. */
const MetadataInputSchema = SessionMetadataSchema.check(
  s.refine(
    (value) => new TextEncoder().encode(JSON.stringify(value)).length <= 16384,
    'Metadata is limited to 16 KB',
  ),
);

const flightFields = ['tripType', 'legs', 'passengers', 'stage'] as const;

/**
 * The broker's first message of a session being created (quick create's typed text): written in
 * the same transaction as the session. `id` is generated when omitted.
 */
export const FirstMessageInputSchema = s.strictObject({
  id: s.optional(IdSchema),
  content: text(1, MAX_MESSAGE_LENGTH, 'A message'),
});
/** The broker's first message of a session being created. */
export type FirstMessageInput = s.Input<typeof FirstMessageInputSchema>;

/**
 * What creating a session takes. `id` is generated when omitted; pass your own to make a create
 * you may repeat (e.g. from a queue) idempotent. A general chat has no flight-request fields.
 *
 * @example
 * { kind: 'flight_request', title: 'TEB → VNY', tripType: 'round_trip', passengers: 6,
 *   legs: [{ from: 'TEB', to: 'VNY', date: '2026-12-12' }, { from: 'VNY', to: 'TEB', date: '2026-12-15' }] }
 */
export const CreateSessionInputSchema = s
  .strictObject({
    id: s.optional(IdSchema),
    kind: SessionKindSchema,
    title: s.optional(TitleSchema),
    tripType: s.optional(s.nullable(TripTypeSchema)),
    legs: s.optional(FlightLegsSchema),
    passengers: s.optional(s.nullable(PassengersSchema)),
    stage: s.optional(s.nullable(FlightRequestStageSchema)),
    metadata: s.optional(MetadataInputSchema),
    externalRef: s.optional(s.nullable(ExternalRefSchema)),
    pinned: s.optional(s.boolean()),
    firstMessage: s.optional(FirstMessageInputSchema),
  })
  .check(
    s.superRefine((input, ctx) => {
      if (input.kind !== 'general') return;
      for (const field of flightFields) {
        const value = input[field];
        const empty =
          value === undefined || value === null || (Array.isArray(value) && value.length === 0);
        if (!empty)
          ctx.addIssue({
            path: [field],
            message: 'A general chat has no flight-request fields',
          });
      }
    }),
  );
/** What creating a session takes. */
export type CreateSessionInput = s.Input<typeof CreateSessionInputSchema>;

/**
 * The fields `update` may change. Absent fields are left alone; `null` clears a field. At least
 * one field.
 */
export const SessionPatchSchema = s
  .strictObject({
    title: s.optional(TitleSchema),
    tripType: s.optional(s.nullable(TripTypeSchema)),
    legs: s.optional(FlightLegsSchema),
    passengers: s.optional(s.nullable(PassengersSchema)),
    stage: s.optional(FlightRequestStageSchema),
    metadata: s.optional(MetadataInputSchema),
    externalRef: s.optional(s.nullable(ExternalRefSchema)),
  })
  .check(
    s.refine(
      // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- Object.values drops the undefined of optional fields
      (patch) => Object.values(patch).some((value) => value !== undefined),
      'A patch changes at least one field',
    ),
  );
/** A change to a session's fields. */
export type SessionPatch = s.Input<typeof SessionPatchSchema>;

/** An instant, as an ISO 8601 string with a time zone or a `Date`. */
export const InstantSchema = s.union([
  s.isoDateTime('A time is an ISO 8601 timestamp with a time zone'),
  s.pipe(
    s.date(),
    s.transform((date: Date) => date.toISOString()),
  ),
]);

/** A row version for optimistic concurrency (`Session.version`). */
export const ExpectedVersionSchema = s.number().check(s.int(), s.positive());

/**
 * A lifecycle action and its arguments: `outcome` with (and only with) `complete`, `resumeAt`
 * only with `pause`; `expectedVersion` turns a stale view into a `conflict`.
 */
export const TransitionInputSchema = s
  .strictObject({
    action: LifecycleActionSchema,
    outcome: s.optional(CompletionOutcomeSchema),
    resumeAt: s.optional(InstantSchema),
    expectedVersion: s.optional(ExpectedVersionSchema),
  })
  .check(
    s.superRefine((input, ctx) => {
      if (input.action === 'complete' && input.outcome === undefined) {
        ctx.addIssue({
          path: ['outcome'],
          message: 'Completing a session records an outcome: won, lost or cancelled',
        });
      }
      if (input.action !== 'complete' && input.outcome !== undefined) {
        ctx.addIssue({
          path: ['outcome'],
          message: 'An outcome is recorded only when completing',
        });
      }
      if (input.action !== 'pause' && input.resumeAt !== undefined) {
        ctx.addIssue({
          path: ['resumeAt'],
          message: 'A resume time goes with pause',
        });
      }
    }),
  );
/** A lifecycle action and its arguments. */
export type TransitionInput = s.Input<typeof TransitionInputSchema>;

/** List orders: `recent` (pinned first, then last activity) or `attention` (needs a reply first). */
export const SessionSortSchema = s.enum(['recent', 'attention']);
/** `recent` or `attention`. */
export type SessionSort = s.Infer<typeof SessionSortSchema>;

/** A search: at most 200 characters, matched against title, airport codes, names and cities, and message text. */
export const SearchSchema = s
  .string()
  .check(s.maxLength(200, 'A search has at most 200 characters'));

/** One page of a list: tab, order, search, the cursor from the previous page, page size (1–200). */
export const ListSessionsQuerySchema = s.strictObject({
  tab: s.withDefault(ListTabSchema, 'active'),
  sort: s.withDefault(SessionSortSchema, 'recent'),
  search: s.optional(s.nullable(SearchSchema)),
  cursor: s.optional(s.nullable(SessionCursorSchema)),
  limit: s.optional(s.number().check(s.int(), s.gte(1), s.lte(200))),
});
/** Which page of which list to load. */
export type ListSessionsQuery = s.Input<typeof ListSessionsQuerySchema>;

/**
 * A message to append. `id` is generated when omitted; retrying with the same id never
 * duplicates. `threadId` posts the broker's message into an operator thread.
 */
export const AppendMessageInputSchema = s.strictObject({
  id: s.optional(IdSchema),
  sessionId: IdSchema,
  content: text(1, MAX_MESSAGE_LENGTH, 'A message'),
  role: s.optional(MessageRoleSchema),
  contentType: s.optional(MessageContentTypeSchema),
  richContent: s.optional(s.nullable(RichContentSchema)),
  threadId: s.optional(s.nullable(IdSchema)),
});
/** A message to append. */
export type AppendMessageInput = s.Input<typeof AppendMessageInputSchema>;

/** A message seq (positive). */
export const SeqSchema = s.number().check(s.int(), s.nonnegative());

/**
 * A page of messages: the newest by default, `beforeSeq` for earlier ones, `afterSeq` to catch
 * up (not both). `threadId` selects an operator thread; omitted or null is the main conversation.
 */
export const ListMessagesQuerySchema = s
  .strictObject({
    sessionId: IdSchema,
    threadId: s.optional(s.nullable(IdSchema)),
    beforeSeq: s.optional(SeqSchema),
    afterSeq: s.optional(SeqSchema),
    limit: s.optional(s.number().check(s.int(), s.gte(1), s.lte(200))),
  })
  .check(
    s.refine(
      (query) => query.beforeSeq === undefined || query.afterSeq === undefined,
      'Page before a seq or after one, not both',
      ['afterSeq'],
    ),
  );
/** Which page of messages to load. */
export type ListMessagesQuery = s.Input<typeof ListMessagesQuerySchema>;

/** An operator's display name: 1–200 characters once trimmed. */
export const OperatorNameSchema = s.string().check(
  s.refine((value) => {
    const length = charLength(value.trim());
    return length >= 1 && length <= 200;
  }, 'An operator name has 1 to 200 characters'),
);

/** Opening a thread with an operator. Idempotent on `id` and on `externalRef` within the session. */
export const OpenOperatorThreadInputSchema = s.strictObject({
  id: s.optional(IdSchema),
  sessionId: IdSchema,
  operatorName: OperatorNameSchema,
  externalRef: s.optional(s.nullable(ExternalRefSchema)),
});
/** What opening an operator thread takes. */
export type OpenOperatorThreadInput = s.Input<typeof OpenOperatorThreadInputSchema>;

/**
 * An inbound operator message (service role only). Names the thread by `threadId` or by the
 * operator's `threadExternalRef`; with `operatorName` a missing thread is opened. Idempotent
 * on `messageId` (generated when omitted: pass the webhook's own id to make redeliveries safe).
 */
export const RecordOperatorMessageInputSchema = s
  .strictObject({
    messageId: s.optional(IdSchema),
    sessionId: IdSchema,
    content: text(1, MAX_MESSAGE_LENGTH, 'A message'),
    threadId: s.optional(IdSchema),
    operatorName: s.optional(OperatorNameSchema),
    threadExternalRef: s.optional(ExternalRefSchema),
    contentType: s.optional(MessageContentTypeSchema),
    richContent: s.optional(s.nullable(RichContentSchema)),
  })
  .check(
    s.refine(
      (input) => input.threadId !== undefined || input.threadExternalRef !== undefined,
      'Name the thread: threadId or threadExternalRef',
      ['threadId'],
    ),
  );
/** What recording an inbound operator message takes. */
export type RecordOperatorMessageInput = s.Input<typeof RecordOperatorMessageInputSchema>;

/** Marking a thread read up to a seq (default: everything). */
export const MarkThreadReadInputSchema = s.strictObject({
  threadId: IdSchema,
  upToSeq: s.optional(SeqSchema),
});
/** What marking a thread read takes. */
export type MarkThreadReadInput = s.Input<typeof MarkThreadReadInputSchema>;

/** A change-feed read: after `since`, at most `limit` (1–1000) changes, messages or not. */
export const ChangesQuerySchema = s.strictObject({
  since: s.number().check(s.int(), s.nonnegative()),
  limit: s.optional(s.number().check(s.int(), s.gte(1), s.lte(1000))),
  includeMessages: s.optional(s.boolean()),
});
/** Which change-feed batch to read. */
export type ChangesQuery = s.Input<typeof ChangesQuerySchema>;

/** Purging the trash: sessions deleted more than `olderThanDays` days ago (default 30). */
export const PurgeTrashInputSchema = s.strictObject({
  olderThanDays: s.optional(s.number().check(s.gte(0), s.lte(36500))),
});
/** What purging the trash takes. */
export type PurgeTrashInput = s.Input<typeof PurgeTrashInputSchema>;
