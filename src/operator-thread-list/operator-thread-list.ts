import type { ChangeFeedSync, ChatSessionsClient } from '@chat-sessions/sdk';
import { PreferencesController } from '../controllers/preferences-controller.js';
import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { FocusGroupController } from '../controllers/focus-group.js';
import { repeat } from 'lit/directives/repeat.js';
import type {
  ChatComposerStrings,
  ComposerDraftStore,
  ComposerMessageStore,
} from '../chat-composer/chat-composer.js';
import type { ChatMessageStrings } from '../chat-message/chat-message.js';
import { RuntimeStoreController } from '../controllers/runtime-store-controller.js';
import { ChatMessageRetryEvent, ChatThreadCloseEvent, ChatThreadOpenEvent } from '../events.js';
import {
  ConnectionRecoveryController,
  renderTranscript,
  TranscriptScrollController,
  transcriptStrings,
  type OperatorThread,
  type OperatorThreadStatus,
  type TranscriptItem,
  type TranscriptSnapshot,
  type TranscriptStore,
  type TranscriptStrings,
} from '../internal/chat-transcript.js';
import { NowController, sharedClock } from '../internal/clock.js';
import { Formatter } from '../internal/format.js';
import type { Clock, StringsOverride } from '../types.js';
import { operatorThreadListStyles } from './operator-thread-list.styles.js';

/** What the list reads from a thread store's snapshot: the SDK's `OperatorThreadStore` fits. */
export interface ThreadListSnapshot {
  readonly items: readonly OperatorThread[];
  readonly unread: number;
  readonly loading: boolean;
  readonly loaded: boolean;
  readonly error: { readonly message: string } | null;
}

/** A session's operator threads (the SDK's `OperatorThreadStore`), as far as the list uses it. */
export interface ThreadListStore {
  getSnapshot(): ThreadListSnapshot;
  subscribe(listener: () => void): () => void;
  load(): Promise<unknown>;
  markRead(threadId: string, upToSeq?: number): Promise<unknown>;
}

/** Every user-visible string of `<operator-thread-list>`, English by default. */
export interface OperatorThreadListStrings extends TranscriptStrings {
  /** The list's accessible name. */
  listLabel: string;
  /** Shown while the threads load. */
  loadingThreads: string;
  /** Shown when no operator has been contacted. */
  noThreads: string;
  /** Shown when the threads could not be loaded. */
  threadsFailed: string;
  /** Shown instead of `threadsFailed` while offline: they load once the connection is back. */
  threadsOffline: string;
  /** Thread statuses. */
  statusLabels: Record<OperatorThreadStatus, string>;
  /** Shown for a thread without messages. */
  noPreview: string;
  /** Unread replies, in a thread's accessible name. */
  unreadReplies: (count: number, formatted: string) => string;
  /** The open thread's accessible name: "Conversation with Jet Linx". */
  conversationWith: (operatorName: string) => string;
  /** The button folding the open thread back into its row ("Collapse", not "mark as closed"). */
  close: string;
  /** The close button's accessible name: "Collapse Jet Linx". */
  closeLabel: (operatorName: string) => string;
  /** The reply field's accessible name. */
  replyLabel: (operatorName: string) => string;
  /** A thread's last activity, in its description. */
  lastMessage: (relativeTime: string) => string;
}

const defaultStrings: OperatorThreadListStrings = {
  ...transcriptStrings,
  listLabel: 'Operator threads',
  loadingThreads: 'Loading operators…',
  noThreads: 'No operators contacted yet.',
  threadsFailed: 'Operator threads could not be loaded.',
  threadsOffline: 'You’re offline — operator threads load when the connection returns.',
  statusLabels: { open: 'Open', quoted: 'Quoted', declined: 'Declined', closed: 'Closed' },
  noPreview: 'No messages yet',
  unreadReplies: (count, formatted) =>
    count === 1 ? '1 unread reply' : `${formatted} unread replies`,
  conversationWith: (name) => `Conversation with ${name}`,
  close: 'Collapse',
  closeLabel: (name) => `Collapse ${name}`,
  replyLabel: (name) => `Reply to ${name}`,
  lastMessage: (relative) => `last message ${relative}`,
};

const composerParts =
  'base: composer-base, input: composer-input, send-button: composer-send-button, error: composer-error';

