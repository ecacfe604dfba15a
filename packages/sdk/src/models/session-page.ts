import * as z from 'zod/mini';
import { SessionRowSchema } from './session.js';

/**
 * Where the next page of a session list starts. Opaque: pass back what `list_sessions`
 * returned. (Its fields are the keyset of the last row: bucket, pinned, time, id.)
 */
export const SessionCursorSchema = z.record(z.string(), z.unknown());
/** An opaque keyset cursor returned by a session page. */
export type SessionCursor = z.infer<typeof SessionCursorSchema>;

/**
 * One page of a tab: the sessions, the cursor of the next page (null at the end) and the
 * change-feed version the page is consistent with.
 */
export const SessionPageSchema = z.pipe(
  z.object({
    items: z.array(SessionRowSchema),
    next_cursor: z.nullable(SessionCursorSchema),
    version: z.number().check(z.int(), z.nonnegative()),
  }),
  z.transform((page) => ({
    items: page.items,
    nextCursor: page.next_cursor,
    version: page.version,
  })),
);

/** One page of sessions. */
export type SessionPage = z.output<typeof SessionPageSchema>;
