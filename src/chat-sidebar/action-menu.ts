import { html, nothing, type TemplateResult } from 'lit';
import { classMap } from 'lit/directives/class-map.js';
import type { Session, SessionAction, SessionKind } from '@chat-sessions/sdk';
import { menuActions, SESSION_ACTION_TABLE } from '../actions/session-actions.js';
import type { ChatSidebarStrings } from './strings.js';

/** One item of a sidebar menu. */
export interface MenuItem {
  readonly key: string;
  readonly label: string;
  readonly danger?: boolean;
  readonly run: () => void;
}

/** An open menu: a session's actions, or New's kinds of session. */
export interface MenuState {
  readonly kind: 'session' | 'new';
  readonly label: string;
  readonly items: readonly MenuItem[];
  /** What the menu is placed next to. */
  readonly anchor: HTMLElement;
  /** Where focus goes back when the menu closes: a session's card, or an element. */
  readonly returnTo: string | HTMLElement;
}

/**
 * The open menu, in the top layer (a manual popover placed by `MenuController`): `part="menu"`,
 * items `part="menu-item"`.
 */
export function renderActionMenu(
  menu: MenuState | null,
  handlers: {
    readonly keydown: (event: KeyboardEvent) => void;
    readonly focusout: (event: FocusEvent) => void;
    readonly choose: (item: MenuItem) => void;
  },
): TemplateResult | typeof nothing {
  if (!menu) return nothing;
  return html`<div
    part="menu"
    class="menu"
    role="menu"
    aria-label=${menu.label}
    popover="manual"
    @keydown=${handlers.keydown}
    @focusout=${handlers.focusout}
  >
    ${menu.items.map(
      (item) => html`<button
        part="menu-item"
        class=${classMap({ 'menu-item': true, danger: item.danger === true })}
        type="button"
        role="menuitem"
        tabindex="-1"
        data-action=${item.key}
        @click=${() => handlers.choose(item)}
      >
        ${item.label}
      </button>`,
    )}
  </div>`;
}

/**
 * A session's actions menu: what its status allows (the action table, the SDK's rule), with
 * "Edit request…" before Delete for a flight request out of the trash (when `edit` is given).
 */
export function sessionMenu(
  text: ChatSidebarStrings,
  session: Session,
  run: (action: SessionAction) => void,
  anchor: HTMLElement,
  returnTo: string,
  edit?: () => void,
): MenuState {
  const items = menuActions(session).map<MenuItem>((action) => ({
    key: action,
    label: text.actionLabels[action],
    danger: SESSION_ACTION_TABLE[action].danger === true,
    run: () => run(action),
  }));
  if (edit && session.kind === 'flight_request' && session.deletedAt === null) {
    // Before Delete (last, the destructive one), after what the status allows.
    const at = items.findIndex((item) => item.key === 'delete');
    items.splice(at < 0 ? items.length : at, 0, {
      key: 'edit_request',
      label: text.editRequest,
      run: edit,
    });
  }
  return { kind: 'session', label: text.sessionActions, items, anchor, returnTo };
}

/** New's menu: the kinds of session to create. */
export function newSessionMenu(
  text: ChatSidebarStrings,
  create: (kind: SessionKind) => void,
  anchor: HTMLElement,
): MenuState {
  const items: MenuItem[] = [
    { key: 'flight_request', label: text.newFlightRequest, run: () => create('flight_request') },
    { key: 'general', label: text.newGeneralChat, run: () => create('general') },
  ];
  return { kind: 'new', label: text.newMenu, items, anchor, returnTo: anchor };
}
