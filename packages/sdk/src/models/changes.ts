import * as s from '../schema/index.js';
import { MessageRowSchema } from './message.js';
import { OperatorThreadRowSchema } from './operator-thread.js';
import { SessionRowSchema } from './session.js';

/** What a hard deletion (purge) removed: a session, a thread or a message. */
export const DeletedEntitySchema = s.object({
  entity: s.enum(['session', 'thread', 'message']),
  id: s.uuid(),
});
/** A purged row: its kind and id. */
export type DeletedEntity = s.Infer<typeof DeletedEntitySchema>;

/**
 * Everything of the signed-in broker that changed after a version, in clock order. Pass
 * `version` back as the next `since`; `hasMore` says another batch is waiting. Sessions moved
 * to the trash come back with `deletedAt` set; purged rows are listed in `deleted`.
 */
export const ChangeBatchSchema = s.pipe(
  s.object({
    version: s.number().check(s.int(), s.nonnegative()),
    has_more: s.boolean(),
    sessions: s.array(SessionRowSchema),
    threads: s.array(OperatorThreadRowSchema),
    messages: s.array(MessageRowSchema),
    deleted: s.array(DeletedEntitySchema),
  }),
  s.transform((batch) => ({
    version: batch.version,
    hasMore: batch.has_more,
    sessions: batch.sessions,
    threads: batch.threads,
    messages: batch.messages,
    deleted: batch.deleted,
  })),
);

/** One batch of the change feed. */
export type ChangeBatch = s.Output<typeof ChangeBatchSchema>;
