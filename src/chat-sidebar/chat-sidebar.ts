import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { FrameScheduledElement } from '../internal/frame-scheduled.js';
import { PreferencesController } from '../controllers/preferences-controller.js';
import { property, query, state } from 'lit/decorators.js';
import type { VirtualListScroller, VisibilityChangedEvent } from './virtual-list-events.js';
import { newId } from '@chat-sessions/sdk';
import type {
  ChatSessionsClient,
  CreateSessionInput,
  ListTab,
  Session,
  SessionAction,
} from '@chat-sessions/sdk';
import { ConnectionStatusLoader } from '../controllers/connection-status-loader.js';
import { FocusGroupController } from '../controllers/focus-group.js';
import { SelectionController } from '../controllers/selection.js';
import { SessionListController } from '../controllers/session-list-controller.js';
import {
  EMPTY_SESSION_LIST,
  type SessionListSource,
  type SessionListView,
} from '../controllers/session-list-source.js';
import { VirtualListFocusController } from '../controllers/virtual-list-focus.js';
import {
  ChatListTabChangeEvent,
  ChatSessionCreateEvent,
  ChatSessionSelectEvent,
} from '../events.js';
import type { FlightRequestCardStrings } from '../flight-request-card/flight-request-card.js';
import type { GeneralChatCardStrings } from '../general-chat-card/general-chat-card.js';
import { NowController, sharedClock } from '../internal/clock.js';
import { Formatter } from '../internal/format.js';
import { DialogController } from '../parts/dialog.js';
import type { MenuController } from '../parts/menu.js';
import type { AirportNameResolver, Clock, StringsOverride } from '../types.js';
import type { MenuItem, MenuState } from './action-menu.js';
import type { SidebarOnUse } from './on-use-loader.js';
import { chatSidebarStyles } from './chat-sidebar.styles.js';
import { renderTitleAndQuickCreate } from './header.js';
import { LOAD_AHEAD_ROWS, SessionListInput } from './list-input.js';
import { ListQuery } from './list-query.js';
import { QuickCreateController, type QuickCreateParser } from './quick-create.js';
import { RowsCache } from './rows.js';
import { renderPanelBody } from './session-list.js';
import { SidebarActions } from './sidebar-actions.js';
import { defaultSidebarStrings, type ChatSidebarStrings, type SidebarTab } from './strings.js';
import { SearchCountsController } from './search-counts.js';
import { isSidebarTab, renderTabs, shownCounts } from './tabs.js';
import { SidebarTrash } from './trash-entry.js';

