import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { QuickCreateController } from './quick-create.js';
import { renderQuickCreate } from './quick-create-form.js';
import type { ChatSidebarStrings } from './strings.js';

/** What the header shows: heading, unread total, New, quick create, search and sort. */
export interface HeaderView {
  readonly text: ChatSidebarStrings;
  readonly headingLevel: number;
  /** Unread replies across all sessions, and the same number formatted. */
  readonly unread: number;
  readonly unreadFormatted: string;
  readonly newMenuOpen: boolean;
  readonly quick: QuickCreateController;
  readonly search: string;
  readonly attentionFirst: boolean;
  readonly onNew: (event: MouseEvent) => void;
  /** The pointer over New, or focus on it: its menu's code may load now. */
  readonly onNewIntent: () => void;
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
        @pointerenter=${view.onNewIntent}
        @focus=${view.onNewIntent}
      >
        <span aria-hidden="true" class="plus">+</span>${text.newSession}
      </button>
    </div>
    ${renderQuickCreate(view.quick, text)}
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
