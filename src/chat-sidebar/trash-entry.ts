import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { ListTab } from '@chat-sessions/sdk';
import type { SessionListSource, SessionListView } from '../controllers/session-list-source.js';
import type { ListQuery } from './list-query.js';
import type { CardSettings } from './session-list.js';
import type { SidebarActions } from './sidebar-actions.js';
import type { ChatSidebarStrings } from './strings.js';
import { chunkLoader } from '../internal/chunk-loader.js';

/**
 * Loads the trash view the first time the broker opens it: a dynamic import, so its rows,
 * selection, confirmation and strings stay out of the eager bundle (like the request editor).
 * A failed load is retried on the next open.
 */
export const loadTrashView = chunkLoader(() => import('./trash/register.js'));

/** The sidebar, as the trash sees it: where its events go, its card settings, its heading level. */
export type TrashHost = ReactiveControllerHost &
  HTMLElement &
  CardSettings & { headingLevel: number };

/** What the trash needs from the sidebar. */
export interface SidebarTrashOptions {
  readonly view: () => SessionListView;
  readonly text: () => ChatSidebarStrings;
  readonly number: (value: number) => string;
  /** Shows another list (fires `chat-list-tab-change`, and tells the store). */
  readonly changeTab: (tab: ListTab) => void;
  readonly source: () => SessionListSource | null;
  /** Restores (as the undo toast does), reports failures, names sessions. */
  readonly actions: SidebarActions;
  /** Loads more and retries (as the list does). */
  readonly query: ListQuery;
}

/**
 * The sidebar's way into the trash: the entry under the list (with the trash count), and the
 * trash view in place of the tabs and the list while the list shows the trash (`tab` is
 * `trash`). Leaving goes back to the tab it was opened from, and focus to the entry.
 */
export class SidebarTrash {
  /** The tab to go back to. */
  from: ListTab = 'active';
  /** Set when the broker opens the trash: the view then focuses its heading. */
  focusView = false;
  private loaded = false;

  constructor(
    readonly host: TrashHost,
    readonly options: SidebarTrashOptions,
  ) {}

  /** Whether the list shows the trash. */
  get open(): boolean {
    return this.options.view().tab === 'trash';
  }

  /** Opens the trash (its view is loaded first; it then focuses its heading). */
  async show(): Promise<void> {
    const tab = this.options.view().tab;
    if (tab === 'trash' || !(await this.load())) return;
    this.from = tab;
    this.focusView = true;
    this.options.changeTab('trash');
  }

  /** Back to the tab the trash was opened from, and focus to the entry. */
  async leave(): Promise<void> {
    this.options.changeTab(this.from === 'trash' ? 'active' : this.from);
    await this.host.updateComplete;
    this.host.shadowRoot?.querySelector<HTMLElement>('.trash-entry')?.focus();
  }

  private async load(): Promise<boolean> {
    try {
      await loadTrashView();
      return (this.loaded = true);
    } catch (error) {
      this.options.actions.report(String(error));
      return false;
    }
  }

  /** The entry under the list: a trash can, "Trash" and, when known, how many it holds. */
  renderEntry(): TemplateResult | typeof nothing {
    if (this.open) return nothing;
    const count = this.options.view().tabCounts?.trash;
    // prettier-ignore
    return html`<button part="trash-entry" class="trash-entry" type="button" @click=${() => void this.show()}><svg aria-hidden="true" viewBox="0 0 16 16" width="16" height="16"><path d="M6 2h4M2.5 4h11M4 4l.7 9.2a1 1 0 001 .8h4.6a1 1 0 001-.8L12 4M6.5 6.5v5M9.5 6.5v5" fill="none" stroke="currentColor" stroke-width="1.4" stroke-linecap="round"/></svg><span class="trash-label">${this.options.text().trash}</span> ${count === undefined ? nothing : html`<span part="trash-entry-count" class="trash-entry-count">${this.options.number(count)}</span>`}</button>`;
  }

  /** The trash view (or, for the moment its chunk loads, a line saying so). */
  renderView(): TemplateResult {
    if (!this.loaded) {
      // Opened by the host (a snapshot or store already on the trash): load it now.
      void this.load().then((ok) => ok && this.host.requestUpdate());
      return html`<p class="trash-loading" role="status">${this.options.text().loading}</p>`;
    }
    return html`<chat-sidebar-trash
      part="trash-view"
      exportparts="trash,trash-back,trash-heading,trash-count,trash-list,trash-row,trash-card,restore-button,purge-button,trash-bulk-bar,trash-empty,trash-error,dialog:trash-dialog"
      .view=${this.options.view()}
      .text=${this.options.text()}
      .trash=${this}
    ></chat-sidebar-trash>`;
  }
}