/** Rows PageUp / PageDown move by. */
const PAGE_ROWS = 8;

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
 * Quick create previews what the text says as the broker types (choices for what it leaves
 * open); Enter creates it, the text its first message; Escape closes the preview, then clears.
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
 * @event {ChatSessionDeleteRequestEvent} chat-session-delete-request - `ChatSessionDeleteRequestEvent`: before the confirmation; cancel to keep the sessions (or ask yourself).
 * @event chat-session-delete - `ChatSessionDeleteEvent`: confirmed, once per session. Cancelable.
 * @event chat-session-restore - `ChatSessionRestoreEvent`: the broker undid a delete, or restored a session in the trash view. Cancelable.
 * @event {ChatSessionPurgeRequestEvent} chat-session-purge-request - `ChatSessionPurgeRequestEvent`: "Delete forever" in the trash view, before the confirmation; cancel to keep the sessions.
 * @event {ChatSessionPurgeEvent} chat-session-purge - `ChatSessionPurgeEvent`: a trashed session was deleted forever (after the confirmation; once per session).
 * @event chat-list-tab-change - `ChatListTabChangeEvent`: another tab was chosen.
 * @event {ChatListSortChangeEvent} chat-list-sort-change - `ChatListSortChangeEvent`: the order was toggled.
 * @event {ChatListSearchEvent} chat-list-search - `ChatListSearchEvent`: the search text changed.
 * @event chat-list-load-more - `ChatListLoadMoreEvent`: the broker scrolled near the end and more sessions wait.
 * @event chat-list-retry - `ChatListRetryEvent`: the broker asked to retry a failed load.
 *
 * @csspart base - The sidebar's box.
 * @csspart header - Heading, unread total, New, quick create, search, sort and tabs.
 * @csspart connection - The `<chat-connection-status>` line (offline, reconnecting, waiting).
 * @csspart title-row - The row of the heading, the unread total and New.
 * @csspart heading - The heading.
 * @csspart unread-total - Unread operator replies across all sessions (absent at 0).
 * @csspart new-button - The New button.
 * @csspart quick-create - The quick create form; also `quick-create-input`, `quick-create-button`, `quick-create-error`, `quick-create-preview` (what the text says, corrected in place).
 * @csspart search-row - The row of the search field and the sort toggle.
 * @csspart search - The search field.
 * @csspart sort - The "needs attention first" toggle.
 * @csspart tabs - The tab list; each tab is `tab` (`tab selected` when chosen), its count `tab-count`.
 * @csspart trash-entry - The Trash button under the list (while the tabs show); its count is `trash-entry-count`.
 * @csspart trash-view - The trash view (in place of the tabs and the list): `trash-back`, `trash-heading`, `trash-count`, `trash-list`, `trash-row`, `trash-card`, `restore-button`, `purge-button`, `trash-bulk-bar`, `trash-empty`, `trash-error`, `trash-dialog`.
 * @csspart panel - The tab panel holding the list and its states.
 * @csspart bulk-bar - The bar of actions on the selected sessions; its count is `bulk-count`, its buttons are in `bulk-buttons`.
 * @csspart list - The list box (the scroller).
 * @csspart group-heading - A date group's heading (Pinned, Today, Yesterday, Previous 7 days, Older).
 * @csspart item - A session's row; `item-actions` is its pointer menu button.
 * @csspart card - Each session card. Its own parts are exported as `card-base`, `card-unread-badge`, and `card-route`, `card-stage-badge` (flight requests) or `card-title` (general chats).
 * @csspart skeleton - A placeholder card while loading; `skeletons` holds the first page's, `more` the one at the end while more load.
 * @csspart empty - The empty state.
 * @csspart error - A failed load, with its retry button (`retry-button`).
 * @csspart menu - A menu (session actions, New); its items are `menu-item`.
 * @csspart dialog - The rename, complete and delete dialogs.
 * @csspart toast - The undo toast and error messages; `toast-message` for their text, `toast-button` for their buttons; `toasts` holds them.
 * @csspart status - The visually hidden live region announcing loading.
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
export class ChatSidebar extends FrameScheduledElement {
  static override styles = chatSidebarStyles;

  /** The English strings every override is laid over. */
  static readonly defaultStrings: Readonly<ChatSidebarStrings> = defaultSidebarStrings;

