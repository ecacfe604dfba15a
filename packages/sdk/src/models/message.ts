import * as s from '../schema/index.js';

/**
 * Who wrote a message: the broker, the AI assistant, the system (e.g. "quote received"), or an
 * aircraft operator (only inside an operator thread, recorded by the service role).
 */
export const MessageRoleSchema = s.enum(['broker', 'assistant', 'system', 'operator']);
/** `broker`, `assistant`, `system` or `operator`. */
export type MessageRole = s.Infer<typeof MessageRoleSchema>;

/** How `content` is meant to be displayed: what a client may send. */
export const MessageContentTypeSchema = s.enum(['text', 'markdown', 'quote']);
/** `text`, `markdown` or `quote`. */
export type MessageContentType = s.Infer<typeof MessageContentTypeSchema>;

/**
 * The content type of a saved message: what a client may send, or `event`, a line the database
 * writes into the transcript when a session's stage or lifecycle changes (role `system`,
 * `richContent` a {@link SessionEvent}). Clients cannot send `event` (`forbidden`).
 */
export const MessageRowContentTypeSchema = s.enum(['text', 'markdown', 'quote', 'event']);
/** `text`, `markdown`, `quote` or `event`. */
export type MessageRowContentType = s.Infer<typeof MessageRowContentTypeSchema>;

/** Longest message the database accepts, in characters. */
export const MAX_MESSAGE_LENGTH = 32000;

/** Structured content attached to a message (a quote's figures, a card): a JSON object or array. */
export const RichContentSchema = s.union([s.record(s.unknown()), s.array(s.unknown())]);
/** A JSON object or array of at most 64 KB. */
export type RichContent = s.Infer<typeof RichContentSchema>;

/**
 * A message as the database returns it (`chat.messages`), parsed from snake_case into
 * camelCase. `seq` is assigned by the database per session and strictly increases: it is the
 * order and the pagination key. `threadId` is null in the main conversation.
 */
export const MessageRowSchema = s.pipe(
  s.object({
    id: s.uuid(),
    session_id: s.uuid(),
    thread_id: s.nullable(s.uuid()),
    owner_id: s.uuid(),
    seq: s.number().check(s.int(), s.positive()),
    role: MessageRoleSchema,
    content: s.string(),
    content_type: MessageRowContentTypeSchema,
    rich_content: s.nullable(RichContentSchema),
    created_at: s.string().check(s.minLength(1)),
    sync_version: s.number().check(s.int(), s.nonnegative()),
  }),
  s.transform((row) => ({
    id: row.id,
    sessionId: row.session_id,
    threadId: row.thread_id,
    ownerId: row.owner_id,
    seq: row.seq,
    role: row.role,
    content: row.content,
    contentType: row.content_type,
    richContent: row.rich_content,
    createdAt: row.created_at,
    syncVersion: row.sync_version,
  })),
);

/** A saved message of a session's conversation or of one of its operator threads. */
export type Message = s.Output<typeof MessageRowSchema>;

/** One page of messages: `items` in ascending `seq`; `hasMore` says a further page exists. */
export const MessagePageSchema = s.pipe(
  s.object({ items: s.array(MessageRowSchema), has_more: s.boolean() }),
  s.transform((page) => ({ items: page.items, hasMore: page.has_more })),
);

/** One page of messages, oldest first. */
export type MessagePage = s.Output<typeof MessagePageSchema>;

/** Which change an event line records. */
export const SESSION_EVENT_KINDS = [
  'stage_changed',
  'paused',
  'resumed',
  'completed',
  'reopened',
  'archived',
  'unarchived',
  'trashed',
  'restored',
] as const;

/**
 * The machine-readable part of an event line (`contentType: 'event'`): what changed, from what
 * to what (stages for `stage_changed`, statuses for lifecycle events; absent for `trashed` and
 * `restored`), the outcome of `completed` and the resume time of `paused`. The `content` is the
 * English rendering ("Stage → Proposal sent", "Completed · Won"); localize from this instead.
 * Unknown extra fields are kept, so a newer database does not break an older client.
 */
export const SessionEventSchema = s.looseObject({
  event: s.enum(SESSION_EVENT_KINDS),
  from: s.optional(s.string()),
  to: s.optional(s.string()),
  outcome: s.optional(s.enum(['won', 'lost', 'cancelled'])),
  resume_at: s.optional(s.string()),
});
/** An event line's `richContent`, parsed. */
export type SessionEvent = s.Output<typeof SessionEventSchema>;

/**
 * The event an event line records, or null for any other message (or an event of a kind this
 * SDK version does not know).
 *
 * @example
 * const event = sessionEventOf(message);
 * if (event?.event === 'stage_changed') label = t('stageChanged', { stage: event.to });
 */
export function sessionEventOf(
  message: Pick<Message, 'contentType' | 'richContent'>,
): SessionEvent | null {
  if (message.contentType !== 'event') return null;
  const parsed = SessionEventSchema.safeParse(message.richContent);
  return parsed.success ? parsed.data : null;
}
