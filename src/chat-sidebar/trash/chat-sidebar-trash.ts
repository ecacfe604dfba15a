import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import type { Session } from '@chat-sessions/sdk';
import type { SessionListView } from '../../controllers/session-list-source.js';
import { ChatSessionPurgeEvent, ChatSessionPurgeRequestEvent } from '../../events.js';
import { sharedClock } from '../../internal/clock.js';
import { Formatter } from '../../internal/format.js';
import { problemText } from '../../internal/problem-text.js';
import { DialogController } from '../../parts/dialog.js';
import { isSidebarTab } from '../tabs.js';
import type { SidebarTrash } from '../trash-entry.js';
import type { ChatSidebarStrings } from '../strings.js';
import { defaultTrashStrings, type ChatSidebarTrashStrings } from './strings.js';
import { trashStyles } from './trash.styles.js';

/**
 * The sidebar's trash view (internal, loaded on first use): the broker's trashed sessions as
 * cards, each with Restore and Delete forever, a selection for both in bulk, and a confirmation
 * before anything is deleted forever. Escape leaves it.
 */
export class ChatSidebarTrash extends LitElement {
  static override styles = trashStyles;

  @property({ attribute: false }) view: SessionListView | null = null;
  @property({ attribute: false }) text: ChatSidebarStrings | null = null;
  /** The sidebar's side of the trash: its store, actions, list query and card settings. */
  @property({ attribute: false }) trash: SidebarTrash | null = null;

  @state() private checked: ReadonlySet<string> = new Set();
  /** The sessions the confirmation asks about, and where focus goes back to. */
  @state() private confirming: {
    readonly sessions: readonly Session[];
    readonly returnTo: HTMLElement | null;
  } | null = null;
  @state() private announcement = '';

  @query('dialog') private dialogElement!: HTMLDialogElement | null;

  private formatter = Formatter.for(undefined);
  /** The view's own strings: the defaults under the sidebar's `strings.trashView`. */
  private own: ChatSidebarTrashStrings = defaultTrashStrings;

  constructor() {
    super();
    new DialogController(this, {
      dialog: () => this.dialogElement,
      open: () => this.confirming !== null,
    });
    this.addEventListener('keydown', this.handleKeyDown);
  }

  /** Focuses the view's heading (when it opens, and when the row that had focus left). */
  focusHeading(): void {
    this.renderRoot.querySelector<HTMLElement>('.trash-heading')?.focus();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    this.formatter = Formatter.for(this.trash?.host.locale || undefined);
    if (changed.has('text')) this.own = { ...defaultTrashStrings, ...this.text?.trashView };
    if (changed.has('view') && this.checked.size > 0) {
      const ids = new Set(this.items().map((session) => session.id));
      const kept = [...this.checked].filter((id) => ids.has(id));
      if (kept.length !== this.checked.size) this.checked = new Set(kept);
    }
  }

  private nameOf(session: Session): string {
    return this.trash?.options.actions.nameOf(session) ?? session.title;
  }

  protected override updated(): void {
    // Opened by the broker (not by the host): the heading takes focus once the rows are in.
    if (this.trash?.focusView) {
      this.trash.focusView = false;
      this.focusHeading();
    }
    // A restored row leaves at once (optimistic), taking focus with it: keep focus in the view
    // from that render on, so Escape and the arrow keys still work before the server answers.
    const lost = !this.shadowRoot?.activeElement && document.activeElement === document.body;
    if (this.keepFocus && lost) this.refocus();
  }

  /** A restore started from a row that had focus, not yet settled. */
  private keepFocus = false;

  private items(): readonly Session[] {
    return this.view?.items ?? [];
  }

  private checkedSessions(): Session[] {
    return this.items().filter((session) => this.checked.has(session.id));
  }

  private toggle(id: string, on: boolean): void {
    const next = new Set(this.checked);
    if (on) next.add(id);
    else next.delete(id);
    this.checked = next;
  }

  private async restore(sessions: readonly Session[]): Promise<void> {
    const trash = this.trash;
    if (!trash || sessions.length === 0) return;
    const hadFocus = this.focusWithinRows();
    this.keepFocus = hadFocus;
    const done = await trash.options.actions.apply('restore', sessions);
    this.keepFocus = false;
    this.settled(done, this.own.restored, hadFocus);
  }

  /** "Delete forever": asks the host (cancelable), then the broker. */
  private requestPurge(sessions: readonly Session[], returnTo: HTMLElement | null): void {
    if (sessions.length === 0 || !this.trash) return;
    if (!this.trash.host.dispatchEvent(new ChatSessionPurgeRequestEvent(sessions))) return;
    this.confirming = { sessions, returnTo };
  }