  private readonly lists = new SessionListController(this);
  private readonly clockController = new NowController(this, sharedClock);
  protected readonly connectionStatus = new ConnectionStatusLoader(this); // <chat-connection-status> where it is lazy
  // From the menus' chunk, made on the first open. List focus moves wait for menus and dialog.
  private menus: MenuController | null = null;
  private readonly dialogs = new DialogController(this, {
    dialog: () => this.dialogElement,
    open: () => this.actions.dialog !== null,
  });
  private readonly listFocus = new VirtualListFocusController(this, {
    orientation: 'vertical',
    pageSize: PAGE_ROWS,
    list: () => this.listElement,
    count: () => this.view.items.length,
    idAt: (position) => this.view.items[position]?.id ?? null,
    position: () => this.rows.position,
    rowIndex: () => this.rows.rowIndex,
    idAtRow: (row) => {
      const at = this.rows.rows[row];
      return at?.kind === 'session' ? at.session.id : null;
    },
    busy: () => this.dialogs.open || this.menu !== null,
    // Nothing left to focus in the list: the chosen tab is the closest sensible place.
    focusElsewhere: () =>
      this.renderRoot.querySelector<HTMLElement>('[role="tab"][aria-selected="true"]')?.focus(),
  });
  private readonly tabs = new FocusGroupController(this, {
    orientation: 'horizontal',
    wrap: true,
    elements: () => [...this.renderRoot.querySelectorAll<HTMLElement>('[role="tab"]')],
    current: () =>
      this.renderRoot.querySelector<HTMLElement>(`#tab-${this.chosenTab() ?? 'active'}`),
    // From the tab that has focus: with plain data the host may not have switched yet.
    onMove: (tab) => this.changeTab(tab.id.replace(/^tab-/, '') as SidebarTab),
  });
  /** Sessions selected for a bulk action. */
  private readonly selection = new SelectionController(this, () =>
    this.view.items.map((session) => session.id),
  );
  private readonly actions = new SidebarActions(this, {
    source: () => this.lists.source,
    text: () => this.text,
    selection: this.selection,
    undoTimeout: () => this.undoTimeout,
    returnFocus: (to) => this.returnFocus(to),
    focusSession: (id) => this.listFocus.requestFocus({ id, position: 0 }),
  });
  private readonly quickCreate = new QuickCreateController(this, {
    now: () => this.clockController.now,
    create: (input, text) => this.create(input, text),
    failed: (message) => this.text.quickCreateFailed(message),
  });
  private readonly searchCounts = new SearchCountsController(this, () => this.lists.source);
  private readonly query = new ListQuery(this, {
    source: () => this.lists.source,
    view: () => this.view,
    sort: () => this.view.sort,
    typed: (value) => (this.typedSearch = value),
  });
  private readonly listInput = new SessionListInput({
    listFocus: this.listFocus,
    selection: this.selection,
    actions: this.actions,
    items: () => this.view.items,
    sessionById: (id) => this.sessionById(id),
    checkedSessions: () => this.checkedSessions(),
    selectSession: (id) => this.selectSession(id),
    openSessionMenu: (id, anchor) => this.openSessionMenu(id, anchor),
    menuOpen: () => this.menu !== null,
    requestMore: () => this.query.more(),
  });
  private readonly trash = new SidebarTrash(this, {
    view: () => this.view,
    text: () => this.text,
    number: (value) => this.formatter.number(value),
    changeTab: (tab) => this.changeTab(tab),
    source: () => this.lists.source,
    actions: this.actions,
    query: this.query,
  });

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

  /** `compact` fits about twice the cards (two lines each); `comfortable` is the default. */
  @property({ reflect: true }) density: 'compact' | 'comfortable' = 'comfortable';

  @state() private menu: MenuState | null = null;
  /** The search as typed, when no store keeps it. */
  @state() private typedSearch: string | null = null;

  @query('[role="listbox"]') private listElement!: VirtualListScroller | null;
  @query('.menu') private menuElement!: HTMLElement | null;
  @query('dialog') private dialogElement!: HTMLDialogElement | null;

  private text: ChatSidebarStrings = defaultSidebarStrings;
  private readonly preferences = new PreferencesController(this, 'sidebar');
  private formatter: Formatter = Formatter.for(undefined);
  private view: SessionListView = EMPTY_SESSION_LIST;
  private readonly rowsCache = new RowsCache();
  private rows = this.rowsCache.rows;
  /** Counts are shown once a first page arrived (before, they are zeros, not facts). */
  private countsKnown = false;
  /** The last menu asked for: one asked for while another's chunk loaded wins. */
  private menuRequest = 0;

  constructor() {
    super();
    this.addEventListener('keydown', this.actions.handleUndoKey);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    this.text = this.preferences.strings(defaultSidebarStrings, this.strings);
    this.formatter = Formatter.for(this.preferences.locale(this.locale));
    this.clockController.use(this.preferences.clock(this.clock));
    this.lists.use(this.store, this.client);

    const before = this.view;
    this.view =
      this.lists.value ??
      (this.snapshot
        ? { ...EMPTY_SESSION_LIST, loaded: true, ...this.snapshot }
        : EMPTY_SESSION_LIST);
    const view = this.view;
    if (view.loaded) this.countsKnown = true;
    this.searchCounts.sync(view);
    if (view.tab !== before.tab || view.search !== before.search || view.sort !== before.sort) {
      this.selection.clear();
    }

    const more = view.items.length > 0 && (view.hasMore || view.loadingMore);
    this.rows = this.rowsCache.for(view.items, view.sort, this.clockController.now, more);
    if (view.items !== before.items) {
      // The list changed under us: keep the selection to what's there, and focus where it was.
      const position = this.rows.position;
      this.listFocus.itemsChanged();
      this.selection.retain((id) => position.has(id));
    }
    if (changed.has('selected') && this.selected && this.rows.position.has(this.selected)) {
      this.listFocus.activeId = this.selected;
      this.listFocus.revealAfterNextUpdate(this.selected);
    }
    const active = this.listFocus.activeId;
    // After a tab change the tab stop is in no list (each session lists under one tab).
    if (active === null || view.tab !== before.tab || !this.rows.position.has(active)) {
      this.listFocus.activeId =
        this.selected && this.rows.position.has(this.selected)
          ? this.selected
          : (view.items[0]?.id ?? null);
    }
  }

