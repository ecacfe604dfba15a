import { html, nothing, type TemplateResult } from 'lit';
import type { LifecycleAction, Session } from '@chat-sessions/sdk';
import type {
  ChatComposerStrings,
  ComposerDraftStore,
  ComposerMessageStore,
} from '../chat-composer/chat-composer.js';
import type { StringsOverride } from '../types.js';
import type { ChatSessionViewStrings } from './strings.js';

const composerParts =
  'base: composer-base, input: composer-input, send-button: composer-send-button, error: composer-error';

/** What the bar in place of a closed session's composer shows and does. */
export interface ComposerAreaView {
  readonly text: ChatSessionViewStrings;
  readonly busy: boolean;
  readonly handleReopen: (action: LifecycleAction) => void;
  /** Restores a trashed session (after the cancelable `chat-session-restore`). */
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
 * The transcript's strings: a session without a composer (completed, archived, trashed) says
 * only that it has no messages, never "write the first note below".
 */
export function transcriptText(
  text: ChatSessionViewStrings,
  session: Session | null,
): ChatSessionViewStrings {
  const closed = session !== null && (session.deletedAt !== null || replyAction(session) !== null);
  return closed ? { ...text, noMessages: text.noMessagesClosed } : text;
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

/** What the composer area needs: the closed bar's view, and the composer's inputs. */
export interface ComposerView extends ComposerAreaView {
  readonly sessionId: string;
  readonly store: ComposerMessageStore | null;
  readonly drafts: ComposerDraftStore | null;
  readonly locale: string;
  readonly strings: StringsOverride<ChatComposerStrings>;
  readonly disabled: boolean;
  readonly handleSend: () => void;
}

/** The composer, or the bar that says why the broker can't write here and how to. */
export function renderComposerArea(view: ComposerView, session: Session | null): TemplateResult {
  if (session && session.deletedAt !== null) return renderTrashBar(view);
  const closed = replyAction(session);
  if (closed) return renderClosedBar(view, closed);
  return html`<div part="composer-area">
    ${renderPausedNote(view, session)}
    <chat-composer
      part="composer"
      exportparts=${composerParts}
      session-id=${view.sessionId}
      .store=${view.store}
      .drafts=${view.drafts}
      locale=${view.locale}
      .strings=${view.strings}
      ?disabled=${view.disabled}
      @chat-message-send=${view.handleSend}
    ></chat-composer>
  </div>`;
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