  private async purge(sessions: readonly Session[]): Promise<void> {
    const { trash, text } = this;
    if (!trash || !text) return;
    const source = trash.options.source();
    const done: Session[] = [];
    const failures: string[] = [];
    await Promise.all(
      sessions.map(async (session) => {
        const result = source?.purge ? await source.purge(session.id) : { error: null };
        // Already gone (purged elsewhere) is what the broker asked for.
        if (result.error && result.error.code !== 'not_found') {
          failures.push(problemText(result.error));
          return;
        }
        done.push(session);
        trash.host.dispatchEvent(new ChatSessionPurgeEvent(session));
      }),
    );
    const [first] = failures;
    if (first) {
      const more = failures.length > 1 ? ` (+${failures.length - 1})` : '';
      trash.options.actions.report(text.actionFailed(this.own.purge, `${first}${more}`));
    }
    this.settled(done, this.own.purged, true);
  }

  /** After a restore or purge: announce it, and keep focus in the view. */
  private settled(
    done: readonly Session[],
    message: (count: number, name: string) => string,
    refocus: boolean,
  ): void {
    const [first] = done;
    if (!first || !this.trash) return;
    const gone = new Set(done.map((session) => session.id));
    this.checked = new Set([...this.checked].filter((id) => !gone.has(id)));
    this.announcement = message(done.length, this.nameOf(first));
    if (refocus) void this.updateComplete.then(() => this.refocus());
  }

  private focusWithinRows(): boolean {
    const active = this.shadowRoot?.activeElement;
    return Boolean(active?.closest('.trash-list, .trash-bar'));
  }

  /** Focus left with a row that is gone: the first row's Restore, else the heading. */
  private refocus(): void {
    const active = this.shadowRoot?.activeElement;
    if (active && active !== this.dialogElement && !this.dialogElement?.contains(active)) return;
    const first = this.renderRoot.querySelector<HTMLElement>('.trash-list .restore');
    if (first) first.focus();
    else this.focusHeading();
  }

  private closeDialog(): void {
    const confirming = this.confirming;
    this.confirming = null;
    void this.updateComplete.then(() => {
      const to = confirming?.returnTo;
      if (to?.isConnected) to.focus();
      else this.refocus();
    });
  }

