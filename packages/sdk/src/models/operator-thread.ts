import * as s from '../schema/index.js';

/** Where a conversation with an operator stands. */
export const OperatorThreadStatusSchema = s.enum(['open', 'quoted', 'declined', 'closed']);
/** `open`, `quoted`, `declined` or `closed`. */
export type OperatorThreadStatus = s.Infer<typeof OperatorThreadStatusSchema>;

/**
 * An operator thread as the database returns it (`chat.operator_threads`), parsed into
 * camelCase. `unreadCount` counts operator messages after the read cursor `lastReadSeq`.
 */
export const OperatorThreadRowSchema = s.pipe(
  s.object({
    id: s.uuid(),
    session_id: s.uuid(),
    owner_id: s.uuid(),
    operator_name: s.string(),
    external_ref: s.nullable(s.string()),
    status: OperatorThreadStatusSchema,
    last_message_preview: s.nullable(s.string()),
    last_message_at: s.nullable(s.string()),
    last_seq: s.number().check(s.int(), s.nonnegative()),
    last_read_seq: s.number().check(s.int(), s.nonnegative()),
    message_count: s.number().check(s.int(), s.nonnegative()),
    inbound_count: s.number().check(s.int(), s.nonnegative()),
    unread_count: s.number().check(s.int(), s.nonnegative()),
    created_at: s.string().check(s.minLength(1)),
    updated_at: s.string().check(s.minLength(1)),
    sync_version: s.number().check(s.int(), s.nonnegative()),
  }),
  s.transform((row) => ({
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
export type OperatorThread = s.Output<typeof OperatorThreadRowSchema>;
