import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import type { Session } from '@chat-sessions/sdk';
import type { SessionListSource, SessionListView } from '../../controllers/session-list-source.js';
import { ChatSessionPurgeEvent, ChatSessionPurgeRequestEvent } from '../../events.js';
import { Formatter } from '../../internal/format.js';
import { problemText } from '../../internal/problem-text.js';
import { DialogController } from '../../parts/dialog.js';
import type { CardSettings } from '../session-list.js';
import type { ChatSidebarStrings } from '../strings.js';
import { trashStyles } from './trash.styles.js';

/** What the trash view needs from the sidebar that shows it. */
export interface TrashViewHost {
  /** Where the sidebar's events go (the `<chat-sidebar>` itself). */
  readonly target: EventTarget;
  /** The sidebar's store, when it has one (without one, the host applies what the events ask). */
  readonly source: () => SessionListSource | null;
  /** Restores sessions as the sidebar does (cancelable `chat-session-restore`, then its store); resolves with those restored. */
  readonly restore: (sessions: readonly Session[]) => Promise<Session[]>;
  /** Shows a failure in the sidebar's alert toast. */
  readonly report: (message: string) => void;
  /** A session's name for labels and messages. */
  readonly nameOf: (session: Session) => string;
  /** Leaves the trash, back to the tab it was opened from. */
  readonly back: () => void;
  readonly loadMore: () => void;
  readonly retry: () => void;
}

/**
 * The sidebar's trash view (internal, loaded on first use): the broker's trashed sessions as
 * cards, each with Restore and Delete forever, a selection for both in bulk, and a confirmation
 * before anything is deleted forever. Escape leaves it.
 */
export class ChatSidebarTrash extends LitElement {
  static override styles = trashStyles;

  @property({ attribute: false }) view: SessionListView | null = null;
  @property({ attribute: false }) text: ChatSidebarStrings | null = null;
  @property({ attribute: false }) cards: CardSettings | null = null;
  @property({ attribute: false }) host: TrashViewHost | null = null;
  /** The label of the tab the view goes back to. */
  @property({ attribute: false }) backTo = '';
  @property({ type: Number }) headingLevel = 3;

  @state() private checked: ReadonlySet<string> = new Set();
  /** The sessions the confirmation asks about, and where focus goes back to. */
  @state() private confirming: {
    readonly sessions: readonly Session[];
    readonly returnTo: HTMLElement | null;
  } | null = null;
  @state() private announcement = '';

  @query('dialog') private dialogElement!: HTMLDialogElement | null;