  /** Resolves after the update that shows what a lazy part (a menu, a dialog) was loaded for. */
  protected override getUpdateComplete(): Promise<boolean> {
    return this.actions.onUse.settle(() => super.getUpdateComplete());
  }

  /** Moves focus to a session's card (scrolling it into view), if it is in the list. */
  async focusSession(id: string): Promise<boolean> {
    return this.listFocus.focusItem(id);
  }

  /**
   * Retries what failed: the next page when some sessions are shown, else the whole list.
   * Without a store, asks the host to with `chat-list-retry` (fired in both cases).
   */
  retry(): void {
    this.query.retry();
  }

  // ─── Acting on sessions ─────────────────────────────────────────────────────────────────

  private chosenTab(): SidebarTab | null {
    return isSidebarTab(this.view.tab) ? this.view.tab : null;
  }

  private sessionById(id: string): Session | undefined {
    const position = this.rows.position.get(id);
    return position === undefined ? undefined : this.view.items[position];
  }

  private checkedSessions(): Session[] {
    if (this.selection.size === 0) return [];
    return this.view.items.filter((session) => this.selection.has(session.id));
  }

  private selectSession(id: string): void {
    const session = this.sessionById(id);
    if (!session) return;
    this.selected = id;
    this.listFocus.activeId = id;
    this.dispatchEvent(new ChatSessionSelectEvent(session));
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
      this.listFocus.activeId = id;
      this.listFocus.revealAfterNextUpdate(id);
      const session = result.data ?? this.sessionById(id);
      if (session) this.dispatchEvent(new ChatSessionSelectEvent(session));
    }
  }

  private changeTab(tab: ListTab): void {
    if (tab === this.view.tab) return;
    this.dispatchEvent(new ChatListTabChangeEvent(tab));
    this.menu = null;
    this.renderNextUpdateNow();
    void this.lists.source?.setTab(tab);
  }

  // ─── Menus and dialogs ──────────────────────────────────────────────────────────────────

  private openSessionMenu(id: string, anchor: HTMLElement): void {
    const session = this.sessionById(id);
    if (!session) return;
    // A menu for a session that is part of the selection acts on that session alone; the bar
    // acts on the selection.
    const run = (action: SessionAction) => this.actions.run(action, [session], id);
    this.listFocus.activeId = id;
    const edit = () => void this.actions.edit(session, id);
    void this.openMenu((chunk) => chunk.sessionMenu(this.text, session, run, anchor, id, edit));
  }

  private openNewMenu(anchor: HTMLElement): void {
    const create = (kind: CreateSessionInput['kind']) =>
      void this.create({ kind }, null).catch(this.reportCreateFailure);
    void this.openMenu((chunk) => chunk.newSessionMenu(this.text, create, anchor));
  }

  /** Opens a menu once its chunk is there (at once after the first use); focus then goes in. */
  private async openMenu(build: (chunk: SidebarOnUse) => MenuState): Promise<void> {
    const request = ++this.menuRequest;
    const chunk = await this.actions.onUse.use();
    if (!chunk || request !== this.menuRequest) return;
    const menu = build(chunk);
    if (!menu.anchor.isConnected) return;
    this.menus ??= new chunk.MenuController(this, {
      menu: () => this.menuElement,
      close: (returnFocus) => this.closeMenu(returnFocus),
      tab: 'return',
    });
    this.menu = menu;
    this.menus.opened('first', menu.anchor);
  }

  private readonly reportCreateFailure = (error: unknown): void => {
    this.actions.report(
      this.text.quickCreateFailed(error instanceof Error ? error.message : String(error)),
    );
  };

  private closeMenu(returnFocus: boolean): void {
    this.menuRequest += 1;
    const menu = this.menu;
    if (!menu) return;
    this.menu = null;
    if (returnFocus) this.returnFocus(menu.returnTo);
  }

  private returnFocus(to: string | HTMLElement): void {
    if (typeof to === 'string') this.listFocus.returnFocusTo(to);
    else if (to.isConnected) to.focus();
  }

  // ─── Event handlers ─────────────────────────────────────────────────────────────────────

  private readonly handleVisibilityChanged = (event: VisibilityChangedEvent): void => {
    if (event.last >= this.rows.rows.length - 1 - LOAD_AHEAD_ROWS) this.query.more();
  };

  private handleMenuItem(item: MenuItem): void {
    // Focus goes back to where the menu was opened; an action that opens a dialog takes it
    // from there and gives it back when it closes.
    this.closeMenu(true);
    item.run();
  }

  // ─── Rendering ──────────────────────────────────────────────────────────────────────────

  protected override render(): TemplateResult {
    const view = this.view;
    const text = this.text;
    const tab = this.chosenTab();
    const counts = shownCounts(
      (name) =>
        this.searchCounts.active
          ? this.searchCounts.count(name)
          : this.countsKnown
            ? view.tabCounts?.[name]
            : undefined,
      (count) => this.formatter.number(count),
    );
    const checked = this.checkedSessions();
    const menus = this.menus;
    return html`
      <div part="base" class="base">
        <div part="header" class="header">
          ${renderTitleAndQuickCreate({
            text,
            headingLevel: this.headingLevel,
            unread: view.unread,
            unreadFormatted: this.formatter.number(view.unread),
            newMenuOpen: this.menu?.kind === 'new',
            quick: this.quickCreate,
            search: this.lists.source ? view.searchInput : (this.typedSearch ?? view.searchInput),
            attentionFirst: view.sort === 'attention',
            onNew: (event) => this.openNewMenu(event.currentTarget as HTMLElement),
            onNewIntent: this.actions.onUse.preload,
            onSearchInput: (event) => this.query.input(event),
            onSearchKeyDown: (event) => this.query.keydown(event),
            onSortToggle: () => this.query.toggleSort(),
          })}
          <chat-connection-status part="connection" .client=${this.client}></chat-connection-status>
          ${
            this.trash.open
              ? nothing
              : renderTabs({
                  text,
                  chosen: tab,
                  counts,
                  onKeyDown: this.tabs.handleKeyDown,
                  onChoose: (name) => this.changeTab(name),
                })
          }
        </div>
        ${
          this.trash.open
            ? this.trash.renderView()
            : html`<div
          part="panel"
          class="panel"
          role="tabpanel"
          id="panel"
          aria-labelledby=${tab ? `tab-${tab}` : nothing}
          aria-busy=${view.loading || view.loadingMore ? 'true' : 'false'}
          @pointerover=${this.actions.onUse.preload}
          @focusin=${this.actions.onUse.preload}
        >
          ${renderPanelBody({
            text,
            view,
            tab,
            rows: this.rows,
            cards: this,
            selected: this.selected,
            activeId: this.listFocus.activeId,
            isChecked: (id) => this.selection.has(id),
            onRetry: () => this.retry(),
            listeners: {
              keydown: this.listInput.keydown,
              focusout: this.listFocus.handleFocusOut,
              mousedown: this.listInput.mousedown,
              click: this.listInput.click,
              contextmenu: this.listInput.contextmenu,
              rangeChanged: this.listFocus.handleRangeChanged,
              visibilityChanged: this.handleVisibilityChanged,
            },
          })}
          ${this.actions.renderBulkBar(checked, this.formatter.number(checked.length), () => this.listFocus.activeId ?? '')}
          <div class="visually-hidden" part="status" role="status">
            ${view.loading ? text.loading : view.loadingMore ? text.loadingMore : ''}
          </div>
        </div>`
        }
        ${this.actions.renderToasts()} ${this.trash.renderEntry()}
      </div>
      ${
        (menus &&
          this.actions.onUse.value?.renderActionMenu(this.menu, {
            keydown: menus.handleKeyDown,
            focusout: menus.handleFocusOut,
            choose: (item) => this.handleMenuItem(item),
          })) ??
        nothing
      }
      ${this.actions.render()}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'chat-sidebar': ChatSidebar;
  }
}
