import type { Session, SessionAction } from '@chat-sessions/sdk';
import { allows, plainLabel } from '../actions/session-actions.js';
import { runSessionAction, type ActionOptions } from './action-runner.js';
import type { SidebarActions } from './sidebar-actions.js';

// The working part of the sidebar's actions (./sidebar-actions.ts), in the sidebar's lazy chunk
// (./on-use.ts): every path here starts from a menu, the bulk bar (./bulk-bar.ts), a dialog
// (./dialogs.ts) or the undo toast, which exist only once the chunk has loaded. The state stays
// in `SidebarActions`.

/**
 * Announces `action` on each session, then applies it through the store to those the host
 * did not take over; a failure shows as an error toast. Resolves with the sessions it went
 * through for.
 */
export async function applyAction(
  actions: SidebarActions,
  action: SessionAction,
  sessions: readonly Session[],
  options: ActionOptions = {},
): Promise<Session[]> {
  const source = actions.options.source();
  const { done, failures } = await runSessionAction(
    actions.host,
    source,
    action,
    sessions,
    options,
  );
  const [first] = failures;
  if (first) {
    const text = actions.options.text();
    const more = failures.length > 1 ? ` (+${failures.length - 1})` : '';
    actions.report(
      text.actionFailed(plainLabel(text.actionLabels[action]), `${first.message}${more}`),
    );
  } else if (actions.problem && source && done.length > 0) actions.report(''); // it went through now
  // A session of the last delete restored another way (the trash view): its undo offer is moot.
  const undo = actions.undo;
  if (action === 'restore' && undo?.sessions.some((one) => done.some((it) => it.id === one.id))) {
    actions.timer.stop();
    actions.set(() => (actions.undo = null));
  }
  return done;
}

/** Runs what a menu item, key or bulk button asks for: at once, or after its dialog. */
export function runAction(
  actions: SidebarActions,
  action: SessionAction,
  sessions: readonly Session[],
  returnTo: string | HTMLElement,
): void {
  if (sessions.length === 0) return;
  const [first] = sessions;
  if (action === 'delete') {
    actions.requestDelete(sessions, returnTo);
  } else if (action === 'rename' && first) {
    void actions.openDialog({ kind: 'rename', session: first, returnTo });
  } else if (action === 'complete') {
    actions.outcome = null;
    void actions.openDialog({ kind: 'complete', sessions, returnTo });
  } else {
    void applyAction(actions, action, sessions);
  }
}

/**
 * A button of the bulk bar: the action on the selected sessions that allow it (archive and
 * complete also end the selection).
 */
export function bulkAction(
  actions: SidebarActions,
  action: SessionAction,
  selected: readonly Session[],
  returnTo: string,
): void {
  const sessions = selected.filter((session) => allows(session, action));
  if (action === 'archive') {
    void applyAction(actions, 'archive', sessions);
    actions.options.selection.set([]);
  } else if (action === 'mark_read') {
    void applyAction(actions, 'mark_read', sessions);
  } else {
    runAction(actions, action, sessions, returnTo);
  }
}

/** Restores what the last delete moved to the trash. */
export async function undoDelete(actions: SidebarActions): Promise<void> {
  const undo = actions.undo;
  if (!undo) return;
  const root = actions.host.shadowRoot;
  const focusWasInToast = root?.querySelector('.toast')?.contains(root.activeElement ?? null);
  actions.timer.stop();
  actions.set(() => (actions.undo = null));
  const restored = await applyAction(actions, 'restore', undo.sessions);
  const [first] = restored;
  // The Undo button is gone: focus the session that came back.
  if (focusWasInToast && first) actions.options.focusSession(first.id);
}

/** A dialog's form submitted: rename, complete or delete as it says (it closes first). */
export function submitDialog(actions: SidebarActions, event: SubmitEvent): void {
  event.preventDefault();
  const form = event.target as HTMLFormElement;
  const dialog = actions.closeDialog();
  if (!dialog) return;
  if (dialog.kind === 'rename') {
    const title = (form.elements.namedItem('title') as HTMLInputElement | null)?.value.trim() ?? '';
    if (title && title !== dialog.session.title)
      void applyAction(actions, 'rename', [dialog.session], { title });
  } else if (dialog.kind === 'complete') {
    const completable = dialog.sessions.filter((session) => allows(session, 'complete'));
    // The radios are required, so the form submits only with an outcome chosen.
    if (actions.outcome)
      void applyAction(actions, 'complete', completable, { outcome: actions.outcome });
    actions.options.selection.set([]);
  } else if (dialog.kind === 'delete') {
    void confirmDelete(actions, dialog.sessions);
  }
}

async function confirmDelete(actions: SidebarActions, sessions: readonly Session[]): Promise<void> {
  const deleted = await applyAction(actions, 'delete', sessions);
  if (deleted.length === 0) return;
  const removed = new Set(deleted.map((session) => session.id));
  actions.options.selection.retain((id) => !removed.has(id));
  const [first] = deleted;
  const text = actions.options.text();
  actions.set(
    () =>
      (actions.undo = {
        sessions: deleted,
        message: text.deleted(deleted.length, first ? actions.nameOf(first) : ''),
      }),
  );
  actions.timer.arm(actions.options.undoTimeout());
}
