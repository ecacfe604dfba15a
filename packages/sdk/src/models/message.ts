import { z } from 'zod';

/**
 * Who wrote a message: the broker, the AI assistant, the system (e.g. "quote received"), or an
 * aircraft operator (only inside an operator thread, recorded by the service role).
 */
export const MessageRoleSchema = z.enum(['broker', 'assistant', 'system', 'operator']);
/** `broker`, `assistant`, `system` or `operator`. */
export type MessageRole = z.infer<typeof MessageRoleSchema>;

/** How `content` is meant to be displayed. */
export const MessageContentTypeSchema = z.enum(['text', 'markdown', 'quote']);
/** `text`, `markdown` or `quote`. */
export type MessageContentType = z.infer<typeof MessageContentTypeSchema>;

/** Longest message the database accepts, in characters. */
export const MAX_MESSAGE_LENGTH = 32000;

/** Structured content attached to a message (a quote's figures, a card): a JSON object or array. */
export const RichContentSchema = z.union([z.record(z.string(), z.unknown()), z.array(z.unknown())]);
/** A JSON object or array of at most 64 KB. */
export type RichContent = z.infer<typeof RichContentSchema>;

/**
 * A message as the database returns it (`chat.messages`), parsed from snake_case into
 * camelCase. `seq` is assigned by the database per session and strictly increases: it is the
 * order and the pagination key. `threadId` is null in the main conversation.
 */
export const MessageRowSchema = z
  .object({
    id: z.uuid(),
    session_id: z.uuid(),
    thread_id: z.uuid().nullable(),
    owner_id: z.uuid(),
    seq: z.number().int().positive(),
    role: MessageRoleSchema,
    content: z.string(),
    content_type: MessageContentTypeSchema,
    rich_content: RichContentSchema.nullable(),
    created_at: z.string().min(1),
    sync_version: z.number().int().nonnegative(),
  })
  .transform((row) => ({
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
  }));

/** A saved message of a session's conversation or of one of its operator threads. */
export type Message = z.output<typeof MessageRowSchema>;

/** One page of messages: `items` in ascending `seq`; `hasMore` says a further page exists. */
export const MessagePageSchema = z
  .object({ items: z.array(MessageRowSchema), has_more: z.boolean() })
  .transform((page) => ({ items: page.items, hasMore: page.has_more }));

/** One page of messages, oldest first. */
export type MessagePage = z.output<typeof MessagePageSchema>;