  private readonly handleKeyDown = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape' || event.defaultPrevented || this.confirming) return;
    event.preventDefault();
    if (this.checked.size > 0) this.checked = new Set();
    else void this.trash?.leave();
  };

  private handleConfirm(event: SubmitEvent): void {
    event.preventDefault();
    const sessions = this.confirming?.sessions ?? [];
    this.confirming = null;
    void this.purge(sessions);
  }

  protected override render(): TemplateResult | typeof nothing {
    const { view, text, trash } = this;
    if (!view || !text || !trash) return nothing;
    const from = isSidebarTab(trash.from) ? trash.from : 'active';
    const items = view.items;
    const count = view.tabCounts?.trash;
    const checked = this.checkedSessions();
    const allChecked = items.length > 0 && checked.length === items.length;
    return html`<div class="trash" part="trash">
      <div class="trash-top">
        <button class="button small back" part="trash-back" type="button" @click=${() => void trash.leave()}>
          <span aria-hidden="true">←</span>${this.own.back(text.tabLabels[from])}
        </button>
        <div
          class="trash-heading"
          part="trash-heading"
          role="heading"
          aria-level=${trash.host.headingLevel + 1}
          tabindex="-1"
        >
          ${text.trash}${
            count === undefined
              ? nothing
              : html` <span class="count" part="trash-count">${this.formatter.number(count)}</span>`
          }
        </div>
      </div>
      <p class="hint">${this.own.hint}</p>
      ${
        items.length > 1
          ? html`<label class="select-all">
            <input
              type="checkbox"
              .checked=${allChecked}
              .indeterminate=${checked.length > 0 && !allChecked}
              @change=${(event: Event) =>
                (this.checked = (event.target as HTMLInputElement).checked
                  ? new Set(items.map((session) => session.id))
                  : new Set())}
            />${this.own.selectAll}
          </label>`
          : nothing
      }
      ${this.renderBody(view, text)} ${this.renderBar(text, checked)}
      <div class="visually-hidden" role="status">${this.announcement}</div>
    </div>
    ${this.renderDialog(text)}`;
  }

  private renderBody(view: SessionListView, text: ChatSidebarStrings): TemplateResult {
    const query = this.trash?.options.query;
    if (view.items.length === 0) {
      if (view.error) {
        return html`<div class="state" part="trash-error" role="alert">
          <p>${text.loadFailed}</p>
          <button class="button" type="button" @click=${() => query?.retry()}>${text.retry}</button>
        </div>`;
      }
      if (!view.loaded || view.loading) {
        return html`<p class="state" part="trash-empty">${text.loading}</p>`;
      }
      const search = view.search.trim();
      return html`<p class="state" part="trash-empty">
        ${search ? text.emptySearch(search) : this.own.empty}
      </p>`;
    }
    return html`<ul class="trash-list" part="trash-list" aria-label=${this.own.listLabel}>
        ${view.items.map((session) => this.renderRow(session))}
      </ul>
      ${
        view.hasMore || view.loadingMore
          ? html`<button
            class="button small more"
            type="button"
            aria-disabled=${view.loadingMore ? 'true' : 'false'}
            @click=${() => query?.more()}
          >
            ${view.loadingMore ? text.loadingMore : this.own.more}
          </button>`
          : nothing
      }`;
  }

  private renderRow(session: Session): TemplateResult {
    const cards = this.trash?.host;
    const name = this.nameOf(session);
    const trashedAt = session.deletedAt ? Date.parse(session.deletedAt) : Number.NaN;
    const now = cards?.clock.now() ?? Date.now();
    const when = Number.isNaN(trashedAt) ? '' : this.formatter.relativeTime(trashedAt, now, 'long');
    const checked = this.checked.has(session.id);
    const card =
      session.kind === 'flight_request'
        ? html`<flight-request-card
            part="trash-card"
            .session=${session}
            .locale=${cards?.locale ?? ''}
            .clock=${cards?.clock ?? sharedClock}
            .airportName=${cards?.airportName ?? null}
            .strings=${cards?.flightRequestStrings ?? {}}
          ></flight-request-card>`
        : html`<general-chat-card
            part="trash-card"
            .session=${session}
            .locale=${cards?.locale ?? ''}
            .clock=${cards?.clock ?? sharedClock}
            .strings=${cards?.generalChatStrings ?? {}}
          ></general-chat-card>`;
    return html`<li
      class=${checked ? 'trash-row checked' : 'trash-row'}
      part="trash-row"
      data-session-id=${session.id}
    >
      <label class="check-target">
        <input
          class="check"
          type="checkbox"
          aria-label=${this.own.selectNamed(name)}
          .checked=${checked}
          @change=${(event: Event) =>
            this.toggle(session.id, (event.target as HTMLInputElement).checked)}
        />
      </label>
      ${card}
      <div class="row-foot">
        <span class="trashed-at">${when ? this.own.trashedAt(when) : ''}</span>
        <button
          class="button small restore"
          part="restore-button"
          type="button"
          aria-label=${this.own.restoreNamed(name)}
          @click=${() => void this.restore([session])}
        >
          ${this.own.restore}
        </button>
        <button
          class="button small danger purge"
          part="purge-button"
          type="button"
          aria-label=${this.own.purgeNamed(name)}
          @click=${(event: MouseEvent) =>
            this.requestPurge([session], event.currentTarget as HTMLElement)}
        >
          ${this.own.purge}
        </button>
      </div>
    </li>`;
  }

  private renderBar(
    text: ChatSidebarStrings,
    checked: readonly Session[],
  ): TemplateResult | typeof nothing {
    if (checked.length === 0) return nothing;
    return html`<div class="trash-bar" part="trash-bulk-bar" role="group" aria-label=${text.bulkLabel}>
      <span class="bulk-count" role="status">
        ${text.selectedCount(checked.length, this.formatter.number(checked.length))}
      </span>
      <div class="bulk-buttons">
        <button class="button small" type="button" @click=${() => void this.restore(checked)}>
          ${this.own.restore}
        </button>
        <button
          class="button small danger"
          type="button"
          @click=${(event: MouseEvent) =>
            this.requestPurge(checked, event.currentTarget as HTMLElement)}
        >
          ${this.own.purge}
        </button>
        <button
          class="button small icon"
          type="button"
          aria-label=${text.clearSelection}
          title=${text.clearSelection}
          @click=${() => (this.checked = new Set())}
        >
          <span aria-hidden="true">×</span>
        </button>
      </div>
    </div>`;
  }

  private renderDialog(text: ChatSidebarStrings): TemplateResult {
    const confirming = this.confirming;
    const [first] = confirming?.sessions ?? [];
    const count = confirming?.sessions.length ?? 0;
    const name = first ? this.nameOf(first) : '';
    // Cancel has the focus: nothing comes back from here.
    return html`<dialog
      part="dialog"
      class="dialog"
      aria-labelledby="purge-title"
      @close=${() => {
        if (this.confirming) this.closeDialog();
      }}
    >
      ${
        confirming
          ? html`<form class="dialog-form" @submit=${this.handleConfirm}>
            <h2 id="purge-title" class="dialog-title">${this.own.purgeTitle(count, name)}</h2>
            <p class="dialog-body">${this.own.purgeBody(count)}</p>
            <div class="dialog-actions">
              <button class="button" type="button" autofocus @click=${() => this.closeDialog()}>
                ${text.cancel}
              </button>
              <button class="button danger-solid" type="submit">${this.own.purge}</button>
            </div>
          </form>`
          : nothing
      }
    </dialog>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'chat-sidebar-trash': ChatSidebarTrash;
  }
}
