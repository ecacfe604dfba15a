import { html, nothing, type TemplateResult } from 'lit';
import { classMap } from 'lit/directives/class-map.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { RangeChangedEvent, VisibilityChangedEvent } from './virtual-list-events.js';
import type { Session } from '@chat-sessions/sdk';
import type { SessionListView } from '../controllers/session-list-source.js';
import type { FlightRequestCardStrings } from '../flight-request-card/flight-request-card.js';
import type { GeneralChatCardStrings } from '../general-chat-card/general-chat-card.js';
import type { AirportNameResolver, Clock, StringsOverride } from '../types.js';
import { virtualList } from './virtual-list.js';
import type { SidebarRow, SidebarRows } from './rows.js';
import type { ChatSidebarStrings, SidebarTab } from './strings.js';
import { loadProblemTexts, problemText } from '../internal/problem-text.js';

/** Skeleton cards shown while the first page loads. */
const SKELETONS = 6;

/** What the session cards need from the sidebar's own properties. */
export interface CardSettings {
  readonly locale: string;
  readonly clock: Clock;
  readonly airportName: AirportNameResolver | null;
  readonly flightRequestStrings: StringsOverride<FlightRequestCardStrings>;
  readonly generalChatStrings: StringsOverride<GeneralChatCardStrings>;
}

/** What the panel shows: the list, or its loading, empty and error states. */
export interface SessionListPanel {
  readonly text: ChatSidebarStrings;
  readonly view: SessionListView;
  readonly tab: SidebarTab | null;
  readonly rows: SidebarRows;
  readonly cards: CardSettings;
  /** The open session. */
  readonly selected: string;
  /** The session holding the list's tab stop. */
  readonly activeId: string | null;
  readonly isChecked: (id: string) => boolean;
  readonly onRetry: () => void;
  readonly listeners: {
    readonly keydown: (event: KeyboardEvent) => void;
    readonly focusout: (event: FocusEvent) => void;
    readonly mousedown: (event: MouseEvent) => void;
    readonly click: (event: MouseEvent) => void;
    readonly contextmenu: (event: MouseEvent) => void;
    readonly rangeChanged: (event: RangeChangedEvent) => void;
    readonly visibilityChanged: (event: VisibilityChangedEvent) => void;
  };
}

/** The tab panel's body: the virtualized list when there are sessions, else a state. */
export function renderPanelBody(panel: SessionListPanel): TemplateResult {
  const { view, text } = panel;
  if (view.items.length > 0) {
    return html`${renderList(panel)}
    ${
      view.error
        ? html`<div part="error" class="error inline" role="alert">
          <span>${text.loadMoreFailed}</span>
          <button part="retry-button" class="button small" type="button" @click=${panel.onRetry}>${text.retry}</button>
        </div>`
        : nothing
    }`;
  }
  if (view.error) {
    return html`<div part="error" class="error" role="alert">
      <p class="error-title">${text.loadFailed}</p>
      <p class="error-detail">${problemText(view.error, loadProblemTexts)}</p>
      <button part="retry-button" class="button" type="button" @click=${panel.onRetry}>${text.retry}</button>
    </div>`;
  }
  if (!view.loaded || view.loading) {
    return html`<div class="skeletons" part="skeletons" aria-hidden="true">
      ${Array.from({ length: SKELETONS }, () => html`<div part="skeleton" class="skeleton"><span></span><span></span><span></span></div>`)}
    </div>`;
  }
  const search = view.search.trim();
  if (search) {
    return html`<div part="empty" class="empty"><slot name="empty-search">${text.emptySearch(search)}</slot></div>`;
  }
  const name = panel.tab ?? 'active';
  return html`<div part="empty" class="empty"><slot name=${`empty-${name}`}>${text.emptyLabels[name]}</slot></div>`;
}

