import * as s from '../schema/index.js';
import { SessionRowSchema } from './session.js';

/**
 * Where the next page of a session list starts. Opaque: pass back what `list_sessions`
 * returned. (Its fields are the keyset of the last row: bucket, pinned, time, id.)
 */
export const SessionCursorSchema = s.record(s.unknown());
/** An opaque keyset cursor returned by a session page. */
export type SessionCursor = s.Infer<typeof SessionCursorSchema>;

/**
 * One page of a tab: the sessions, the cursor of the next page (null at the end) and the
 * change-feed version the page is consistent with.
 */
export const SessionPageSchema = s.pipe(
  s.object({
    items: s.array(SessionRowSchema),
    next_cursor: s.nullable(SessionCursorSchema),
    version: s.number().check(s.int(), s.nonnegative()),
  }),
  s.transform((page) => ({
    items: page.items,
    nextCursor: page.next_cursor,
    version: page.version,
  })),
);

/** One page of sessions. */
export type SessionPage = s.Output<typeof SessionPageSchema>;