/**
 * The operator threads of a flight request: one row per aircraft operator contacted, with its
 * status, last message and unread replies. Opening a thread (click, Enter or Space) marks it
 * read and shows its messages below it, with a field to reply; Escape or Collapse folds it and
 * puts focus back on its row. Arrow keys, Home and End move between the rows.
 *
 * Give it the SDK client (`client`, or a `<chat-sessions-provider>` around it) and the session's
 * id; or your own `OperatorThreadStore` as `store`. Pass `sync` for replies to arrive live.
 * Operator names and messages are text only, never HTML.
 *
 * @summary A session's operator threads with unread badges; open one to read and reply.
 *
 * @example
 * ```html
 * <operator-thread-list session-id="3b241101-e2bb-4255-8caf-4136c566a962"></operator-thread-list>
 * <script type="module">
 *   import '@chat-sessions/elements/operator-thread-list/define.js';
 *   const threads = document.querySelector('operator-thread-list');
 *   threads.client = chat;
 *   threads.sync = sync;
 * </script>
 * ```
 *
 * @event chat-thread-open - `ChatThreadOpenEvent`: the user opened a thread. Bubbles, composed.
 * @event chat-thread-close - `ChatThreadCloseEvent`: the user closed the open thread. Bubbles, composed.
 * @event chat-message-send - From the reply field. Bubbles, composed.
 * @event chat-message-retry - From a failed reply. Bubbles, composed.
 *
 * @csspart base - The whole list.
 * @csspart list - The rows, a list.
 * @csspart thread - One thread's row (a button).
 * @csspart operator-name - The operator's name.
 * @csspart thread-status - Open, quoted, declined or closed.
 * @csspart time - The last message's relative time.
 * @csspart badge - Unread replies (same element as `unread-badge`).
 * @csspart unread-badge - Unread replies, "99+" past 99; absent at zero.
 * @csspart preview - The last message.
 * @csspart offline-note - Said while offline when the threads could not be loaded yet.
 * @csspart thread-panel - The open thread: close button, messages, reply field.
 * @csspart thread-panel-header - The open thread's top line.
 * @csspart close-button - Collapses the open thread back into its row.
 * @csspart transcript - The open thread's messages (a log).
 * @csspart load-earlier-button - Loads the thread's earlier messages.
 * @csspart message-base - Each message's bubble (and the other `message-*` parts of <chat-message>).
 * @csspart composer - The reply `<chat-composer>` (and the `composer-*` parts).
 *
 * @cssprop --operator-thread-list-background - Background. Default: `--chat-color-surface`.
 * @cssprop --operator-thread-list-hover-background - A row under the pointer. Default: `--chat-color-surface-hover`.
 * @cssprop --operator-thread-list-open-background - The open row. Default: `--chat-color-surface-selected`.
 * @cssprop --operator-thread-list-color - Text colour. Default: `--chat-color-text`.
 * @cssprop --operator-thread-list-muted-color - Secondary text. Default: `--chat-color-text-muted`.
 * @cssprop --operator-thread-list-border-color - Borders. Default: `--chat-color-border`.
 * @cssprop --operator-thread-list-radius - Corner radius. Default: `--chat-radius`.
 * @cssprop --operator-thread-list-unread-background - Unread badge background. Default: `--chat-color-accent`.
 * @cssprop --operator-thread-list-unread-color - Unread badge text. Default: `--chat-color-on-accent`.
 * @cssprop --operator-thread-list-focus-ring-color - Focus ring. Default: `--chat-color-focus-ring`.
 * @cssprop --operator-thread-list-error-color - Error text. Default: `--chat-color-danger`, `#b42318`.
 * @cssprop --operator-thread-list-transcript-height - Tallest the open thread's messages grow. Default: `280px`.
 */
export class OperatorThreadList extends LitElement {
  static override styles = operatorThreadListStyles;

  /** The English strings every override is laid over. */
  static readonly defaultStrings: Readonly<OperatorThreadListStrings> = defaultStrings;