function renderList(panel: SessionListPanel): TemplateResult {
  const { text, tab, listeners } = panel;
  return html`<p id="list-help" class="visually-hidden">${text.keyboardHelp}</p>
    <div
      part="list"
      class="list"
      role="listbox"
      aria-label=${text.listLabel(tab ? text.tabLabels[tab] : text.heading)}
      aria-describedby="list-help"
      aria-multiselectable="true"
      @keydown=${listeners.keydown}
      @focusout=${listeners.focusout}
      @mousedown=${listeners.mousedown}
      @click=${listeners.click}
      @contextmenu=${listeners.contextmenu}
      @rangeChanged=${listeners.rangeChanged}
      @visibilityChanged=${listeners.visibilityChanged}
    >
      ${virtualList<SidebarRow>({
        items: panel.rows.rows,
        key: (row) => row.key,
        render: (row) => renderRow(panel, row),
        indexOf: panel.rows.indexOfKey,
      })}
    </div>`;
}

function renderRow(panel: SessionListPanel, row: SidebarRow): TemplateResult {
  if (row.kind === 'heading') {
    return html`<div part="group-heading" class="group-heading" aria-hidden="true">${panel.text.groupLabels[row.group]}</div>`;
  }
  if (row.kind === 'more') {
    return html`<div class="more" part="more" aria-hidden="true"><div part="skeleton" class="skeleton"><span></span><span></span></div></div>`;
  }
  const checked = panel.isChecked(row.session.id);
  // The selection checkbox: a mouse target only (aria-selected on the card says it, and Space
  // toggles it); shown on hover and focus, and on every card while any is selected. Rows are
  // written without whitespace between elements and with the tick drawn by CSS: every node
  // counts, times the rows the virtual list keeps.
  // prettier-ignore
  return html`<div part="item" class="row">${renderCard(panel, row.session, row.position)}<span part=${checked ? 'item-check checked' : 'item-check'} class="row-check" aria-hidden="true" title=${panel.text.selectSession} data-check-for=${row.session.id}></span><button part="item-actions" class="row-actions" type="button" tabindex="-1" aria-hidden="true" title=${panel.text.sessionActions} data-actions-for=${row.session.id}>⋯</button></div>`;
}

function renderCard(panel: SessionListPanel, session: Session, position: number): TemplateResult {
  const checked = panel.isChecked(session.id);
  const open = session.id === panel.selected;
  const queued = panel.view.queuedIds?.includes(session.id) ?? false;
  const classes = classMap({ card: true, checked });
  const tabindex = session.id === panel.activeId ? '0' : '-1';
  const setSize = listSize(panel.view);
  const cards = panel.cards;
  return session.kind === 'flight_request'
    ? html`<flight-request-card
        part="card"
        exportparts="base:card-base,route:card-route,stage-badge:card-stage-badge,unread-badge:card-unread-badge"
        class=${classes}
        interaction="option"
        data-session-id=${session.id}
        tabindex=${tabindex}
        aria-selected=${checked ? 'true' : 'false'}
        aria-current=${ifDefined(open ? 'true' : undefined)}
        aria-posinset=${position + 1}
        aria-setsize=${setSize}
        .session=${session}
        .selected=${open}
        .queued=${queued}
        .locale=${cards.locale}
        .clock=${cards.clock}
        .airportName=${cards.airportName}
        .strings=${cards.flightRequestStrings}
      ></flight-request-card>`
    : html`<general-chat-card
        part="card"
        exportparts="base:card-base,title:card-title,unread-badge:card-unread-badge"
        class=${classes}
        interaction="option"
        data-session-id=${session.id}
        tabindex=${tabindex}
        aria-selected=${checked ? 'true' : 'false'}
        aria-current=${ifDefined(open ? 'true' : undefined)}
        aria-posinset=${position + 1}
        aria-setsize=${setSize}
        .session=${session}
        .selected=${open}
        .queued=${queued}
        .locale=${cards.locale}
        .clock=${cards.clock}
        .strings=${cards.generalChatStrings}
      ></general-chat-card>`;
}

/** How many sessions the list holds in all, or -1 while that is unknown (a search with more pages). */
function listSize(view: SessionListView): number {
  if (!view.hasMore) return view.items.length;
  const total = view.search.trim() ? undefined : view.tabCounts?.[view.tab];
  return total === undefined ? -1 : Math.max(total, view.items.length);
}
