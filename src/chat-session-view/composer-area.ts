import { html, nothing, type TemplateResult } from 'lit';
import type { LifecycleAction, Session } from '@chat-sessions/sdk';
import type { ChatSessionsClient } from '@chat-sessions/sdk';
import type { SessionListSource } from '../controllers/session-list-source.js';
import { ChatSessionRestoreEvent } from '../events.js';
import type { ChatSessionViewStrings } from './strings.js';

/** What the bar in place of a closed session's composer shows and does. */
export interface ComposerAreaView {
  readonly text: ChatSessionViewStrings;
  readonly busy: boolean;
  readonly handleReopen: (action: LifecycleAction) => void;
  /** Restore a trashed session (see {@link restoreFromTrash}). */
  readonly handleRestore: () => void;
}

/**
 * The lifecycle action that lets the broker write again, or null when the session takes
 * messages: a completed session is reopened, an archived one unarchived (the database refuses
 * a broker's message to either with `session_closed`). A trashed session has no composer at
 * all.
 */
export function replyAction(session: Session | null): 'reopen' | 'unarchive' | null {
  if (!session || session.deletedAt !== null) return null;
  if (session.status === 'completed') return 'reopen';
  if (session.status === 'archived') return 'unarchive';
  return null;
}

/**
 * In place of the composer of a completed or archived session: why the broker can't write,
 * and the one button that changes it ("Reopen to reply", "Unarchive to reply").
 */
export function renderClosedBar(
  view: ComposerAreaView,
  action: 'reopen' | 'unarchive',
): TemplateResult {
  const text = view.text;
  return html`<div part="closed-bar" role="group" aria-labelledby="closed-note">
    <span part="closed-note" id="closed-note"
      >${action === 'reopen' ? text.closedCompleted : text.closedArchived}</span
    >
    <button
      part="reply-button"
      type="button"
      data-action=${action}
      aria-disabled=${view.busy ? 'true' : 'false'}
      @click=${() => !view.busy && view.handleReopen(action)}
    >
      ${action === 'reopen' ? text.reopenToReply : text.unarchiveToReply}
    </button>
  </div>`;
}

/** Above a paused session's composer: sending resumes it (the database wakes it). */
export function renderPausedNote(
  view: ComposerAreaView,
  session: Session | null,
): TemplateResult | typeof nothing {
  if (!session || session.status !== 'paused' || session.deletedAt !== null) return nothing;
  return html`<p part="paused-note" id="paused-note">${view.text.pausedNote}</p>`;
}

/** In place of the composer of a trashed session (a deep link to it): "In the trash" and Restore. */
export function renderTrashBar(view: ComposerAreaView): TemplateResult {
  return html`<div part="closed-bar trash-bar" role="group" aria-labelledby="closed-note">
    <span part="closed-note" id="closed-note">${view.text.trashNote}</span>
    <button
      part="reply-button restore-button"
      type="button"
      data-action="restore"
      aria-disabled=${view.busy ? 'true' : 'false'}
      @click=${() => !view.busy && view.handleRestore()}
    >
      ${view.text.restore}
    </button>
  </div>`;
}

/**
 * Brings a trashed session back: fires the cancelable `chat-session-restore` on `host` and,
 * unless the host takes over, restores it through the list (when it lists the session) or the
 * client. Resolves to the restored session, or an error message, or null when nothing ran.
 */
export async function restoreFromTrash(
  host: EventTarget,
  session: Session,
  list: SessionListSource | undefined,
  client: ChatSessionsClient | null,
): Promise<{ session: Session | null; error: string } | null> {
  const event = new ChatSessionRestoreEvent(session);
  host.dispatchEvent(event);
  if (event.defaultPrevented) return null;
  const listed = list?.getSnapshot().items.some((candidate) => candidate.id === session.id);
  const result =
    list && listed
      ? await list.restore(session.id)
      : client
        ? await client.sessions.restore(session.id)
        : null;
  if (!result) return null;
  return { session: result.data ?? null, error: result.error ? result.error.message : '' };
}
