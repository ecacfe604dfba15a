import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { classMap } from 'lit/directives/class-map.js';
import { live } from 'lit/directives/live.js';
import {
  virtualize,
  virtualizerRef,
  type VirtualizerHostElement,
} from '@lit-labs/virtualizer/virtualize.js';
import type { RangeChangedEvent, VisibilityChangedEvent } from '@lit-labs/virtualizer/events.js';
import { flow } from '@lit-labs/virtualizer/layouts/flow.js';
import { availableActions, canApply, newId } from '@chat-sessions/sdk';
import type {
  ChatSessionsClient,
  CompletionOutcome,
  CreateSessionInput,
  LifecycleAction,
  Session,
  SessionAction,
  SessionSort,
} from '@chat-sessions/sdk';
import { SessionListController } from '../controllers/session-list-controller.js';
import {
  EMPTY_SESSION_LIST,
  type SessionListBulkAction,
  type SessionListSource,
  type SessionListView,
  type SessionListWriteResult,
} from '../controllers/session-list-source.js';
import {
  ChatListLoadMoreEvent,
  ChatListRetryEvent,
  ChatListSearchEvent,
  ChatListSortChangeEvent,
  ChatListTabChangeEvent,
  ChatSessionActionEvent,
  ChatSessionCreateEvent,
  ChatSessionDeleteEvent,
  ChatSessionDeleteRequestEvent,
  ChatSessionMarkReadEvent,
  ChatSessionPinEvent,
  ChatSessionRenameEvent,
  ChatSessionRestoreEvent,
  ChatSessionSelectEvent,
} from '../events.js';
import type { FlightRequestCardStrings } from '../flight-request-card/flight-request-card.js';
import type { GeneralChatCardStrings } from '../general-chat-card/general-chat-card.js';
import { NowController, sharedClock } from '../internal/clock.js';
import { Formatter } from '../internal/format.js';
import { resolveStrings } from '../internal/strings.js';
import type { AirportNameResolver, Clock, StringsOverride } from '../types.js';
import { chatSidebarStyles } from './chat-sidebar.styles.js';
import { createInputFrom, draftFromText, type QuickCreateParser } from './quick-create.js';
import { buildRows, dayKey, idsBetween, type SidebarRow, type SidebarRows } from './rows.js';
import { defaultSidebarStrings, type ChatSidebarStrings, type SidebarTab } from './strings.js';

const TABS: readonly SidebarTab[] = ['active', 'completed', 'archived'];
const OUTCOMES: readonly CompletionOutcome[] = ['won', 'lost', 'cancelled'];
const LIFECYCLE: ReadonlySet<string> = new Set<LifecycleAction>([
  'pause',
  'resume',
  'complete',
  'reopen',
  'archive',
  'unarchive',
]);
/** Rows before the end at which the next page is asked for. */
const LOAD_AHEAD_ROWS = 10;
/** Rows PageUp / PageDown move by. */
const PAGE_ROWS = 8;
/** Skeleton cards shown while the first page loads. */
const SKELETONS = 6;
/**
 * The vertical flow layout, given explicitly: left out, the virtualizer imports it dynamically
 * and the first cards appear a few frames later.
 */
const LIST_LAYOUT = flow();

interface MenuItem {
  readonly key: string;
  readonly label: string;
  readonly run: () => void;
}

interface MenuState {
  readonly kind: 'session' | 'new';
  readonly label: string;
  readonly items: readonly MenuItem[];
  /** What the menu is placed next to. */
  readonly anchor: HTMLElement;
  /** Where focus goes back when the menu closes: a session's card, or an element. */
  readonly returnTo: string | HTMLElement;
}

type DialogState =
  | { readonly kind: 'rename'; readonly session: Session; readonly returnTo: string | HTMLElement }
  | {
      readonly kind: 'delete';
      readonly sessions: readonly Session[];
      readonly returnTo: string | HTMLElement;
    }
  | {
      readonly kind: 'complete';
      readonly sessions: readonly Session[];
      readonly returnTo: string | HTMLElement;
    };

interface UndoState {
  readonly sessions: readonly Session[];
  readonly message: string;
}

/** Where focus should land after the next render: a session, or the one at its old position. */
interface FocusRequest {
  readonly id: string | null;
  readonly position: number;
}

/** What an action needs besides the sessions. */
interface ActionOptions {
  readonly outcome?: CompletionOutcome;
  readonly title?: string;
}

function isSidebarTab(tab: string): tab is SidebarTab {
  return (TABS as readonly string[]).includes(tab);
}

function nextFrame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => resolve()));
}

/**
 * The broker's list of conversations: create (New, or quick create from free text), search,
 * sort, the Active · Completed · Archived tabs with exact counts, and every session as a card,
 * grouped by date, virtualized (the DOM stays the same size at 10 000 sessions) and loaded page
 * by page as the broker scrolls. Each session has a menu of exactly the actions its status
 * allows; several can be selected and acted on at once; a delete can be undone.
 *
 * Data comes from the SDK: a `store` (`SessionListStore`), a `client` (its runtime's list),
 * or an enclosing `<chat-sessions-provider>`. Without any, `snapshot` shows plain data in the
 * store's snapshot shape, and the events tell the host what the broker did.
 *
 * Every user action fires an event first (bubbling, composed). The ones that change a session
 * are cancelable: `preventDefault()` to apply it yourself; otherwise the sidebar applies it
 * through its store.
 *
 * Keyboard: the list is one tab stop. ↑/↓, Home/End, PageUp/PageDown move; Enter opens; Space
 * selects (Shift+Space selects a range, Ctrl+A all); Shift+↑/↓ extends the selection;
 * Shift+F10 or the menu key opens the actions; Delete moves to trash; Escape closes menus and
 * clears the selection; Ctrl+Z undoes a delete. The tabs are a tab list (←/→, Home/End).
 *
 * @summary The session list: create, search, sort, tabs with counts, grouped virtualized cards, actions, multi-select, undo.
 *
 * @example
 * ```html
 * <chat-sessions-provider>
 *   <chat-sidebar selected="6f1c…"></chat-sidebar>
 * </chat-sessions-provider>
 * <script type="module">
 *   import '@chat-sessions/elements/chat-sessions-provider/define.js';
 *   import '@chat-sessions/elements/chat-sidebar/define.js';
 *   document.querySelector('chat-sessions-provider').client = createChatSessions({ supabase });
 *   document.addEventListener('chat-session-select', (event) => openSession(event.session.id));
 * </script>
 * ```
 *
 * @slot empty-active - Shown when the Active tab has no sessions. Default: a short hint.
 * @slot empty-completed - Shown when the Completed tab has no sessions.
 * @slot empty-archived - Shown when the Archived tab has no sessions.
 * @slot empty-search - Shown when a search finds nothing.
 *
 * @event chat-session-select - `ChatSessionSelectEvent`: the broker opened a session (click, Enter), or one they just created.
 * @event chat-session-create - `ChatSessionCreateEvent`: New or quick create. Cancelable.
 * @event chat-session-action - `ChatSessionActionEvent`: a lifecycle action on one session (once per session in a bulk action). Cancelable.
 * @event chat-session-rename - `ChatSessionRenameEvent`. Cancelable.
 * @event chat-session-pin - `ChatSessionPinEvent`: pin or unpin. Cancelable.
 * @event chat-session-mark-read - `ChatSessionMarkReadEvent`. Cancelable.
 * @event chat-session-delete-request - `ChatSessionDeleteRequestEvent`: before the confirmation; cancel to keep the sessions (or ask yourself).
 * @event chat-session-delete - `ChatSessionDeleteEvent`: confirmed, once per session. Cancelable.
 * @event chat-session-restore - `ChatSessionRestoreEvent`: the broker undid a delete. Cancelable.
 * @event chat-list-tab-change - `ChatListTabChangeEvent`: another tab was chosen.
 * @event chat-list-sort-change - `ChatListSortChangeEvent`: the order was toggled.
 * @event chat-list-search - `ChatListSearchEvent`: the search text changed.
 * @event chat-list-load-more - `ChatListLoadMoreEvent`: the broker scrolled near the end and more sessions wait.
 * @event chat-list-retry - `ChatListRetryEvent`: the broker asked to retry a failed load.
 *
 * @csspart base - The sidebar's box.
 * @csspart header - Heading, unread total, New, quick create, search, sort and tabs.
 * @csspart heading - The heading.
 * @csspart unread-total - Unread operator replies across all sessions (absent at 0).
 * @csspart new-button - The New button.
 * @csspart quick-create - The quick create form; also `quick-create-input`, `quick-create-button`, `quick-create-error`.
 * @csspart search - The search field.
 * @csspart sort - The "needs attention first" toggle.
 * @csspart tabs - The tab list; each tab is `tab` (`tab selected` when chosen), its count `tab-count`.
 * @csspart panel - The tab panel holding the list and its states.
 * @csspart bulk-bar - The bar of actions on the selected sessions; its count is `bulk-count`.
 * @csspart list - The list box (the scroller).
 * @csspart group-heading - A date group's heading (Pinned, Today, Yesterday, Previous 7 days, Older).
 * @csspart item - A session's row; `item-actions` is its pointer menu button.
 * @csspart card - Each session card. Its own parts are exported as `card-base`, `card-unread-badge`, and
 *   `card-route`, `card-stage-badge` (flight requests) or `card-title` (general chats).
 * @csspart skeleton - A placeholder card while loading.
 * @csspart empty - The empty state.
 * @csspart error - A failed load, with its retry button (`retry-button`).
 * @csspart menu - A menu (session actions, New); its items are `menu-item`.
 * @csspart dialog - The rename, complete and delete dialogs.
 * @csspart toast - The undo toast and error messages; `toast-button` for their buttons.
 *
 * @cssprop --chat-sidebar-background - Background. Default: `--chat-color-surface`.
 * @cssprop --chat-sidebar-color - Text colour. Default: `--chat-color-text`.
 * @cssprop --chat-sidebar-muted-color - Secondary text. Default: `--chat-color-text-muted`.
 * @cssprop --chat-sidebar-border-color - Borders and separators. Default: `--chat-color-border`.
 * @cssprop --chat-sidebar-accent - Selected tab, focus, primary buttons. Default: `--chat-color-accent`.
 * @cssprop --chat-sidebar-on-accent - Text on the accent. Default: `--chat-color-on-accent`.
 * @cssprop --chat-sidebar-radius - Corner radius. Default: `--chat-radius`.
 * @cssprop --chat-sidebar-gap - Space between cards. Default: `6px`.
 * @cssprop --chat-sidebar-padding - Padding around the content. Default: `12px`.
 * @cssprop --chat-color-danger - Delete buttons and error messages (a global token). Default: `#b42318`.
 */
