import {
  html,
  nothing,
  type ReactiveController,
  type ReactiveControllerHost,
  type TemplateResult,
} from 'lit';
import type { ListTab } from '@chat-sessions/sdk';
import type { SessionListSource, SessionListView } from '../controllers/session-list-source.js';
import type { ListQuery } from './list-query.js';
import type { CardSettings } from './session-list.js';
import type { SidebarActions } from './sidebar-actions.js';
import type { ChatSidebarStrings } from './strings.js';
import { isSidebarTab } from './tabs.js';
// Types only: the view itself is a lazy chunk.
import type { TrashViewHost } from './trash/chat-sidebar-trash.js';

let trashChunk: Promise<unknown> | null = null;

/**
 * Loads the trash view the first time the broker opens it: a dynamic import, so its rows,
 * selection and confirmation stay out of the eager bundle (like the request editor). A failed
 * load is retried on the next open.
 */
export function loadTrashView(): Promise<unknown> {
  trashChunk ??= import('./trash/register.js').catch((error: unknown) => {
    trashChunk = null;
    throw error;
  });
  return trashChunk;
}

/** The sidebar, as the trash sees it: its card settings and heading level. */
type TrashHost = ReactiveControllerHost & HTMLElement & CardSettings & { headingLevel: number };

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
export class SidebarTrash implements ReactiveController {
  /** The tab to go back to. */
  private from: ListTab = 'active';
  private loaded = false;
  private focusOnUpdate: 'view' | 'entry' | null = null;
  /** What the view may ask of the sidebar (one object, so the view re-renders only for news). */
  private readonly viewHost: TrashViewHost;

  constructor(
    private readonly host: TrashHost,
    private readonly options: SidebarTrashOptions,
  ) {
    host.addController(this);
    const { actions, query } = options;
    this.viewHost = {
      target: host,
      source: options.source,
      restore: (sessions) => actions.apply('restore', sessions),
      report: (message) => actions.report(message),
      nameOf: (session) => actions.nameOf(session),
      back: () => this.leave(),
      loadMore: () => query.more(),
      retry: () => query.retry(),
    };
  }

  /** Whether the list shows the trash. */
  get open(): boolean {
    return this.options.view().tab === 'trash';
  }

  hostUpdated(): void {
    const focus = this.focusOnUpdate;
    const root = this.host.shadowRoot;
    if (!focus || !root) return;
    if (focus === 'entry') {
      this.focusOnUpdate = null;
      root.querySelector<HTMLElement>('.trash-entry')?.focus();
      return;
    }
    const view = root.querySelector('chat-sidebar-trash');
    if (!view) return;
    this.focusOnUpdate = null;
    void view.updateComplete.then(() => view.focusHeading());
  }

  /** Opens the trash (its view is loaded first). */
  async show(): Promise<void> {
    const tab = this.options.view().tab;
    if (tab === 'trash') return;
    this.from = tab;
    if (!(await this.load())) return;
    this.focusOnUpdate = 'view';
    this.options.changeTab('trash');
    this.host.requestUpdate();
  }

  /** Back to the tab the trash was opened from. */
  leave(): void {
    this.focusOnUpdate = 'entry';
    this.options.changeTab(isSidebarTab(this.from) ? this.from : 'active');
    this.host.requestUpdate();
  }

  private async load(): Promise<boolean> {
    try {
      await loadTrashView();
      this.loaded = true;
      return true;
    } catch (error) {
      this.options.actions.report(error instanceof Error ? error.message : String(error));
      return false;
    }
  }

  /** The entry under the list: a trash can, "Trash" and, when known, how many it holds. */
  renderEntry(): TemplateResult | typeof nothing {
    if (this.open) return nothing;
    const text = this.options.text();
    const count = this.options.view().tabCounts?.trash;
    return html`<button part="trash-entry" class="trash-entry" type="button" @click=${() => void this.show()}>
      <svg aria-hidden="true" viewBox="0 0 16 16" width="16" height="16">
        <path
          d="M6 2h4M2.5 4h11M4 4l.7 9.2a1 1 0 0 0 1 .8h4.6a1 1 0 0 0 1-.8L12 4M6.5 6.5v5M9.5 6.5v5"
          fill="none"
          stroke="currentColor"
          stroke-width="1.4"
          stroke-linecap="round"
        />
      </svg>
      <span class="trash-label">${text.trash}</span>
      ${
        count === undefined
          ? nothing
          : html`<span part="trash-entry-count" class="trash-entry-count">${this.options.number(count)}</span>`
      }
    </button>`;
  }

  /** The trash view (or, for the moment its chunk loads, a line saying so). */
  renderView(): TemplateResult {
    const options = this.options;
    const text = options.text();
    if (!this.loaded) {
      // Opened by the host (a snapshot or store already on the trash): load it now.
      void this.load().then((ok) => ok && this.host.requestUpdate());
      return html`<p class="trash-loading" role="status">${text.loading}</p>`;
    }
    const from = isSidebarTab(this.from) ? this.from : 'active';
    return html`<chat-sidebar-trash
      part="trash-view"
      exportparts="trash,trash-back,trash-heading,trash-count,trash-list,trash-row,trash-card,restore-button,purge-button,trash-bulk-bar,trash-empty,trash-error,dialog:trash-dialog"
      .view=${options.view()}
      .text=${text}
      .cards=${this.host}
      .backTo=${text.tabLabels[from]}
      .headingLevel=${this.host.headingLevel + 1}
      .host=${this.viewHost}
    ></chat-sidebar-trash>`;
  }
}
