import { html, nothing, type TemplateResult } from 'lit';
import type { Session } from '@chat-sessions/sdk';
import { OUTCOMES } from '../actions/session-actions.js';
import { submitDialog } from './action-flow.js';
import type { SidebarActions } from './sidebar-actions.js';

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

/** The one `<dialog>` (`part="dialog"`) the rename, complete and delete confirmations share. */
export function renderDialogs(actions: SidebarActions): TemplateResult {
  // Escape, or the dialog closed by itself.
  const close = () => {
    if (actions.dialog) actions.closeDialog();
  };
  return html`<dialog part="dialog" class="dialog" aria-labelledby="dialog-title" @close=${close}>
    ${actions.dialog ? renderContent(actions, actions.dialog) : nothing}
  </dialog>`;
}

function renderContent(actions: SidebarActions, dialog: DialogState): TemplateResult {
  const text = actions.options.text();
  const cancel = html`<button class="button" type="button" @click=${() => void actions.closeDialog()}>${text.cancel}</button>`;
  const submit = (event: SubmitEvent) => submitDialog(actions, event);
  if (dialog.kind === 'edit') {
    // <chat-request-editor> is defined by now (loaded when "Edit request…" was chosen).
    return html`<h2 id="dialog-title" class="dialog-title">${actions.nameOf(dialog.session)}</h2>
      <chat-request-editor
        autofocus
        .session=${dialog.session}
        .list=${actions.options.source()}
        @chat-request-editor-close=${() => void actions.closeDialog()}
      ></chat-request-editor>`;
  }
  if (dialog.kind === 'rename') {
    return html`<form class="dialog-form" @submit=${submit}>
      <h2 id="dialog-title" class="dialog-title">${text.renameTitle}</h2>
      <label class="field-label" for="rename-title">${text.renameField}</label>
      <input class="field" id="rename-title" name="title" maxlength="200" autocomplete="off" autofocus .value=${dialog.session.title} />
      <div class="dialog-actions">${cancel}<button class="button primary" type="submit">${text.renameSubmit}</button></div>
    </form>`;
  }
  const [first] = dialog.sessions;
  const name = first ? actions.nameOf(first) : '';
  const count = dialog.sessions.length;
  if (dialog.kind === 'complete') {
    return html`<form class="dialog-form" @submit=${submit}>
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
              ?autofocus=${outcome === (actions.outcome ?? OUTCOMES[0])}
              .checked=${outcome === actions.outcome}
              @change=${() => actions.set(() => (actions.outcome = outcome))}
            />
            ${text.outcomeLabels[outcome]}
          </label>`,
        )}
      </fieldset>
      <div class="dialog-actions">${cancel}<button class="button primary" type="submit">${text.completeSubmit}</button></div>
    </form>`;
  }
  return html`<form class="dialog-form" @submit=${submit}>
    <h2 id="dialog-title" class="dialog-title">${text.deleteTitle(count)}</h2>
    <p class="dialog-body">${text.deleteBody(count, name)}</p>
    <div class="dialog-actions">
      ${cancel}<button class="button danger-solid" type="submit" autofocus>${text.deleteConfirm}</button>
    </div>
  </form>`;
}