export class ChatSidebar extends LitElement {
  static override styles = chatSidebarStyles;

  /** The English strings every override is laid over. */
  static readonly defaultStrings: Readonly<ChatSidebarStrings> = defaultSidebarStrings;

  private readonly lists = new SessionListController(this);
  private readonly clockController = new NowController(this, sharedClock);

  /** The session list to show and act on: the SDK's `SessionListStore`, or any `SessionListSource`. */
  @property({ attribute: false }) store: SessionListSource | null = null;

  /** The SDK client (`createChatSessions(...)`): its runtime's shared session list is shown when no `store` is given. */
  @property({ attribute: false }) client: ChatSessionsClient | null = null;

  /**
   * Plain data to show when there is no store, client or provider: an object of the store's
   * snapshot shape (`items`, `tab`, `tabCounts`, `loading`, …; missing fields take defaults).
   * The host then applies what the events ask for.
   */
  @property({ attribute: false }) snapshot: Partial<SessionListView> | null = null;

  /** The id of the open session, highlighted and kept in view; set it for deep links. */
  @property() selected = '';

  /** BCP 47 locale for dates, numbers and relative times. Empty: the viewer's. */
  @property() locale = '';

  /** Where "now" comes from (relative times, date groups). Defaults to a clock shared by all elements. */
  @property({ attribute: false }) clock: Clock = sharedClock;

  /** Overrides for any of the sidebar's strings (see `ChatSidebarStrings`). */
  @property({ attribute: false }) strings: StringsOverride<ChatSidebarStrings> = {};

  /** Overrides for the flight-request cards' strings. */
  @property({ attribute: false }) flightRequestStrings: StringsOverride<FlightRequestCardStrings> =
    {};

  /** Overrides for the general-chat cards' strings. */
  @property({ attribute: false }) generalChatStrings: StringsOverride<GeneralChatCardStrings> = {};

  /** Turns airport codes into names on the cards (`TEB` → `Teterboro`). */
  @property({ attribute: false }) airportName: AirportNameResolver | null = null;

  /**
   * A server-side metadata handler for quick create (POST `{ text, referenceDate, timeZone }`,
   * answering a draft). When empty, quick create uses `metadataParser`, else the SDK's rule
   * parser (loaded on first use), else the text as a title.
   */
  @property({ attribute: 'metadata-endpoint' }) metadataEndpoint = '';

  /** A parser for quick create, e.g. `parseFlightRequest` from `@chat-sessions/sdk/metadata`. */
  @property({ attribute: false }) metadataParser: QuickCreateParser | null = null;

  /** How long the undo toast stays after a delete, in ms. 0 keeps it until dismissed. */
  @property({ type: Number, attribute: 'undo-timeout' }) undoTimeout = 8000;

  /** The heading's level in the host page's outline (`aria-level`). */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;

  /** The session holding the list's tab stop (the roving focus). */
  @state() private activeId: string | null = null;
  /** Sessions selected for a bulk action. */
  @state() private checked: ReadonlySet<string> = new Set();
  @state() private menu: MenuState | null = null;
  @state() private dialog: DialogState | null = null;
  @state() private undo: UndoState | null = null;
  @state() private problem = '';
  @state() private quickText = '';
  @state() private quickBusy = false;
  @state() private quickError = '';
  /** The search as typed, when no store keeps it. */
  @state() private typedSearch: string | null = null;
  @state() private completeOutcome: CompletionOutcome = 'won';

  @query('[role="listbox"]') private listElement!: (HTMLElement & VirtualizerHostElement) | null;
  @query('.menu') private menuElement!: HTMLElement | null;
  @query('dialog') private dialogElement!: HTMLDialogElement | null;

