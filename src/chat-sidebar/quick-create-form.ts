import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { QuickCreateController } from './quick-create.js';
import type { ChatSidebarStrings } from './strings.js';

/**
 * Quick create: the field, its button and error, and under them the preview of what the text
 * says (`<chat-quick-create-preview>`, rendered once its lazy chunk has loaded). Enter in the
 * field or in the preview creates; Escape closes the preview, then clears the field.
 */
export function renderQuickCreate(
  quick: QuickCreateController,
  text: ChatSidebarStrings,
): TemplateResult {
  return html`<form part="quick-create" class="quick-create" @submit=${(event: SubmitEvent) => void quick.submit(event)}>
    <label class="visually-hidden" for="quick-create">${text.quickCreateLabel}</label>
    <input
      part="quick-create-input"
      id="quick-create"
      class="field"
      autocomplete="off"
      maxlength="4000"
      placeholder=${text.quickCreatePlaceholder}
      aria-invalid=${quick.error ? 'true' : 'false'}
      aria-describedby=${quick.error ? 'quick-create-error' : nothing}
      aria-controls=${quick.previewShown ? 'quick-create-preview' : nothing}
      .value=${live(quick.text)}
      @input=${(event: InputEvent) => quick.input((event.target as HTMLInputElement).value)}
      @keydown=${(event: KeyboardEvent) => {
        if (event.key !== 'Escape' || (!quick.text && !quick.previewShown)) return;
        event.preventDefault();
        event.stopPropagation();
        quick.dismiss();
      }}
    />
    <button
      part="quick-create-button"
      class="button"
      type="submit"
      aria-disabled=${quick.busy || !quick.text.trim() ? 'true' : 'false'}
    >
      ${quick.busy ? text.quickCreateBusy : text.quickCreateSubmit}
    </button>
    ${
      quick.error
        ? html`<p part="quick-create-error" class="field-error" id="quick-create-error" role="alert">
          ${quick.error}
        </p>`
        : nothing
    }
    ${
      quick.previewShown
        ? html`<chat-quick-create-preview
          part="quick-create-preview"
          id="quick-create-preview"
          class="quick-create-preview"
          .text=${quick.text}
          .reader=${quick.read}
          .delay=${
            // An endpoint's reads count against the broker's rate limit (and may call a model):
            // read once typing pauses, not per key.
            quick.host.metadataEndpoint ? 700 : 150
          }
          .airportName=${quick.host.airportName}
          .locale=${quick.host.locale}
          @chat-quick-create-preview-submit=${() => void quick.submit()}
          @chat-quick-create-preview-cancel=${quick.dismiss}
        ></chat-quick-create-preview>`
        : nothing
    }
  </form>`;
}
