/**
 * The strings of `<chat-sidebar>`'s trash view, English by default. They load with the view
 * (a lazy chunk); override any of them with the sidebar's `strings.trashView`.
 */
export interface ChatSidebarTrashStrings {
  /** The button back to the tab the trash was opened from: "Back to Active". */
  back: (tabLabel: string) => string;
  /** What the view is for, under its heading. */
  hint: string;
  /** The list's name, and what an empty trash says. */
  listLabel: string;
  empty: string;
  /** Loads the next page of the trash. */
  more: string;
  /** When a session went to the trash: "Trashed 3 days ago". */
  trashedAt: (relative: string) => string;
  /** A row's checkbox ("Select “TEB → VNY”"), and the one that selects every row. */
  selectNamed: (name: string) => string;
  selectAll: string;
  /** Restore and Delete forever, in the bar and on a row (the row's names say which session). */
  restore: string;
  restoreNamed: (name: string) => string;
  purge: string;
  purgeNamed: (name: string) => string;
  /** The confirmation before deleting forever. */
  purgeTitle: (count: number, name: string) => string;
  purgeBody: (count: number) => string;
  /** What the view announces after a restore or a purge. */
  restored: (count: number, name: string) => string;
  purged: (count: number, name: string) => string;
}

export const defaultTrashStrings: ChatSidebarTrashStrings = {
  back: (tabLabel) => `Back to ${tabLabel}`,
  hint: 'Restore a session, or delete it forever.',
  listLabel: 'Sessions in the trash',
  empty: 'The trash is empty.',
  more: 'Show more',
  trashedAt: (relative) => `Trashed ${relative}`,
  selectNamed: (name) => `Select “${name}”`,
  selectAll: 'Select all',
  restore: 'Restore',
  restoreNamed: (name) => `Restore “${name}”`,
  purge: 'Delete forever',
  purgeNamed: (name) => `Delete forever: “${name}”`,
  purgeTitle: (count, name) =>
    count === 1 ? `Delete “${name}” forever?` : `Delete ${count} sessions forever?`,
  purgeBody: (count) =>
    `${count === 1 ? 'Its' : 'Their'} messages and operator threads go too. This can't be undone.`,
  restored: (count, name) => (count === 1 ? `Restored “${name}”.` : `Restored ${count} sessions.`),
  purged: (count, name) =>
    count === 1 ? `Deleted “${name}” forever.` : `Deleted ${count} sessions forever.`,
};
