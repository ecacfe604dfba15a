import * as s from '../schema/index.js';

/**
 * The numbers behind the sidebar: sessions per status, in the trash, the total of unread
 * operator replies, and the change-feed `version` they are consistent with. Kept by triggers,
 * so they are exact.
 */
export const SessionCountsSchema = s.object({
  active: s.number().check(s.int(), s.nonnegative()),
  paused: s.number().check(s.int(), s.nonnegative()),
  completed: s.number().check(s.int(), s.nonnegative()),
  archived: s.number().check(s.int(), s.nonnegative()),
  trash: s.number().check(s.int(), s.nonnegative()),
  unread: s.number().check(s.int(), s.nonnegative()),
  version: s.number().check(s.int(), s.nonnegative()),
});

/** Session counts per status and unread total. The Active tab shows `active + paused`. */
export type SessionCounts = s.Infer<typeof SessionCountsSchema>;

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
export const SearchCountsSchema = s.object({
  active: s.number().check(s.int(), s.nonnegative()),
  completed: s.number().check(s.int(), s.nonnegative()),
  archived: s.number().check(s.int(), s.nonnegative()),
  trash: s.number().check(s.int(), s.nonnegative()),
  version: s.number().check(s.int(), s.nonnegative()),
});

/** Sessions matching a search, per tab. */
export type SearchCounts = s.Infer<typeof SearchCountsSchema>;