  private readonly clockController = new NowController(this, sharedClock);
  private readonly threads = new RuntimeStoreController<ThreadListStore, ThreadListSnapshot>(this);
  private readonly messages = new RuntimeStoreController<
    TranscriptStore & ComposerMessageStore,
    TranscriptSnapshot
  >(this);
  private readonly scrollKeeper = new TranscriptScrollController(
    this,
    () => this.transcript,
    () => this.messages.snapshot?.items ?? [],
  );
  /** Offline, a failed load says so, and loads again once the connection is back. */
  private readonly connection = new ConnectionRecoveryController(
    this,
    () => this.client,
    () => [this.threads.store, this.messages.store],
  );

  /** The SDK client. Without it, the one of the enclosing `<chat-sessions-provider>`. */
  @property({ attribute: false }) client: ChatSessionsClient | null = null;

  /** The change-feed engine, for the client's runtime to adopt if it has none (optional). */
  @property({ attribute: false }) sync: ChangeFeedSync | null = null;

  /** Where reply drafts are kept (the SDK's `DraftStore`), per thread. */
  @property({ attribute: false }) drafts: ComposerDraftStore | null = null;

  /** The session's thread store (the SDK's `OperatorThreadStore`). Optional: the client's runtime's. */
  @property({ attribute: false }) store: ThreadListStore | null = null;

  /** The session whose threads to show. */
  @property({ attribute: 'session-id', reflect: true }) sessionId = '';

  /** The open thread's id, or empty. Set it to open one (it is marked read). Reflected. */
  @property({ attribute: 'open-thread-id', reflect: true }) openThreadId = '';

  /** BCP 47 locale for times and numbers, e.g. `de-DE`. Empty: the viewer's. */
  @property() locale = '';

  /** Where "now" comes from for relative times. */
  @property({ attribute: false }) clock: Clock = sharedClock;

  /** Overrides for any of the list's strings (see `OperatorThreadListStrings`). */
  @property({ attribute: false }) strings: StringsOverride<OperatorThreadListStrings> = {};

  /** Overrides for the messages' strings. */
  @property({ attribute: false }) messageStrings: StringsOverride<ChatMessageStrings> = {};

  /** Overrides for the reply field's strings. */
  @property({ attribute: false }) composerStrings: StringsOverride<ChatComposerStrings> = {};

  /** The row holding the roving tab stop. */
  @state() private focusedId = '';
  /** Arrow keys, Home and End between the rows (clamped); the tab stop is `focusedId`, rendered. */
  private readonly rows = new FocusGroupController(this, {
    orientation: 'vertical',
    rovingTabindex: false,
    elements: () => [...(this.shadowRoot?.querySelectorAll<HTMLElement>("[part~='thread']") ?? [])],
    onMove: (row) => (this.focusedId = row.dataset.threadId ?? ''),
  });

  @query("[part~='transcript']") private transcript!: HTMLElement | null;

  private text: OperatorThreadListStrings = defaultStrings;
  private readonly preferences = new PreferencesController(this, 'threadList');
  private formatter: Formatter = Formatter.for(undefined);
  /** The session bound to (its open thread and marks are reset on a change). */
  private boundSessionId = '';
  /** Read marks asked for, per thread: the seq marked, so each reply is marked once. */
  private readonly marked = new Map<string, number>();

  protected override willUpdate(_changed: PropertyValues<this>): void {
    this.text = this.preferences.strings(defaultStrings, this.strings);
    this.formatter = Formatter.for(this.preferences.locale(this.locale));
    this.clockController.use(this.preferences.clock(this.clock));
    this.reconcile();
    this.reconcileOpen();
    this.markOpenThreadRead();
  }

  protected override async getUpdateComplete(): Promise<boolean> {
    const result = await super.getUpdateComplete();
    await this.scrollKeeper.settled;
    return result;
  }

  /** Takes (or keeps) the session's thread store for the current inputs. */
  private reconcile(): void {
    const sessionId = this.sessionId;
    if (sessionId !== this.boundSessionId) {
      if (this.boundSessionId) {
        this.openThreadId = '';
        this.focusedId = '';
        this.marked.clear();
      }
      this.boundSessionId = sessionId;
    }
    const before = this.threads.store;
    this.threads.use({
      store: this.store,
      client: this.client,
      sync: this.sync,
      key: sessionId,
      conversation: true,
      select: (runtime) => (sessionId ? runtime.threads(sessionId) : null),
    });
    const store = this.threads.store;
    if (store && store !== before && store === this.store) {
      // The host's store: load it if nobody has (runtime stores load on their first watcher).
      queueMicrotask(() => {
        const snapshot = store.getSnapshot();
        if (!snapshot.loaded && !snapshot.loading) void store.load();
      });
    }
  }

