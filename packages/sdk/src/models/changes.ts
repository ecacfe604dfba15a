import * as z from 'zod/mini';
import { MessageRowSchema } from './message.js';
import { OperatorThreadRowSchema } from './operator-thread.js';
import { SessionRowSchema } from './session.js';

/** What a hard deletion (purge) removed: a session, a thread or a message. */
export const DeletedEntitySchema = z.object({
  entity: z.enum(['session', 'thread', 'message']),
  id: z.uuid(),
});
/** A purged row: its kind and id. */
export type DeletedEntity = z.infer<typeof DeletedEntitySchema>;

/**
 * Everything of the signed-in broker that changed after a version, in clock order. Pass
 * `version` back as the next `since`; `hasMore` says another batch is waiting. Sessions moved
 * to the trash come back with `deletedAt` set; purged rows are listed in `deleted`.
 */
export const ChangeBatchSchema = z.pipe(
  z.object({
    version: z.number().check(z.int(), z.nonnegative()),
    has_more: z.boolean(),
    sessions: z.array(SessionRowSchema),
    threads: z.array(OperatorThreadRowSchema),
    messages: z.array(MessageRowSchema),
    deleted: z.array(DeletedEntitySchema),
  }),
  z.transform((batch) => ({
    version: batch.version,
    hasMore: batch.has_more,
    sessions: batch.sessions,
    threads: batch.threads,
    messages: batch.messages,
    deleted: batch.deleted,
  })),
);

/** One batch of the change feed. */
export type ChangeBatch = z.output<typeof ChangeBatchSchema>;