  private formatter = Formatter.for(undefined);

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
    this.formatter = Formatter.for(this.cards?.locale || undefined);
    if (changed.has('view') && this.checked.size > 0) {
      const ids = new Set(this.items().map((session) => session.id));
      const kept = [...this.checked].filter((id) => ids.has(id));
      if (kept.length !== this.checked.size) this.checked = new Set(kept);
    }
  }

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
    const host = this.host;
    const text = this.text;
    if (!host || !text || sessions.length === 0) return;
    const hadFocus = this.focusWithinRows();
    const done = await host.restore(sessions);
    this.settled(done, text.restored, hadFocus);
  }

  /** "Delete forever": asks the host (cancelable), then the broker. */
  private requestPurge(sessions: readonly Session[], returnTo: HTMLElement | null): void {
    if (sessions.length === 0 || !this.host) return;
    if (!this.host.target.dispatchEvent(new ChatSessionPurgeRequestEvent(sessions))) return;
    this.confirming = { sessions, returnTo };
  }

  private async purge(sessions: readonly Session[]): Promise<void> {
    const host = this.host;
    const text = this.text;
    if (!host || !text) return;
    const source = host.source();
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
        host.target.dispatchEvent(new ChatSessionPurgeEvent(session));
      }),
    );
    const [first] = failures;
    if (first) {
      const more = failures.length > 1 ? ` (+${failures.length - 1})` : '';
      host.report(text.actionFailed(text.purge, `${first}${more}`));
    }
    this.settled(done, text.purged, true);
  }

  /** After a restore or purge: announce it, and keep focus in the view. */
  private settled(
    done: readonly Session[],
    message: (count: number, name: string) => string,
    refocus: boolean,
  ): void {
    const [first] = done;
    if (!first || !this.host) return;
    const gone = new Set(done.map((session) => session.id));
    this.checked = new Set([...this.checked].filter((id) => !gone.has(id)));
    this.announcement = message(done.length, this.host.nameOf(first));
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
    else this.host?.back();
  };

  private handleConfirm(event: SubmitEvent): void {
    event.preventDefault();
    const sessions = this.confirming?.sessions ?? [];
    this.confirming = null;
    void this.purge(sessions);
  }

  protected override render(): TemplateResult | typeof nothing {
    const { view, text, host } = this;
    if (!view || !text || !host) return nothing;
    const items = view.items;
    const count = view.tabCounts?.trash;
    const checked = this.checkedSessions();
    const allChecked = items.length > 0 && checked.length === items.length;
    return html`<div class="trash" part="trash">
      <div class="trash-top">
        <button class="button small back" part="trash-back" type="button" @click=${host.back}>
          <span aria-hidden="true">←</span>${text.trashBack(this.backTo)}
        </button>
        <div
          class="trash-heading"
          part="trash-heading"
          role="heading"
          aria-level=${this.headingLevel}
          tabindex="-1"
        >
          ${text.trash}${
            count === undefined
              ? nothing
              : html` <span class="count" part="trash-count">${this.formatter.number(count)}</span>`
          }
        </div>
      </div>
      <p class="hint">${text.trashHint}</p>
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
            />${text.selectAll}
          </label>`
          : nothing
      }
      ${this.renderBody(view, text)} ${this.renderBar(text, checked)}
      <div class="visually-hidden" role="status">${this.announcement}</div>
    </div>
    ${this.renderDialog(text)}`;
  }

  private renderBody(view: SessionListView, text: ChatSidebarStrings): TemplateResult {
    const host = this.host;
    if (view.items.length === 0) {
      if (view.error) {
        return html`<div class="state" part="trash-error" role="alert">
          <p>${text.loadFailed}</p>
          <button class="button" type="button" @click=${() => host?.retry()}>${text.retry}</button>
        </div>`;
      }
      if (!view.loaded || view.loading) {
        return html`<p class="state" part="trash-empty">${text.loading}</p>`;
      }
      const search = view.search.trim();
      return html`<p class="state" part="trash-empty">
        ${search ? text.emptySearch(search) : text.trashEmpty}
      </p>`;
    }
    return html`<ul class="trash-list" part="trash-list" aria-label=${text.trashListLabel}>
        ${view.items.map((session) => this.renderRow(session, text))}
      </ul>
      ${
        view.hasMore || view.loadingMore
          ? html`<button
            class="button small more"
            type="button"
            aria-disabled=${view.loadingMore ? 'true' : 'false'}
            @click=${() => host?.loadMore()}
          >
            ${view.loadingMore ? text.loadingMore : text.trashMore}
          </button>`
          : nothing
      }`;
  }

  private renderRow(session: Session, text: ChatSidebarStrings): TemplateResult {
    const cards = this.cards;
    const name = this.host?.nameOf(session) ?? '';
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
            .clock=${cards?.clock}
            .airportName=${cards?.airportName ?? null}
            .strings=${cards?.flightRequestStrings ?? {}}
          ></flight-request-card>`
        : html`<general-chat-card
            part="trash-card"
            .session=${session}
            .locale=${cards?.locale ?? ''}
            .clock=${cards?.clock}
            .strings=${cards?.generalChatStrings ?? {}}
          ></general-chat-card>`;
    return html`<li class=${checked ? 'trash-row checked' : 'trash-row'} part="trash-row">
      <input
        class="check"
        type="checkbox"
        aria-label=${text.selectNamed(name)}
        .checked=${checked}
        @change=${(event: Event) =>
          this.toggle(session.id, (event.target as HTMLInputElement).checked)}
      />
      ${card}
      <div class="row-foot">
        <span class="trashed-at">${when ? text.trashedAt(when) : ''}</span>
        <button
          class="button small restore"
          part="restore-button"
          type="button"
          aria-label=${text.restoreNamed(name)}
          @click=${() => void this.restore([session])}
        >
          ${text.restore}
        </button>
        <button
          class="button small danger purge"
          part="purge-button"
          type="button"
          aria-label=${text.purgeNamed(name)}
          @click=${(event: MouseEvent) =>
            this.requestPurge([session], event.currentTarget as HTMLElement)}
        >
          ${text.purge}
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
          ${text.restore}
        </button>
        <button
          class="button small danger"
          type="button"
          @click=${(event: MouseEvent) =>
            this.requestPurge(checked, event.currentTarget as HTMLElement)}
        >
          ${text.purge}
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
    const name = first && this.host ? this.host.nameOf(first) : '';
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
            <h2 id="purge-title" class="dialog-title">${text.purgeTitle(count, name)}</h2>
            <p class="dialog-body">${text.purgeBody(count)}</p>
            <div class="dialog-actions">
              <button class="button" type="button" autofocus @click=${() => this.closeDialog()}>
                ${text.cancel}
              </button>
              <button class="button danger-solid" type="submit">${text.purge}</button>
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
