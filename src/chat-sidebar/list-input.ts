import type { Session } from '@chat-sessions/sdk';
import { actionForKey } from '../actions/session-actions.js';
import type { SelectionController } from '../controllers/selection.js';
import type { VirtualListFocusController } from '../controllers/virtual-list-focus.js';
import type { SidebarActions } from './sidebar-actions.js';

/** Rows before the end at which the next page is asked for. */
export const LOAD_AHEAD_ROWS = 10;

/** What the list's keys and clicks act on. */
export interface SessionListInputHost {
  readonly listFocus: VirtualListFocusController;
  readonly selection: SelectionController;
  readonly actions: SidebarActions;
  items(): readonly Session[];
  sessionById(id: string): Session | undefined;
  checkedSessions(): Session[];
  /** Opens a session (Enter, a plain click). */
  selectSession(id: string): void;
  openSessionMenu(id: string, anchor: HTMLElement): void;
  menuOpen(): boolean;
  requestMore(): void;
}

/**
 * The session list's keys and clicks, bound on the listbox: focus moves by the focus group's
 * rules (through the virtual-list focus controller); Enter opens; Space, Shift and Ctrl/⌘
 * select (the selection controller); Delete (the action table's shortcut) asks to delete;
 * Shift+F10, the menu key and a right click open the actions menu; Escape clears the selection.
 */
export class SessionListInput {
  constructor(private readonly host: SessionListInputHost) {}

  readonly keydown = (event: KeyboardEvent): void => {
    const id = this.host.listFocus.focusedId();
    if (id === null || event.altKey) return;
    const command = event.ctrlKey || event.metaKey;
    const target = this.host.listFocus.target(event);
    if (target !== null) {
      this.moveTo(target, event.shiftKey);
    } else if (event.key === 'Enter') {
      this.host.selectSession(id);
    } else if (event.key === ' ') {
      if (event.shiftKey && this.host.selection.anchor) this.host.selection.addRange(id);
      else this.host.selection.pick(id, { toggle: true });
    } else if ((event.key === 'a' || event.key === 'A') && command) {
      this.host.selection.toggleAll();
    } else if (actionForKey(event.key) === 'delete') {
      const session = this.host.sessionById(id);
      if (!session) return;
      this.host.actions.requestDelete(
        this.host.selection.has(id) ? this.host.checkedSessions() : [session],
        id,
      );
    } else if ((event.key === 'F10' && event.shiftKey) || event.key === 'ContextMenu') {
      this.host.openSessionMenu(id, event.target as HTMLElement);
    } else if (event.key !== 'Escape' || !this.host.selection.handleEscape()) {
      return;
    }
    event.preventDefault();
    event.stopPropagation();
  };

  private moveTo(target: number, extend: boolean): void {
    const items = this.host.items();
    const session = items[target];
    if (!session) return;
    if (extend)
      this.host.selection.pick(session.id, { range: true }, this.host.listFocus.focusedId());
    else this.host.selection.anchor = session.id;
    void this.host.listFocus.focusItem(session.id);
    if (target >= items.length - LOAD_AHEAD_ROWS) this.host.requestMore();
  }

  readonly click = (event: MouseEvent): void => {
    const path = event.composedPath();
    const button = path.find(
      (node): node is HTMLElement =>
        node instanceof HTMLElement && node.dataset['actionsFor'] !== undefined,
    );
    if (button) {
      this.host.openSessionMenu(button.dataset['actionsFor'] ?? '', button);
      return;
    }
    const check = path.find(
      (node): node is HTMLElement =>
        node instanceof HTMLElement && node.dataset['checkFor'] !== undefined,
    );
    const card =
      check?.parentElement?.querySelector<HTMLElement>('[data-session-id]') ?? this.cardIn(path);
    const id = card?.dataset['sessionId'];
    if (!card || !id) return;
    if (check) {
      this.host.selection.pick(id, { toggle: true });
    } else if (event.shiftKey) {
      this.host.selection.pick(id, { range: true }, this.host.listFocus.activeId);
    } else if (event.ctrlKey || event.metaKey) {
      this.host.selection.pick(id, { toggle: true });
    } else {
      this.host.selection.clear();
      this.host.selection.anchor = id;
      this.host.selectSession(id);
    }
    this.host.listFocus.activeId = id;
    card.focus();
  };

  private cardIn(path: readonly EventTarget[]): HTMLElement | undefined {
    return path.find(
      (node): node is HTMLElement =>
        node instanceof HTMLElement && node.dataset['sessionId'] !== undefined,
    );
  }

  readonly mousedown = (event: MouseEvent): void => {
    // Shift-click selects sessions, not text.
    if (event.shiftKey) event.preventDefault();
  };

  readonly contextmenu = (event: MouseEvent): void => {
    const card = this.cardIn(event.composedPath());
    const id = card?.dataset['sessionId'];
    if (!card || !id || this.host.menuOpen()) return;
    event.preventDefault();
    this.host.openSessionMenu(id, card);
  };
}
