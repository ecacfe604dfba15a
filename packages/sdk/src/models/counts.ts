import * as z from 'zod/mini';

/**
 * The numbers behind the sidebar: sessions per status, in the trash, the total of unread
 * operator replies, and the change-feed `version` they are consistent with. Kept by triggers,
 * so they are exact.
 */
export const SessionCountsSchema = z.object({
  active: z.number().check(z.int(), z.nonnegative()),
  paused: z.number().check(z.int(), z.nonnegative()),
  completed: z.number().check(z.int(), z.nonnegative()),
  archived: z.number().check(z.int(), z.nonnegative()),
  trash: z.number().check(z.int(), z.nonnegative()),
  unread: z.number().check(z.int(), z.nonnegative()),
  version: z.number().check(z.int(), z.nonnegative()),
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

/**
 * How many sessions match a search in each tab (`chat.search_counts`): Active (active and
 * paused), Completed, Archived and Trash, at the change-feed `version` they were counted at.
 * The sidebar shows them on the tabs while a search is typed, so a match elsewhere is visible.
 */
export const SearchCountsSchema = z.object({
  active: z.number().check(z.int(), z.nonnegative()),
  completed: z.number().check(z.int(), z.nonnegative()),
  archived: z.number().check(z.int(), z.nonnegative()),
  trash: z.number().check(z.int(), z.nonnegative()),
  version: z.number().check(z.int(), z.nonnegative()),
});

/** Sessions matching a search, per tab. */
export type SearchCounts = z.infer<typeof SearchCountsSchema>;