  /** Takes (or keeps) the open thread's message store. */
  private reconcileOpen(): void {
    const sessionId = this.sessionId;
    const threadId = this.openThreadId;
    const before = this.messages.store;
    this.messages.use({
      client: this.client,
      sync: this.sync,
      key: `${sessionId}/${threadId}`,
      conversation: true,
      select: (runtime) =>
        sessionId && threadId ? runtime.messages({ sessionId, threadId }) : null,
    });
    if (this.messages.store !== before) this.scrollKeeper.reset();
  }

  /** Marks the open thread read whenever it has unread replies (each reply once). */
  private markOpenThreadRead(): void {
    const store = this.threads.store;
    const thread = this.findThread(this.openThreadId);
    if (!store || !thread || thread.unreadCount === 0) return;
    if ((this.marked.get(thread.id) ?? -1) >= thread.lastSeq) return;
    this.marked.set(thread.id, thread.lastSeq);
    // Outside the update: the store tells its listeners (this element) at once.
    queueMicrotask(() => void store.markRead(thread.id, thread.lastSeq));
  }

  private findThread(id: string): OperatorThread | undefined {
    if (!id) return undefined;
    return this.threads.snapshot?.items.find((thread) => thread.id === id);
  }

  /** Opens a thread (or closes it, when it is the open one), as a click on its row does. */
  private toggle(thread: OperatorThread): void {
    this.focusedId = thread.id;
    if (this.openThreadId === thread.id) {
      this.close(true);
      return;
    }
    this.openThreadId = thread.id;
    // Built first: the manifest analyzer would take `thread` for an event name.
    const opened = new ChatThreadOpenEvent(thread);
    this.dispatchEvent(opened);
  }

  private close(returnFocus: boolean): void {
    const thread = this.findThread(this.openThreadId);
    if (!this.openThreadId) return;
    const id = this.openThreadId;
    this.openThreadId = '';
    if (thread) {
      const closed = new ChatThreadCloseEvent(thread);
      this.dispatchEvent(closed);
    }
    if (returnFocus) {
      this.focusedId = id;
      void this.updateComplete.then(() => this.rowButton(id)?.focus());
    }
  }

  private rowButton(id: string): HTMLElement | null {
    return (
      this.shadowRoot?.querySelector<HTMLElement>(
        `[part~='thread'][data-thread-id='${CSS.escape(id)}']`,
      ) ?? null
    );
  }

  private handleRowClick(event: Event): void {
    const id = (event.currentTarget as HTMLElement).dataset.threadId ?? '';
    const thread = this.findThread(id);
    if (thread) this.toggle(thread);
  }

  private handleKeyDown(event: KeyboardEvent): void {
    if (event.key !== 'Escape' || !this.openThreadId) return;
    event.preventDefault();
    event.stopPropagation();
    this.close(true);
  }

  private handleRetry(event: ChatMessageRetryEvent): void {
    const store = this.messages.store;
    void store?.retry(event.messageId);
  }

  private handleSend(): void {
    this.scrollKeeper.followNextUpdate();
  }

