import * as z from 'zod/mini';

/** Where a conversation with an operator stands. */
export const OperatorThreadStatusSchema = z.enum(['open', 'quoted', 'declined', 'closed']);
/** `open`, `quoted`, `declined` or `closed`. */
export type OperatorThreadStatus = z.infer<typeof OperatorThreadStatusSchema>;

/**
 * An operator thread as the database returns it (`chat.operator_threads`), parsed into
 * camelCase. `unreadCount` counts operator messages after the read cursor `lastReadSeq`.
 */
export const OperatorThreadRowSchema = z.pipe(
  z.object({
    id: z.uuid(),
    session_id: z.uuid(),
    owner_id: z.uuid(),
    operator_name: z.string(),
    external_ref: z.nullable(z.string()),
    status: OperatorThreadStatusSchema,
    last_message_preview: z.nullable(z.string()),
    last_message_at: z.nullable(z.string()),
    last_seq: z.number().check(z.int(), z.nonnegative()),
    last_read_seq: z.number().check(z.int(), z.nonnegative()),
    message_count: z.number().check(z.int(), z.nonnegative()),
    inbound_count: z.number().check(z.int(), z.nonnegative()),
    unread_count: z.number().check(z.int(), z.nonnegative()),
    created_at: z.string().check(z.minLength(1)),
    updated_at: z.string().check(z.minLength(1)),
    sync_version: z.number().check(z.int(), z.nonnegative()),
  }),
  z.transform((row) => ({
    id: row.id,
    sessionId: row.session_id,
    ownerId: row.owner_id,
    operatorName: row.operator_name,
    externalRef: row.external_ref,
    status: row.status,
    lastMessagePreview: row.last_message_preview,
    lastMessageAt: row.last_message_at,
    lastSeq: row.last_seq,
    lastReadSeq: row.last_read_seq,
    messageCount: row.message_count,
    inboundCount: row.inbound_count,
    unreadCount: row.unread_count,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    syncVersion: row.sync_version,
  })),
);

/** A conversation with one aircraft operator contacted for a flight request. */
export type OperatorThread = z.output<typeof OperatorThreadRowSchema>;
