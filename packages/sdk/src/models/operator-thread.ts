import { z } from 'zod';

/** Where a conversation with an operator stands. */
export const OperatorThreadStatusSchema = z.enum(['open', 'quoted', 'declined', 'closed']);
/** `open`, `quoted`, `declined` or `closed`. */
export type OperatorThreadStatus = z.infer<typeof OperatorThreadStatusSchema>;

/**
 * An operator thread as the database returns it (`chat.operator_threads`), parsed into
 * camelCase. `unreadCount` counts operator messages after the read cursor `lastReadSeq`.
 */
export const OperatorThreadRowSchema = z
  .object({
    id: z.uuid(),
    session_id: z.uuid(),
    owner_id: z.uuid(),
    operator_name: z.string(),
    external_ref: z.string().nullable(),
    status: OperatorThreadStatusSchema,
    last_message_preview: z.string().nullable(),
    last_message_at: z.string().nullable(),
    last_seq: z.number().int().nonnegative(),
    last_read_seq: z.number().int().nonnegative(),
    message_count: z.number().int().nonnegative(),
    inbound_count: z.number().int().nonnegative(),
    unread_count: z.number().int().nonnegative(),
    created_at: z.string().min(1),
    updated_at: z.string().min(1),
    sync_version: z.number().int().nonnegative(),
  })
  .transform((row) => ({
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
  }));

/** A conversation with one aircraft operator contacted for a flight request. */
export type OperatorThread = z.output<typeof OperatorThreadRowSchema>;
