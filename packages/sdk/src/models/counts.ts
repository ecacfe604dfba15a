import { z } from 'zod';

/**
 * The numbers behind the sidebar: sessions per status, in the trash, the total of unread
 * operator replies, and the change-feed `version` they are consistent with. Kept by triggers,
 * so they are exact.
 */
export const SessionCountsSchema = z.object({
  active: z.number().int().nonnegative(),
  paused: z.number().int().nonnegative(),
  completed: z.number().int().nonnegative(),
  archived: z.number().int().nonnegative(),
  trash: z.number().int().nonnegative(),
  unread: z.number().int().nonnegative(),
  version: z.number().int().nonnegative(),
});

/** Session counts per status and unread total. The Active tab shows `active + paused`. */
export type SessionCounts = z.infer<typeof SessionCountsSchema>;

/** Counts with nothing in them, at version 0: a store's state before its first load. */
export const EMPTY_SESSION_COUNTS: SessionCounts = Object.freeze({
  active: 0,
  paused: 0,
  completed: 0,
  archived: 0,
  trash: 0,
  unread: 0,
  version: 0,
});
