import { html, nothing, type TemplateResult } from 'lit';
import type { CompletionOutcome, Session } from '@chat-sessions/sdk';
import { OUTCOMES } from '../actions/session-actions.js';
import type { SessionListSource } from '../controllers/session-list-source.js';
import type { ChatSidebarStrings } from './strings.js';

/** The open dialog: rename one session, or complete / delete some. */
export type DialogState =
  | { readonly kind: 'rename'; readonly session: Session; readonly returnTo: string | HTMLElement }
  | {
      readonly kind: 'delete';
      readonly sessions: readonly Session[];
      readonly returnTo: string | HTMLElement;
    }
  | { readonly kind: 'edit'; readonly session: Session; readonly returnTo: string | HTMLElement }
  | {
      readonly kind: 'complete';
      readonly sessions: readonly Session[];
      readonly returnTo: string | HTMLElement;
    };

/** What the dialogs show and report. */
export interface DialogsView {
  readonly text: ChatSidebarStrings;
  readonly dialog: DialogState | null;
  /** A session's name in a title ("Complete “TEB to VNY”"). */
  readonly nameOf: (session: Session) => string;
  /** The chosen outcome; `null` until one is picked (nothing is pre-selected). */
  readonly outcome: CompletionOutcome | null;
  readonly onOutcome: (outcome: CompletionOutcome) => void;
  readonly onSubmit: (event: SubmitEvent) => void;
  readonly onCancel: () => void;
  readonly onClose: () => void;
  /** Where the request editor saves (the sidebar's list). */
  readonly list: SessionListSource | null;
  /** The request editor closed (saved or not). */
  readonly onEditorClose: () => void;
}

/** The one `<dialog>` (`part="dialog"`) the rename, complete and delete confirmations share. */
export function renderDialogs(view: DialogsView): TemplateResult {
  return html`<dialog part="dialog" class="dialog" aria-labelledby="dialog-title" @close=${view.onClose}>
    ${view.dialog ? renderContent(view, view.dialog) : nothing}
  </dialog>`;
}

function renderContent(view: DialogsView, dialog: DialogState): TemplateResult {
  const text = view.text;
  const cancel = html`<button class="button" type="button" @click=${view.onCancel}>${text.cancel}</button>`;
  if (dialog.kind === 'edit') {
    // <chat-request-editor> is defined by now (loaded when "Edit request…" was chosen).
    return html`<h2 id="dialog-title" class="dialog-title">${view.nameOf(dialog.session)}</h2>
      <chat-request-editor
        autofocus
        .session=${dialog.session}
        .list=${view.list}
        @chat-request-editor-close=${view.onEditorClose}
      ></chat-request-editor>`;
  }
  if (dialog.kind === 'rename') {
    return html`<form class="dialog-form" @submit=${view.onSubmit}>
      <h2 id="dialog-title" class="dialog-title">${text.renameTitle}</h2>
      <label class="field-label" for="rename-title">${text.renameField}</label>
      <input class="field" id="rename-title" name="title" maxlength="200" autocomplete="off" autofocus .value=${dialog.session.title} />
      <div class="dialog-actions">${cancel}<button class="button primary" type="submit">${text.renameSubmit}</button></div>
    </form>`;
  }
  const [first] = dialog.sessions;
  const name = first ? view.nameOf(first) : '';
  const count = dialog.sessions.length;
  if (dialog.kind === 'complete') {
    return html`<form class="dialog-form" @submit=${view.onSubmit}>
      <h2 id="dialog-title" class="dialog-title">${text.completeTitle(count, name)}</h2>
      <fieldset class="outcomes">
        <legend>${text.outcomeLegend}</legend>
        ${OUTCOMES.map(
          (outcome) => html`<label class="outcome">
            <input
              type="radio"
              name="outcome"
              value=${outcome}
              required
              ?autofocus=${outcome === (view.outcome ?? OUTCOMES[0])}
              .checked=${outcome === view.outcome}
              @change=${() => view.onOutcome(outcome)}
            />
            ${text.outcomeLabels[outcome]}
          </label>`,
        )}
      </fieldset>
      <div class="dialog-actions">${cancel}<button class="button primary" type="submit">${text.completeSubmit}</button></div>
    </form>`;
  }
  return html`<form class="dialog-form" @submit=${view.onSubmit}>
    <h2 id="dialog-title" class="dialog-title">${text.deleteTitle(count)}</h2>
    <p class="dialog-body">${text.deleteBody(count, name)}</p>
    <div class="dialog-actions">
      ${cancel}<button class="button danger-solid" type="submit" autofocus>${text.deleteConfirm}</button>
    </div>
  </form>`;
}