  private renderRow(thread: OperatorThread, tabStop: string): TemplateResult {
    const text = this.text;
    const open = thread.id === this.openThreadId;
    const now = this.clockController.now;
    const time = thread.lastMessageAt ? Date.parse(thread.lastMessageAt) : Number.NaN;
    const name = [thread.operatorName, text.statusLabels[thread.status]];
    if (thread.unreadCount > 0)
      name.push(text.unreadReplies(thread.unreadCount, this.formatter.number(thread.unreadCount)));
    const relative = this.formatter.relativeTime(time, now, 'long');
    const description = [
      thread.lastMessagePreview ?? text.noPreview,
      relative ? text.lastMessage(relative) : '',
    ]
      .filter(Boolean)
      .join(', ');
    return html`<li>
      <button
        part="thread"
        type="button"
        id=${`thread-${thread.id}`}
        data-thread-id=${thread.id}
        data-status=${thread.status}
        tabindex=${thread.id === tabStop ? '0' : '-1'}
        aria-expanded=${open ? 'true' : 'false'}
        aria-controls=${open ? 'thread-panel' : nothing}
        aria-describedby=${`thread-description-${thread.id}`}
        @click=${this.handleRowClick}
      >
        <span class="visually-hidden">${name.join(', ')}</span>
        <span class="line" aria-hidden="true">
          <span part="operator-name" title=${thread.operatorName}>${thread.operatorName}</span>
          <span part="thread-status" data-status=${thread.status}>${text.statusLabels[thread.status]}</span>
        </span>
        <span class="line" aria-hidden="true">
          ${
            thread.lastMessageAt
              ? html`<time part="time" datetime=${thread.lastMessageAt} title=${this.formatter.dateTime(time)}
                >${this.formatter.relativeTime(time, now, 'short')}</time
              >`
              : nothing
          }
          ${
            thread.unreadCount > 0
              ? html`<span part="badge unread-badge">${this.formatter.count(thread.unreadCount)}</span>`
              : nothing
          }
        </span>
        <span part="preview" aria-hidden="true">${thread.lastMessagePreview ?? text.noPreview}</span>
      </button>
      <span class="visually-hidden" id=${`thread-description-${thread.id}`}>${description}</span>
      ${open ? this.renderPanel(thread) : nothing}
    </li>`;
  }

  private renderPanel(thread: OperatorThread): TemplateResult {
    const text = this.text;
    const store = this.messages.store;
    const authorOf = (item: TranscriptItem) =>
      item.role === 'operator' ? thread.operatorName : '';
    return html`<div
      part="thread-panel"
      id="thread-panel"
      role="region"
      aria-label=${text.conversationWith(thread.operatorName)}
    >
      <div part="thread-panel-header">
        <button part="close-button" type="button" aria-label=${text.closeLabel(thread.operatorName)} @click=${() => this.close(true)}>
          ${text.close}
        </button>
      </div>
      <div
        part="transcript"
        role="log"
        aria-label=${text.conversationWith(thread.operatorName)}
        tabindex="0"
        @chat-message-retry=${this.handleRetry}
      >
        ${renderTranscript({
          snapshot: this.messages.snapshot,
          strings: text,
          locale: this.locale,
          clock: this.clock,
          messageStrings: this.messageStrings,
          authorOf,
          offline: this.connection.offline,
          onLoadEarlier: () => void this.messages.store?.loadOlder(),
          onReload: () => void this.messages.store?.load(),
        })}
      </div>
      <chat-composer
        part="composer"
        exportparts=${composerParts}
        session-id=${this.sessionId}
        thread-id=${thread.id}
        .store=${store}
        .drafts=${this.drafts}
        locale=${this.locale}
        .strings=${{ label: text.replyLabel(thread.operatorName), ...this.composerStrings }}
        @chat-message-send=${this.handleSend}
      ></chat-composer>
    </div>`;
  }

  protected override render(): TemplateResult {
    const snapshot = this.threads.snapshot;
    const text = this.text;
    const items = snapshot?.items ?? [];
    const tabStop = items.some((thread) => thread.id === this.focusedId)
      ? this.focusedId
      : items.some((thread) => thread.id === this.openThreadId)
        ? this.openThreadId
        : (items[0]?.id ?? '');
    let status: TemplateResult | typeof nothing = nothing;
    if (snapshot?.error && this.connection.offline) {
      status = html`<p class="note" part="offline-note">${text.threadsOffline}</p>`;
    } else if (snapshot?.error) {
      status = html`<p class="error" role="alert">
        ${text.threadsFailed}
        <button class="text-button" type="button" @click=${() => void (this.threads.store as ThreadListStore).load()}>
          ${text.tryAgain}
        </button>
      </p>`;
    } else if (items.length === 0) {
      status = html`<p class="note">${snapshot?.loaded ? text.noThreads : text.loadingThreads}</p>`;
    }
    return html`<div part="base" @keydown=${this.handleKeyDown}>
      ${status}
      ${
        items.length > 0
          ? html`<ul part="list" role="list" aria-label=${text.listLabel} @keydown=${this.rows.handleKeyDown}>
            ${repeat(
              items,
              (thread) => thread.id,
              (thread) => this.renderRow(thread, tabStop),
            )}
          </ul>`
          : nothing
      }
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'operator-thread-list': OperatorThreadList;
  }
}