  private text: ChatSidebarStrings = defaultSidebarStrings;
  private formatter: Formatter = Formatter.for(undefined);
  private view: SessionListView = EMPTY_SESSION_LIST;
  private rows: SidebarRows = buildRows([], 'recent', 0, false);
  private rowsKey: readonly unknown[] = [];
  /** Where each session of the previous render was, to find a successor when one leaves. */
  private previousPositions: ReadonlyMap<string, number> = new Map();
  private anchorId: string | null = null;
  private focusRequest: FocusRequest | null = null;
  /**
   * True while the list's DOM is being rewritten (our render, or the virtualizer's): a card
   * that loses focus then lost it to a DOM move or removal, not to the broker.
   */
  private rewritingList = false;
  /** The card that lost focus to a rewrite (its session, and where it was), to give it back. */
  private focusLostBy: FocusRequest | null = null;
  /** The session focus is being moved to (scrolling there may take a few frames). */
  private movingTo: string | null = null;
  /** A card to keep in place on screen while the list changes above it. */
  private scrollAnchor: { readonly id: string; readonly top: number } | null = null;
  private revealSelected = false;
  private loadMoreAskedFor: readonly Session[] | null = null;
  /** Counts are shown once a first page arrived (before, they are zeros, not facts). */
  private countsKnown = false;
  private undoTimer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    super();
    this.addEventListener('keydown', this.handleHostKeyDown);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.undoTimer);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    this.rewritingList = true;
    if (changed.has('strings')) this.text = resolveStrings(defaultSidebarStrings, this.strings);
    if (changed.has('locale')) this.formatter = Formatter.for(this.locale || undefined);
    if (changed.has('clock')) this.clockController.use(this.clock);
    this.lists.use(this.store, this.client);

    const before = this.view;
    this.view =
      this.lists.value ??
      (this.snapshot
        ? { ...EMPTY_SESSION_LIST, loaded: true, ...this.snapshot }
        : EMPTY_SESSION_LIST);
    const view = this.view;
    if (view.loaded) this.countsKnown = true;
    if (view.tab !== before.tab || view.search !== before.search || view.sort !== before.sort) {
      this.checked = new Set();
      this.anchorId = null;
    }

    const more = view.items.length > 0 && (view.hasMore || view.loadingMore);
    const now = this.clockController.now;
    const rowsKey = [view.items, view.sort, dayKey(now), more];
    if (rowsKey.some((part, index) => part !== this.rowsKey[index])) {
      this.rowsKey = rowsKey;
      this.rows = buildRows(view.items, view.sort, now, more);
    }
    if (view.items !== before.items) {
      this.scrollAnchor ??= this.captureScrollAnchor();
      this.followItems();
    }
    if (changed.has('selected') && this.selected && this.rows.position.has(this.selected)) {
      this.activeId = this.selected;
      this.revealSelected = true;
    }
    if (this.activeId === null || !this.rows.position.has(this.activeId)) {
      this.activeId = this.rows.position.has(this.selected)
        ? this.selected
        : (view.items[0]?.id ?? null);
    }
  }

  protected override updated(changed: PropertyValues): void {
    this.rewritingList = false;
    this.previousPositions = this.rows.position;
    if (changed.has('menu')) this.syncMenu();
    if (changed.has('dialog')) this.syncDialog();
    this.takeBackLostFocus();
    if (this.scrollAnchor) void this.keepScrollAnchor();
    // Focus moves after this update (they may change the tab stop, i.e. render again).
    const request = this.focusRequest;
    if (request) {
      this.focusRequest = null;
      queueMicrotask(() => void this.landFocus(request));
    } else if (this.revealSelected) {
      this.revealSelected = false;
      queueMicrotask(() => void this.reveal(this.selected));
    }
  }

  /** Moves focus to a session's card (scrolling it into view), if it is in the list. */
  async focusSession(id: string): Promise<boolean> {
    if (!this.rows.position.has(id)) return false;
    this.activeId = id;
    // The card that had focus may scroll out of the DOM on the way: that is no loss to undo.
    this.movingTo = id;
    try {
      await this.updateComplete;
      const card = await this.reveal(id);
      if (this.movingTo === id) card?.focus();
      return card !== null;
    } finally {
      if (this.movingTo === id) this.movingTo = null;
      this.focusLostBy = null;
    }
  }

  /**
   * Retries what failed: the next page when some sessions are shown, else the whole list.
   * Without a store, asks the host to with `chat-list-retry` (fired in both cases).
   */
  retry(): void {
    const source = this.lists.source;
    this.dispatchEvent(new ChatListRetryEvent(this.view.tab));
    if (!source) return;
    source.clearError?.();
    void (this.view.items.length > 0 && this.view.loaded ? source.loadMore() : source.load());
  }

  // ─── Data in ────────────────────────────────────────────────────────────────────────────

  /** The list changed under us: keep the selection to what's there, and focus where it was. */
  private followItems(): void {
    const { items } = this.view;
    const position = this.rows.position;
    if ([...this.checked].some((id) => !position.has(id))) {
      this.checked = new Set([...this.checked].filter((id) => position.has(id)));
    }
    const focused = this.focusedSessionId() ?? this.focusLostBy?.id ?? null;
    if (focused !== null && !position.has(focused)) {
      // It left (archived, deleted, moved away by a change elsewhere): its successor takes its
      // place, else the one before.
      const was = this.previousPositions.get(focused) ?? this.focusLostBy?.position ?? 0;
      const successor = items[Math.min(was, items.length - 1)];
      this.activeId = successor?.id ?? null;
      this.focusRequest = { id: successor?.id ?? null, position: was };
      this.focusLostBy = null;
    }
    if (this.loadMoreAskedFor !== null && this.loadMoreAskedFor !== items)
      this.loadMoreAskedFor = null;
  }

  /** The session whose card has focus, or null. */
  private focusedSessionId(): string | null {
    const active = this.shadowRoot?.activeElement;
    return active instanceof HTMLElement && active.dataset['sessionId']
      ? active.dataset['sessionId']
      : null;
  }

  private cardFor(id: string): HTMLElement | null {
    return (
      this.renderRoot.querySelector<HTMLElement>(`[data-session-id="${CSS.escape(id)}"]`) ?? null
    );
  }

  /**
   * Where the card the broker is looking at sits, before the list changes: the focused card if
   * it is on screen, else the first card on screen. Nothing when the list is at its top (new
   * sessions arriving there should be seen).
   */
  private captureScrollAnchor(): { id: string; top: number } | null {
    const list = this.listElement;
    if (!list || list.scrollTop <= 0) return null;
    const bounds = list.getBoundingClientRect();
    const focused = this.focusedSessionId();
    const candidates = [
      ...(focused ? [this.cardFor(focused)] : []),
      ...this.renderRoot.querySelectorAll<HTMLElement>('[data-session-id]'),
    ];
    for (const card of candidates) {
      const box = card?.getBoundingClientRect();
      if (card && box && box.bottom > bounds.top && box.top < bounds.bottom) {
        return { id: card.dataset['sessionId'] ?? '', top: box.top - bounds.top };
      }
    }
    return null;
  }

  /**
   * Nothing jumps when sessions arrive or leave above what the broker is looking at: once the
   * virtualizer has laid out the new list, the anchor card is scrolled back to where it was.
   */
  private async keepScrollAnchor(): Promise<void> {
    const virtualizer = this.listElement?.[virtualizerRef];
    try {
      await virtualizer?.layoutComplete;
    } catch {
      // The list left the page meanwhile.
    }
    const anchor = this.scrollAnchor;
    this.scrollAnchor = null;
    const list = this.listElement;
    if (!anchor || !list || !this.rows.position.has(anchor.id)) return;
    let card = this.cardFor(anchor.id);
    if (!card) return;
    const delta = card.getBoundingClientRect().top - list.getBoundingClientRect().top - anchor.top;
    if (Math.abs(delta) < 1) return;
    list.scrollTop += delta;
    // The virtualizer may correct its estimates after the scroll: check once more.
    await nextFrame();
    card = this.cardFor(anchor.id);
    if (!card) return;
    const rest = card.getBoundingClientRect().top - list.getBoundingClientRect().top - anchor.top;
    if (Math.abs(rest) >= 1) list.scrollTop += rest;
  }

  /** Brings a session's row into view; resolves with its card, or null. */
  private async reveal(id: string): Promise<HTMLElement | null> {
    let card = this.cardFor(id);
    const rowIndex = this.rows.rowIndex.get(id);
    let scrolled = card !== null;
    for (let frame = 0; frame < 30 && !card && rowIndex !== undefined; frame += 1) {
      const virtualizer = this.listElement?.[virtualizerRef];
      if (!scrolled && virtualizer) {
        try {
          // The heading of the first group scrolls in with the first session.
          virtualizer.element(rowIndex === 1 ? 0 : rowIndex)?.scrollIntoView({ block: 'nearest' });
          scrolled = true;
        } catch {
          // The virtualizer's layout isn't ready yet (first render): try again next frame.
        }
      }
      await nextFrame();
      card = this.cardFor(id);
    }
    card?.scrollIntoView({ block: 'nearest' });
    return card;
  }

  /**
   * A card that lost focus to a rewrite of the list (the virtualizer moving or replacing it)
   * gets it back, unless focus went somewhere meanwhile.
   */
  private takeBackLostFocus(): void {
    const lost = this.focusLostBy;
    if (lost === null || this.movingTo !== null) return;
    this.focusLostBy = null;
    const active = document.activeElement;
    if (active && active !== document.body && active !== this) return;
    if (this.shadowRoot?.activeElement) return;
    queueMicrotask(() => void this.landFocus(lost));
  }

  private handleListFocusOut(event: FocusEvent): void {
    const card = event.target as HTMLElement;
    const id = card.dataset['sessionId'];
    // Focus that goes nowhere while the list is being rewritten was taken by the rewrite. The
    // card's own position is the one it had (the rows may already be the new ones).
    if (id && event.relatedTarget === null && this.rewritingList) {
      this.focusLostBy = { id, position: Number(card.getAttribute('aria-posinset') ?? 1) - 1 };
    }
  }

  private async landFocus(request: FocusRequest): Promise<void> {
    // A dialog or menu that opened meanwhile keeps focus; it gives it back when it closes.
    if (this.dialog || this.menu) return;
    const { items } = this.view;
    const id =
      request.id && this.rows.position.has(request.id)
        ? request.id
        : (items[Math.min(request.position, items.length - 1)]?.id ?? null);
    if (id === null) {
      // Nothing left to focus in the list: the chosen tab is the closest sensible place.
      this.renderRoot.querySelector<HTMLElement>('[role="tab"][aria-selected="true"]')?.focus();
      return;
    }
    if (this.focusedSessionId() === id) return;
    this.activeId = id;
    await this.updateComplete;
    const card = await this.reveal(id);
    if (!this.dialog && !this.menu) card?.focus();
  }

  // ─── Acting on sessions ─────────────────────────────────────────────────────────────────

  private sessionById(id: string): Session | undefined {
    const position = this.rows.position.get(id);
    return position === undefined ? undefined : this.view.items[position];
  }

  private checkedSessions(): Session[] {
    return this.view.items.filter((session) => this.checked.has(session.id));
  }

  /** A session's name for dialogs and messages: its title, its route, or "Untitled session". */
  private nameOf(session: Session): string {
    const title = session.title.trim();
    if (title) return title;
    const first = session.legs[0];
    const last = session.legs.at(-1);
    if (first && last) return `${first.from} → ${last.to}`;
    return this.text.untitledSession;
  }

  private actionLabel(action: SessionAction): string {
    return this.text.actionLabels[action].replace(/…$/, '');
  }

  private selectSession(id: string): void {
    const session = this.sessionById(id);
    if (!session) return;
    this.selected = id;
    this.activeId = id;
    this.dispatchEvent(new ChatSessionSelectEvent(session));
  }

  /** The event that announces `action` on one session; false when the host canceled it. */
  private announce(action: SessionAction, session: Session, options: ActionOptions): boolean {
    let event: Event;
    switch (action) {
      case 'rename':
        event = new ChatSessionRenameEvent(session, options.title ?? '');
        break;
      case 'pin':
      case 'unpin':
        event = new ChatSessionPinEvent(session, action === 'pin');
        break;
      case 'mark_read':
        event = new ChatSessionMarkReadEvent(session);
        break;
      case 'delete':
        event = new ChatSessionDeleteEvent(session);
        break;
      case 'restore':
        event = new ChatSessionRestoreEvent(session);
        break;
      default:
        event = new ChatSessionActionEvent(
          session,
          action,
          action === 'complete' ? (options.outcome ?? 'won') : null,
        );
    }
    return this.dispatchEvent(event);
  }

  /**
   * Announces `action` on each session, then applies it through the store to those the host
   * did not take over. Resolves with the sessions it went through for (all the accepted ones
   * when there is no store: the host applies them).
   */
  private async apply(
    action: SessionAction,
    sessions: readonly Session[],
    options: ActionOptions = {},
  ): Promise<Session[]> {
    const accepted = sessions.filter((session) => this.announce(action, session, options));
    const source = this.lists.source;
    if (accepted.length === 0 || !source) return accepted;
    const failures: Array<{ session: Session; message: string }> = [];
    const [only] = accepted;
    if (accepted.length === 1 && only) {
      const result = await this.write(source, action, only, options);
      if (result.error) failures.push({ session: only, message: result.error.message });
    } else {
      const results = await source.bulk(
        action as SessionListBulkAction,
        accepted.map((session) => session.id),
        action === 'complete' ? { outcome: options.outcome ?? 'won' } : {},
      );
      results.forEach((result, index) => {
        const session = accepted[index];
        if (result.error && session) failures.push({ session, message: result.error.message });
      });
    }
    const [first] = failures;
    if (first) {
      const more = failures.length > 1 ? ` (+${failures.length - 1})` : '';
      this.problem = this.text.actionFailed(this.actionLabel(action), `${first.message}${more}`);
    }
    const failed = new Set(failures.map((failure) => failure.session.id));
    return accepted.filter((session) => !failed.has(session.id));
  }

  private write(
    source: SessionListSource,
    action: SessionAction,
    session: Session,
    options: ActionOptions,
  ): Promise<SessionListWriteResult> {
    switch (action) {
      case 'rename':
        return source.rename(session.id, options.title ?? '');
      case 'pin':
      case 'unpin':
        return source.setPinned(session.id, action === 'pin');
      case 'mark_read':
        return source.markRead(session.id);
      case 'delete':
        return source.delete(session.id);
      case 'restore':
        return source.restore(session.id);
      case 'complete':
        return source.transition(session.id, { action, outcome: options.outcome ?? 'won' });
      default:
        return source.transition(session.id, { action });
    }
  }

  /** Runs what a menu item or key asks for on some sessions. */
  private runAction(
    action: SessionAction,
    sessions: readonly Session[],
    returnTo: string | HTMLElement,
  ): void {
    if (sessions.length === 0) return;
    const [first] = sessions;
    if (action === 'delete') {
      this.requestDelete(sessions, returnTo);
    } else if (action === 'rename' && first) {
      this.dialog = { kind: 'rename', session: first, returnTo };
    } else if (action === 'complete') {
      this.completeOutcome = 'won';
      this.dialog = { kind: 'complete', sessions, returnTo };
    } else {
      void this.apply(action, sessions);
    }
  }

  /** Asks the host (cancelable `chat-session-delete-request`), then the broker, before deleting. */
  private requestDelete(sessions: readonly Session[], returnTo: string | HTMLElement): void {
    if (sessions.length === 0) return;
    if (!this.dispatchEvent(new ChatSessionDeleteRequestEvent(sessions))) return;
    this.dialog = { kind: 'delete', sessions, returnTo };
  }

  private async confirmDelete(sessions: readonly Session[]): Promise<void> {
    const deleted = await this.apply('delete', sessions);
    if (deleted.length === 0) return;
    const removed = new Set(deleted.map((session) => session.id));
    this.checked = new Set([...this.checked].filter((id) => !removed.has(id)));
    const [first] = deleted;
    this.showUndo({
      sessions: deleted,
      message: this.text.deleted(deleted.length, first ? this.nameOf(first) : ''),
    });
  }

  private showUndo(undo: UndoState): void {
    this.undo = undo;
    this.armUndoTimer();
  }

  private armUndoTimer(): void {
    clearTimeout(this.undoTimer);
    if (this.undoTimeout > 0)
      this.undoTimer = setTimeout(() => (this.undo = null), this.undoTimeout);
  }

  private async undoDelete(): Promise<void> {
    const undo = this.undo;
    if (!undo) return;
    const focusWasInToast = this.renderRoot
      .querySelector('.toast')
      ?.contains(this.shadowRoot?.activeElement ?? null);
    clearTimeout(this.undoTimer);
    this.undo = null;
    const restored = await this.apply('restore', undo.sessions);
    const [first] = restored;
    // The Undo button is gone: focus the session that came back.
    if (focusWasInToast && first) {
      this.focusRequest = { id: first.id, position: 0 };
      this.requestUpdate();
    }
  }

  private async create(input: CreateSessionInput, text: string | null): Promise<void> {
    const withId: CreateSessionInput = { ...input, id: input.id ?? newId() };
    if (!this.dispatchEvent(new ChatSessionCreateEvent(withId, text))) return;
    const source = this.lists.source;
    if (!source) return;
    if (this.view.tab !== 'active') this.changeTab('active');
    const result = await source.create(withId);
    if (result.error) throw new Error(result.error.message);
    const id = withId.id ?? result.data?.id;
    if (id) {
      this.selected = id;
      this.activeId = id;
      this.revealSelected = true;
      const session = result.data ?? this.sessionById(id);
      if (session) this.dispatchEvent(new ChatSessionSelectEvent(session));
    }
  }

  private changeTab(tab: SidebarTab): void {
    if (tab === this.view.tab) return;
    this.dispatchEvent(new ChatListTabChangeEvent(tab));
    this.menu = null;
    void this.lists.source?.setTab(tab);
  }

  private requestMore(): void {
    const view = this.view;
    if (!view.hasMore || view.loading || view.loadingMore || view.error) return;
    if (this.loadMoreAskedFor === view.items) return;
    this.loadMoreAskedFor = view.items;
    this.dispatchEvent(new ChatListLoadMoreEvent(view.tab, view.items.length));
    void this.lists.source?.loadMore();
  }

  // ─── Menus and dialogs ──────────────────────────────────────────────────────────────────

  private openSessionMenu(id: string, anchor: HTMLElement): void {
    const session = this.sessionById(id);
    if (!session) return;
    // A menu for a session that is part of the selection acts on that session alone; the bar
    // acts on the selection.
    const items = availableActions(session).map<MenuItem>((action) => ({
      key: action,
      label: this.text.actionLabels[action],
      run: () => this.runAction(action, [session], id),
    }));
    this.activeId = id;
    this.menu = { kind: 'session', label: this.text.sessionActions, items, anchor, returnTo: id };
  }

  private openNewMenu(anchor: HTMLElement): void {
    const items: MenuItem[] = [
      {
        key: 'flight_request',
        label: this.text.newFlightRequest,
        run: () =>
          void this.create({ kind: 'flight_request' }, null).catch(this.reportCreateFailure),
      },
      {
        key: 'general',
        label: this.text.newGeneralChat,
        run: () => void this.create({ kind: 'general' }, null).catch(this.reportCreateFailure),
      },
    ];
    this.menu = { kind: 'new', label: this.text.newMenu, items, anchor, returnTo: anchor };
  }

  private readonly reportCreateFailure = (error: unknown): void => {
    this.problem = this.text.quickCreateFailed(
      error instanceof Error ? error.message : String(error),
    );
  };

  private closeMenu(returnFocus: boolean): void {
    const menu = this.menu;
    if (!menu) return;
    this.menu = null;
    if (returnFocus) this.returnFocus(menu.returnTo);
  }

  private returnFocus(to: string | HTMLElement): void {
    if (typeof to === 'string') {
      this.focusRequest = {
        id: to,
        position: this.previousPositions.get(to) ?? this.rows.position.get(to) ?? 0,
      };
      this.requestUpdate();
    } else if (to.isConnected) {
      to.focus();
    }
  }

  private syncMenu(): void {
    const menu = this.menu;
    const element = this.menuElement;
    if (!menu || !element) return;
    if (typeof element.showPopover === 'function' && !element.matches(':popover-open'))
      element.showPopover();
    const anchor = menu.anchor.getBoundingClientRect();
    const box = element.getBoundingClientRect();
    const margin = 8;
    let top = anchor.bottom + 4;
    if (top + box.height > window.innerHeight - margin)
      top = Math.max(margin, anchor.top - box.height - 4);
    const left = Math.min(
      Math.max(margin, anchor.right - box.width),
      window.innerWidth - box.width - margin,
    );
    element.style.top = `${Math.round(top)}px`;
    element.style.left = `${Math.round(Math.max(margin, left))}px`;
    element.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
  }

  private syncDialog(): void {
    const dialog = this.dialogElement;
    if (!dialog) return;
    if (this.dialog && !dialog.open) {
      dialog.showModal();
      dialog.querySelector<HTMLElement>('[autofocus]')?.focus();
    } else if (!this.dialog && dialog.open) {
      dialog.close();
    }
  }

  private closeDialog(): DialogState | null {
    const dialog = this.dialog;
    this.dialog = null;
    if (dialog) this.returnFocus(dialog.returnTo);
    return dialog;
  }

  // ─── Event handlers ─────────────────────────────────────────────────────────────────────

  private readonly handleHostKeyDown = (event: KeyboardEvent): void => {
    if (
      !this.undo ||
      event.key.toLowerCase() !== 'z' ||
      !(event.ctrlKey || event.metaKey) ||
      event.shiftKey
    )
      return;
    // Text fields keep their own undo.
    const target = event.composedPath()[0];
    if (target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement) return;
    event.preventDefault();
    void this.undoDelete();
  };

  private handleListKeyDown(event: KeyboardEvent): void {
    const id = this.focusedSessionId();
    if (id === null || event.altKey) return;
    const items = this.view.items;
    const position = this.rows.position.get(id) ?? 0;
    const command = event.ctrlKey || event.metaKey;
    switch (event.key) {
      case 'ArrowDown':
        this.moveTo(position + 1, event.shiftKey);
        break;
      case 'ArrowUp':
        this.moveTo(position - 1, event.shiftKey);
        break;
      case 'Home':
        this.moveTo(0, event.shiftKey);
        break;
      case 'End':
        this.moveTo(items.length - 1, event.shiftKey);
        break;
      case 'PageDown':
        this.moveTo(position + PAGE_ROWS, event.shiftKey);
        break;
      case 'PageUp':
        this.moveTo(position - PAGE_ROWS, event.shiftKey);
        break;
      case 'Enter':
        this.selectSession(id);
        break;
      case ' ':
        if (event.shiftKey && this.anchorId) {
          this.checked = new Set([...this.checked, ...idsBetween(items, this.anchorId, id)]);
        } else {
          this.toggleChecked(id);
          this.anchorId = id;
        }
        break;
      case 'a':
      case 'A':
        if (!command) return;
        this.checked =
          this.checked.size === items.length
            ? new Set()
            : new Set(items.map((session) => session.id));
        break;
      case 'Delete': {
        const session = this.sessionById(id);
        if (!session) return;
        this.requestDelete(this.checked.has(id) ? this.checkedSessions() : [session], id);
        break;
      }
      case 'F10':
        if (!event.shiftKey) return;
        this.openSessionMenu(id, event.target as HTMLElement);
        break;
      case 'ContextMenu':
        this.openSessionMenu(id, event.target as HTMLElement);
        break;
      case 'Escape':
        if (this.checked.size === 0) return;
        this.checked = new Set();
        this.anchorId = null;
        break;
      default:
        return;
    }
    event.preventDefault();
    event.stopPropagation();
  }

  private toggleChecked(id: string): void {
    const next = new Set(this.checked);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    this.checked = next;
  }

  private moveTo(target: number, extend: boolean): void {
    const items = this.view.items;
    if (items.length === 0) return;
    const clamped = Math.max(0, Math.min(items.length - 1, target));
    const session = items[clamped];
    const from = this.focusedSessionId();
    if (!session) return;
    if (extend) {
      this.anchorId ??= from ?? session.id;
      this.checked = new Set(idsBetween(items, this.anchorId, session.id));
    } else {
      this.anchorId = session.id;
    }
    void this.focusSession(session.id);
    if (clamped >= items.length - LOAD_AHEAD_ROWS) this.requestMore();
  }

  private handleListClick(event: MouseEvent): void {
    const path = event.composedPath();
    const button = path.find(
      (node): node is HTMLElement =>
        node instanceof HTMLElement && node.dataset['actionsFor'] !== undefined,
    );
    if (button) {
      this.openSessionMenu(button.dataset['actionsFor'] ?? '', button);
      return;
    }
    const card = path.find(
      (node): node is HTMLElement =>
        node instanceof HTMLElement && node.dataset['sessionId'] !== undefined,
    );
    const id = card?.dataset['sessionId'];
    if (!card || !id) return;
    if (event.shiftKey) {
      this.anchorId ??= this.activeId ?? id;
      this.checked = new Set(idsBetween(this.view.items, this.anchorId, id));
    } else if (event.ctrlKey || event.metaKey) {
      this.toggleChecked(id);
      this.anchorId = id;
    } else {
      this.checked = new Set();
      this.anchorId = id;
      this.selectSession(id);
    }
    this.activeId = id;
    card.focus();
  }

  private handleListMouseDown(event: MouseEvent): void {
    // Shift-click selects sessions, not text.
    if (event.shiftKey) event.preventDefault();
  }

  private handleListContextMenu(event: MouseEvent): void {
    const card = event
      .composedPath()
      .find(
        (node): node is HTMLElement =>
          node instanceof HTMLElement && node.dataset['sessionId'] !== undefined,
      );
    const id = card?.dataset['sessionId'];
    if (!card || !id || this.menu) return;
    event.preventDefault();
    this.openSessionMenu(id, card);
  }

  private handleRangeChanged(event: RangeChangedEvent): void {
    // The virtualizer re-renders its rows right after this event (in its own listener).
    this.rewritingList = true;
    queueMicrotask(() => {
      this.rewritingList = false;
      this.takeBackLostFocus();
    });
    // The tab stop must stay in the DOM: when its card scrolled out of the rendered range (the
    // list not focused), it moves to the first session rendered.
    const active = this.activeId === null ? undefined : this.rows.rowIndex.get(this.activeId);
    if (this.focusedSessionId() !== null || this.focusRequest || this.movingTo || this.focusLostBy)
      return;
    if (active !== undefined && active >= event.first && active <= event.last) return;
    const firstRendered = this.rows.rows
      .slice(event.first, event.last + 1)
      .find((row): row is Extract<SidebarRow, { kind: 'session' }> => row.kind === 'session');
    if (firstRendered && !this.revealSelected) this.activeId = firstRendered.session.id;
  }

  private handleVisibilityChanged(event: VisibilityChangedEvent): void {
    if (event.last >= this.rows.rows.length - 1 - LOAD_AHEAD_ROWS) this.requestMore();
  }

  private handleTabKeyDown(event: KeyboardEvent): void {
    // From the tab that has focus: with plain data the host may not have switched yet.
    const focused = (event.target as HTMLElement).id.replace(/^tab-/, '');
    const index = Math.max(0, TABS.indexOf(focused as SidebarTab));
    let next: number;
    switch (event.key) {
      case 'ArrowRight':
        next = (index + 1) % TABS.length;
        break;
      case 'ArrowLeft':
        next = (index - 1 + TABS.length) % TABS.length;
        break;
      case 'Home':
        next = 0;
        break;
      case 'End':
        next = TABS.length - 1;
        break;
      default:
        return;
    }
    event.preventDefault();
    const tab = TABS[next];
    if (!tab) return;
    this.changeTab(tab);
    this.renderRoot.querySelector<HTMLElement>(`#tab-${tab}`)?.focus();
  }

  private handleSearchInput(event: InputEvent): void {
    const value = (event.target as HTMLInputElement).value;
    this.dispatchEvent(new ChatListSearchEvent(value));
    const source = this.lists.source;
    if (source) source.setSearch(value);
    else this.typedSearch = value;
  }

  private handleSearchKeyDown(event: KeyboardEvent): void {
    const input = event.target as HTMLInputElement;
    if (event.key === 'Enter') {
      event.preventDefault();
      void this.lists.source?.flushSearch();
    } else if (event.key === 'Escape' && input.value !== '') {
      event.preventDefault();
      event.stopPropagation();
      input.value = '';
      this.dispatchEvent(new ChatListSearchEvent(''));
      const source = this.lists.source;
      if (source) {
        source.setSearch('');
        void source.flushSearch();
      } else {
        this.typedSearch = '';
      }
    }
  }

  private handleSortToggle(): void {
    const next: SessionSort = this.view.sort === 'attention' ? 'recent' : 'attention';
    this.dispatchEvent(new ChatListSortChangeEvent(next));
    void this.lists.source?.setSort(next);
  }

  private async handleQuickCreate(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const text = this.quickText.trim();
    if (!text || this.quickBusy) return;
    this.quickBusy = true;
    this.quickError = '';
    try {
      const draft = await draftFromText(text, {
        endpoint: this.metadataEndpoint,
        parser: this.metadataParser,
        context: {
          timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
          referenceDate: new Date(this.clockController.now),
        },
      });
      await this.create(createInputFrom(draft, text), text);
      this.quickText = '';
    } catch (error) {
      this.quickError = this.text.quickCreateFailed(
        error instanceof Error ? error.message : String(error),
      );
    } finally {
      this.quickBusy = false;
    }
  }

  private handleMenuKeyDown(event: KeyboardEvent): void {
    const items = [...(this.menuElement?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
    const current = items.indexOf(this.shadowRoot?.activeElement as HTMLElement);
    let next: number | null = null;
    switch (event.key) {
      case 'ArrowDown':
        next = (current + 1) % items.length;
        break;
      case 'ArrowUp':
        next = (current - 1 + items.length) % items.length;
        break;
      case 'Home':
        next = 0;
        break;
      case 'End':
        next = items.length - 1;
        break;
      case 'Escape':
      case 'Tab':
        event.preventDefault();
        event.stopPropagation();
        this.closeMenu(true);
        return;
      default:
        return;
    }
    event.preventDefault();
    items[next]?.focus();
  }

  private handleMenuFocusOut(event: FocusEvent): void {
    const to = event.relatedTarget as Node | null;
    if (to && this.menuElement?.contains(to)) return;
    // Focus went elsewhere (a click outside, or the action opened a dialog): just close.
    this.closeMenu(false);
  }

  private handleMenuItem(item: MenuItem): void {
    // Focus goes back to where the menu was opened; an action that opens a dialog takes it
    // from there and gives it back when it closes.
    this.closeMenu(true);
    item.run();
  }

  private handleDialogSubmit(event: SubmitEvent): void {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const dialog = this.closeDialog();
    if (!dialog) return;
    if (dialog.kind === 'rename') {
      const title =
        (form.elements.namedItem('title') as HTMLInputElement | null)?.value.trim() ?? '';
      if (title && title !== dialog.session.title)
        void this.apply('rename', [dialog.session], { title });
    } else if (dialog.kind === 'complete') {
      const completable = dialog.sessions.filter((session) => canApply(session.status, 'complete'));
      void this.apply('complete', completable, { outcome: this.completeOutcome });
      this.checked = new Set();
    } else {
      void this.confirmDelete(dialog.sessions);
    }
  }

  private handleDialogClose(): void {
    // Escape, or the dialog closed by itself.
    if (this.dialog) this.closeDialog();
  }

  private handleBulk(action: SessionListBulkAction | 'complete-dialog' | 'delete'): void {
    const sessions = this.checkedSessions();
    const returnTo = this.activeId ?? '';
    switch (action) {
      case 'archive':
        void this.apply(
          'archive',
          sessions.filter((session) => canApply(session.status, 'archive')),
        );
        this.checked = new Set();
        break;
      case 'mark_read':
        void this.apply(
          'mark_read',
          sessions.filter((session) => session.unreadCount > 0),
        );
        break;
      case 'complete-dialog':
        this.runAction(
          'complete',
          sessions.filter((session) => canApply(session.status, 'complete')),
          returnTo,
        );
        break;
      case 'delete':
        this.requestDelete(sessions, returnTo);
        break;
      default:
        break;
    }
  }

  // ─── Rendering ──────────────────────────────────────────────────────────────────────────

  protected override render(): TemplateResult {
    const view = this.view;
    const tab = isSidebarTab(view.tab) ? view.tab : null;
    return html`
      <div part="base" class="base">
        ${this.renderHeader(tab)}
        <div
          part="panel"
          class="panel"
          role="tabpanel"
          id="panel"
          aria-labelledby=${tab ? `tab-${tab}` : nothing}
          aria-busy=${view.loading || view.loadingMore ? 'true' : 'false'}
        >
          ${this.renderPanelBody(tab)} ${this.renderBulkBar()}
          <div class="visually-hidden" role="status">
            ${view.loading ? this.text.loading : view.loadingMore ? this.text.loadingMore : ''}
          </div>
        </div>
        ${this.renderToasts()}
      </div>
      ${this.renderMenu()} ${this.renderDialog()}
    `;
  }

  private renderHeader(tab: SidebarTab | null): TemplateResult {
    const text = this.text;
    const view = this.view;
    const search = this.lists.source ? view.searchInput : (this.typedSearch ?? view.searchInput);
    return html`
      <div part="header" class="header">
        <div class="title-row">
          <div part="heading" class="heading" role="heading" aria-level=${this.headingLevel}>${text.heading}</div>
          ${
            view.unread > 0
              ? html`<span part="unread-total" class="unread-total"
                >${text.unreadTotal(view.unread, this.formatter.number(view.unread))}</span
              >`
              : nothing
          }
          <button
            part="new-button"
            class="button primary new-button"
            type="button"
            aria-haspopup="menu"
            aria-expanded=${this.menu?.kind === 'new' ? 'true' : 'false'}
            @click=${(event: MouseEvent) => this.openNewMenu(event.currentTarget as HTMLElement)}
          >
            <span aria-hidden="true" class="plus">+</span>${text.newSession}
          </button>
        </div>
        <form part="quick-create" class="quick-create" @submit=${this.handleQuickCreate}>
          <label class="visually-hidden" for="quick-create">${text.quickCreateLabel}</label>
          <input
            part="quick-create-input"
            id="quick-create"
            class="field"
            autocomplete="off"
            maxlength="4000"
            placeholder=${text.quickCreatePlaceholder}
            aria-invalid=${this.quickError ? 'true' : 'false'}
            aria-describedby=${this.quickError ? 'quick-create-error' : nothing}
            .value=${live(this.quickText)}
            @input=${(event: InputEvent) => {
              this.quickText = (event.target as HTMLInputElement).value;
              this.quickError = '';
            }}
          />
          <button
            part="quick-create-button"
            class="button"
            type="submit"
            aria-disabled=${this.quickBusy || !this.quickText.trim() ? 'true' : 'false'}
          >
            ${this.quickBusy ? text.quickCreateBusy : text.quickCreateSubmit}
          </button>
          ${
            this.quickError
              ? html`<p part="quick-create-error" class="field-error" id="quick-create-error" role="alert">
                ${this.quickError}
              </p>`
              : nothing
          }
        </form>
        <div class="search-row">
          <input
            part="search"
            class="field search"
            type="search"
            autocomplete="off"
            maxlength="200"
            aria-label=${text.searchLabel}
            placeholder=${text.searchPlaceholder}
            .value=${live(search)}
            @input=${this.handleSearchInput}
            @keydown=${this.handleSearchKeyDown}
          />
          <button
            part="sort"
            class="button toggle"
            type="button"
            aria-pressed=${view.sort === 'attention' ? 'true' : 'false'}
            title=${text.sortAttentionHint}
            @click=${this.handleSortToggle}
          >
            <span aria-hidden="true">⇅</span>${text.sortAttention}
          </button>
        </div>
        <div part="tabs" class="tabs" role="tablist" aria-label=${text.tabsLabel} @keydown=${this.handleTabKeyDown}>
          ${TABS.map((name) => this.renderTab(name, name === tab, name === (tab ?? 'active')))}
        </div>
      </div>
    `;
  }

  private renderTab(tab: SidebarTab, chosen: boolean, tabStop: boolean): TemplateResult {
    const count = this.countsKnown ? this.view.tabCounts?.[tab] : undefined;
    return html`<button
      part=${chosen ? 'tab selected' : 'tab'}
      class="tab"
      type="button"
      role="tab"
      id=${`tab-${tab}`}
      aria-selected=${chosen ? 'true' : 'false'}
      aria-controls="panel"
      tabindex=${tabStop ? '0' : '-1'}
      @click=${() => this.changeTab(tab)}
    >
      <span>${this.text.tabLabels[tab]}</span>
      ${
        count === undefined
          ? nothing
          : html`<span part="tab-count" class="tab-count">${this.formatter.number(count)}</span>`
      }
    </button>`;
  }

  private renderBulkBar(): TemplateResult | typeof nothing {
    const count = this.checked.size;
    if (count === 0) return nothing;
    const text = this.text;
    const sessions = this.checkedSessions();
    const can = (action: LifecycleAction) =>
      sessions.some((session) => canApply(session.status, action));
    return html`<div part="bulk-bar" class="bulk-bar" role="group" aria-label=${text.bulkLabel}>
      <span part="bulk-count" class="bulk-count" role="status">${text.selectedCount(count, this.formatter.number(count))}</span>
      <div class="bulk-buttons">
        ${
          can('archive')
            ? html`<button class="button small" type="button" @click=${() => this.handleBulk('archive')}>${text.bulkArchive}</button>`
            : nothing
        }
        ${
          can('complete')
            ? html`<button class="button small" type="button" @click=${() => this.handleBulk('complete-dialog')}>${text.bulkComplete}</button>`
            : nothing
        }
        ${
          sessions.some((session) => session.unreadCount > 0)
            ? html`<button class="button small" type="button" @click=${() => this.handleBulk('mark_read')}>${text.bulkMarkRead}</button>`
            : nothing
        }
        <button class="button small danger" type="button" @click=${() => this.handleBulk('delete')}>${text.bulkDelete}</button>
        <button
          class="button small icon"
          type="button"
          aria-label=${text.clearSelection}
          title=${text.clearSelection}
          @click=${() => {
            this.checked = new Set();
            this.anchorId = null;
          }}
        >
          <span aria-hidden="true">×</span>
        </button>
      </div>
    </div>`;
  }

  private renderPanelBody(tab: SidebarTab | null): TemplateResult {
    const view = this.view;
    const text = this.text;
    if (view.items.length > 0) {
      return html`${this.renderList(tab)}
      ${
        view.error
          ? html`<div part="error" class="error inline" role="alert">
            <span>${text.loadMoreFailed}</span>
            <button part="retry-button" class="button small" type="button" @click=${() => this.retry()}>${text.retry}</button>
          </div>`
          : nothing
      }`;
    }
    if (view.error) {
      return html`<div part="error" class="error" role="alert">
        <p class="error-title">${text.loadFailed}</p>
        <p class="error-detail">${view.error.message}</p>
        <button part="retry-button" class="button" type="button" @click=${() => this.retry()}>${text.retry}</button>
      </div>`;
    }
    if (!view.loaded || view.loading) {
      return html`<div class="skeletons" aria-hidden="true">
        ${Array.from({ length: SKELETONS }, () => html`<div part="skeleton" class="skeleton"><span></span><span></span><span></span></div>`)}
      </div>`;
    }
    const search = view.search.trim();
    if (search) {
      return html`<div part="empty" class="empty"><slot name="empty-search">${text.emptySearch(search)}</slot></div>`;
    }
    const name = tab ?? 'active';
    return html`<div part="empty" class="empty"><slot name=${`empty-${name}`}>${text.emptyLabels[name]}</slot></div>`;
  }

  private renderList(tab: SidebarTab | null): TemplateResult {
    const text = this.text;
    return html`<p id="list-help" class="visually-hidden">${text.keyboardHelp}</p>
      <div
        part="list"
        class="list"
        role="listbox"
        aria-label=${text.listLabel(tab ? text.tabLabels[tab] : text.heading)}
        aria-describedby="list-help"
        aria-multiselectable="true"
        @keydown=${this.handleListKeyDown}
        @focusout=${this.handleListFocusOut}
        @mousedown=${this.handleListMouseDown}
        @click=${this.handleListClick}
        @contextmenu=${this.handleListContextMenu}
        @rangeChanged=${this.handleRangeChanged}
        @visibilityChanged=${this.handleVisibilityChanged}
      >
        ${virtualize<SidebarRow>({
          items: this.rows.rows as SidebarRow[],
          // The virtualizer may ask for rows past the end for a moment after the list shrinks.
          keyFunction: (row, index) => row?.key ?? `gone:${index}`,
          renderItem: (row) => (row ? this.renderRow(row) : html``),
          layout: LIST_LAYOUT,
          scroller: true,
        })}
      </div>`;
  }

  private renderRow(row: SidebarRow): TemplateResult {
    if (row.kind === 'heading') {
      return html`<div part="group-heading" class="group-heading" aria-hidden="true">${this.text.groupLabels[row.group]}</div>`;
    }
    if (row.kind === 'more') {
      return html`<div class="more" aria-hidden="true"><div part="skeleton" class="skeleton"><span></span><span></span></div></div>`;
    }
    return html`<div part="item" class="row">
      ${this.renderCard(row.session, row.position)}
      <button
        part="item-actions"
        class="row-actions"
        type="button"
        tabindex="-1"
        aria-hidden="true"
        title=${this.text.sessionActions}
        data-actions-for=${row.session.id}
      >
        <span>⋯</span>
      </button>
    </div>`;
  }

  private renderCard(session: Session, position: number): TemplateResult {
    const checked = this.checked.has(session.id);
    const open = session.id === this.selected;
    const classes = classMap({ card: true, checked });
    const tabindex = session.id === this.activeId ? '0' : '-1';
    const setSize = this.setSize();
    return session.kind === 'flight_request'
      ? html`<flight-request-card
          part="card"
          exportparts="base:card-base,route:card-route,stage-badge:card-stage-badge,unread-badge:card-unread-badge"
          class=${classes}
          interaction="option"
          data-session-id=${session.id}
          tabindex=${tabindex}
          aria-selected=${checked ? 'true' : 'false'}
          aria-current=${open ? 'true' : nothing}
          aria-posinset=${position + 1}
          aria-setsize=${setSize}
          .session=${session}
          .selected=${open}
          .locale=${this.locale}
          .clock=${this.clock}
          .airportName=${this.airportName}
          .strings=${this.flightRequestStrings}
        ></flight-request-card>`
      : html`<general-chat-card
          part="card"
          exportparts="base:card-base,title:card-title,unread-badge:card-unread-badge"
          class=${classes}
          interaction="option"
          data-session-id=${session.id}
          tabindex=${tabindex}
          aria-selected=${checked ? 'true' : 'false'}
          aria-current=${open ? 'true' : nothing}
          aria-posinset=${position + 1}
          aria-setsize=${setSize}
          .session=${session}
          .selected=${open}
          .locale=${this.locale}
          .clock=${this.clock}
          .strings=${this.generalChatStrings}
        ></general-chat-card>`;
  }

  /** How many sessions the list holds in all, or -1 while that is unknown (a search with more pages). */
  private setSize(): number {
    const view = this.view;
    if (!view.hasMore) return view.items.length;
    const total = view.search.trim() ? undefined : view.tabCounts?.[view.tab];
    return total === undefined ? -1 : Math.max(total, view.items.length);
  }

  private renderToasts(): TemplateResult {
    const text = this.text;
    return html`<div class="toasts">
      <div role="status" class="toast-region">
        ${
          this.undo
            ? html`<div
              part="toast"
              class="toast"
              @focusin=${() => clearTimeout(this.undoTimer)}
              @focusout=${() => this.armUndoTimer()}
            >
              <span class="toast-message">${this.undo.message}</span>
              <button part="toast-button" class="button small" type="button" @click=${() => void this.undoDelete()}>
                ${text.undo}
              </button>
              <button
                part="toast-button"
                class="button small icon"
                type="button"
                aria-label=${text.dismiss}
                title=${text.dismiss}
                @click=${() => {
                  clearTimeout(this.undoTimer);
                  this.undo = null;
                }}
              >
                <span aria-hidden="true">×</span>
              </button>
            </div>`
            : nothing
        }
      </div>
      <div role="alert" class="toast-region">
        ${
          this.problem
            ? html`<div part="toast" class="toast error">
              <span class="toast-message">${this.problem}</span>
              <button
                part="toast-button"
                class="button small icon"
                type="button"
                aria-label=${text.dismiss}
                title=${text.dismiss}
                @click=${() => (this.problem = '')}
              >
                <span aria-hidden="true">×</span>
              </button>
            </div>`
            : nothing
        }
      </div>
    </div>`;
  }

  private renderMenu(): TemplateResult | typeof nothing {
    const menu = this.menu;
    if (!menu) return nothing;
    return html`<div
      part="menu"
      class="menu"
      role="menu"
      aria-label=${menu.label}
      popover="manual"
      @keydown=${this.handleMenuKeyDown}
      @focusout=${this.handleMenuFocusOut}
    >
      ${menu.items.map(
        (item) => html`<button
          part="menu-item"
          class=${classMap({ 'menu-item': true, danger: item.key === 'delete' })}
          type="button"
          role="menuitem"
          tabindex="-1"
          data-action=${item.key}
          @click=${() => this.handleMenuItem(item)}
        >
          ${item.label}
        </button>`,
      )}
    </div>`;
  }

  private renderDialog(): TemplateResult {
    return html`<dialog part="dialog" class="dialog" aria-labelledby="dialog-title" @close=${this.handleDialogClose}>
      ${this.dialog ? this.renderDialogContent(this.dialog) : nothing}
    </dialog>`;
  }

  private renderDialogContent(dialog: DialogState): TemplateResult {
    const text = this.text;
    const cancel = html`<button class="button" type="button" @click=${() => this.closeDialog()}>${text.cancel}</button>`;
    if (dialog.kind === 'rename') {
      return html`<form class="dialog-form" @submit=${this.handleDialogSubmit}>
        <h2 id="dialog-title" class="dialog-title">${text.renameTitle}</h2>
        <label class="field-label" for="rename-title">${text.renameField}</label>
        <input class="field" id="rename-title" name="title" maxlength="200" autocomplete="off" autofocus .value=${dialog.session.title} />
        <div class="dialog-actions">${cancel}<button class="button primary" type="submit">${text.renameSubmit}</button></div>
      </form>`;
    }
    const [first] = dialog.sessions;
    const name = first ? this.nameOf(first) : '';
    const count = dialog.sessions.length;
    if (dialog.kind === 'complete') {
      return html`<form class="dialog-form" @submit=${this.handleDialogSubmit}>
        <h2 id="dialog-title" class="dialog-title">${text.completeTitle(count, name)}</h2>
        <fieldset class="outcomes">
          <legend>${text.outcomeLegend}</legend>
          ${OUTCOMES.map(
            (outcome) => html`<label class="outcome">
              <input
                type="radio"
                name="outcome"
                value=${outcome}
                ?autofocus=${outcome === this.completeOutcome}
                .checked=${outcome === this.completeOutcome}
                @change=${() => (this.completeOutcome = outcome)}
              />
              ${text.outcomeLabels[outcome]}
            </label>`,
          )}
        </fieldset>
        <div class="dialog-actions">${cancel}<button class="button primary" type="submit">${text.completeSubmit}</button></div>
      </form>`;
    }
    return html`<form class="dialog-form" @submit=${this.handleDialogSubmit}>
      <h2 id="dialog-title" class="dialog-title">${text.deleteTitle(count)}</h2>
      <p class="dialog-body">${text.deleteBody(count, name)}</p>
      <div class="dialog-actions">
        ${cancel}<button class="button danger-solid" type="submit" autofocus>${text.deleteConfirm}</button>
      </div>
    </form>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'chat-sidebar': ChatSidebar;
  }
}
