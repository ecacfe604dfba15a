import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { ChatSidebarStrings } from './strings.js';

/** What the header shows: heading, unread total, New, quick create, search and sort. */
export interface HeaderView {
  readonly text: ChatSidebarStrings;
  readonly headingLevel: number;
  /** Unread replies across all sessions, and the same number formatted. */
  readonly unread: number;
  readonly unreadFormatted: string;
  readonly newMenuOpen: boolean;
  readonly quickText: string;
  readonly quickBusy: boolean;
  readonly quickError: string;
  readonly search: string;
  readonly attentionFirst: boolean;
  readonly onNew: (event: MouseEvent) => void;
  readonly onQuickInput: (value: string) => void;
  readonly onQuickSubmit: (event: SubmitEvent) => void;
  readonly onSearchInput: (event: InputEvent) => void;
  readonly onSearchKeyDown: (event: KeyboardEvent) => void;
  readonly onSortToggle: () => void;
}

/** The sidebar's header: the title row (heading, unread total, New) and quick create. */
export function renderTitleAndQuickCreate(view: HeaderView): TemplateResult {
  const text = view.text;
  return html`<div class="title-row" part="title-row">
      <div part="heading" class="heading" role="heading" aria-level=${view.headingLevel}>${text.heading}</div>
      ${
        view.unread > 0
          ? html`<span part="unread-total" class="unread-total"
            >${text.unreadTotal(view.unread, view.unreadFormatted)}</span
          >`
          : nothing
      }
      <button
        part="new-button"
        class="button primary new-button"
        type="button"
        aria-haspopup="menu"
        aria-expanded=${view.newMenuOpen ? 'true' : 'false'}
        @click=${view.onNew}
      >
        <span aria-hidden="true" class="plus">+</span>${text.newSession}
      </button>
    </div>
    <form part="quick-create" class="quick-create" @submit=${view.onQuickSubmit}>
      <label class="visually-hidden" for="quick-create">${text.quickCreateLabel}</label>
      <input
        part="quick-create-input"
        id="quick-create"
        class="field"
        autocomplete="off"
        maxlength="4000"
        placeholder=${text.quickCreatePlaceholder}
        aria-invalid=${view.quickError ? 'true' : 'false'}
        aria-describedby=${view.quickError ? 'quick-create-error' : nothing}
        .value=${live(view.quickText)}
        @input=${(event: InputEvent) => view.onQuickInput((event.target as HTMLInputElement).value)}
      />
      <button
        part="quick-create-button"
        class="button"
        type="submit"
        aria-disabled=${view.quickBusy || !view.quickText.trim() ? 'true' : 'false'}
      >
        ${view.quickBusy ? text.quickCreateBusy : text.quickCreateSubmit}
      </button>
      ${
        view.quickError
          ? html`<p part="quick-create-error" class="field-error" id="quick-create-error" role="alert">
            ${view.quickError}
          </p>`
          : nothing
      }
    </form>
    <div class="search-row" part="search-row">
      <input
        part="search"
        class="field search"
        type="search"
        autocomplete="off"
        maxlength="200"
        aria-label=${text.searchLabel}
        placeholder=${text.searchPlaceholder}
        .value=${live(view.search)}
        @input=${view.onSearchInput}
        @keydown=${view.onSearchKeyDown}
      />
      <button
        part="sort"
        class="button toggle"
        type="button"
        aria-pressed=${view.attentionFirst ? 'true' : 'false'}
        title=${text.sortAttentionHint}
        @click=${view.onSortToggle}
      >
        <span aria-hidden="true">⇅</span>${text.sortAttention}
      </button>
    </div>`;
}
