import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { FocusGroupController } from '../controllers/focus-group.js';

/** What a menu controller needs from its host. */
export interface MenuControllerOptions {
  /** The rendered menu (`role="menu"`), while open. */
  readonly menu: () => HTMLElement | null;
  /** Closes the menu (the host drops its state); focus goes back to the opener when asked. */
  readonly close: (returnFocus: boolean) => void;
  /**
   * What Tab does: `return` closes and puts focus back on the opener (a menu in the top layer,
   * away from the opener in the tab order); `leave` closes and lets focus move on (a menu
   * rendered next to its opener).
   */
  readonly tab: 'return' | 'leave';
}

/**
 * A menu's behaviour, once for every menu: on open (after the host rendered it) it shows in
 * the top layer when it is a popover, placed beside its anchor, and focuses its first or last
 * item; ↑/↓ (wrapping), Home and End move between items (a focus group); Escape closes and
 * returns focus; Tab closes; focus leaving it closes it.
 *
 * Bind `handleKeyDown` and `handleFocusOut` on the menu element.
 */
export class MenuController implements ReactiveController {
  private readonly items: FocusGroupController;
  private pending: { edge: 'first' | 'last'; anchor: HTMLElement | null } | null = null;

  constructor(
    host: ReactiveControllerHost & HTMLElement,
    private readonly options: MenuControllerOptions,
  ) {
    host.addController(this);
    this.items = new FocusGroupController(host, {
      orientation: 'vertical',
      wrap: true,
      rovingTabindex: false,
      elements: () => [
        ...(options.menu()?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? []),
      ],
    });
  }

  /** After the next render: show the menu (beside `anchor` when it is a popover) and focus an item. */
  opened(edge: 'first' | 'last' = 'first', anchor: HTMLElement | null = null): void {
    this.pending = { edge, anchor };
  }

  hostUpdated(): void {
    const pending = this.pending;
    const menu = this.options.menu();
    if (!pending || !menu) return;
    this.pending = null;
    if (menu.hasAttribute('popover')) {
      if (typeof menu.showPopover === 'function' && !menu.matches(':popover-open'))
        menu.showPopover();
      if (pending.anchor) placeBeside(menu, pending.anchor);
    }
    this.items.focusEdge(pending.edge);
  }

  readonly handleKeyDown = (event: KeyboardEvent): void => {
    if (this.items.handleKeyDown(event)) return;
    if (event.key === 'Escape' || (event.key === 'Tab' && this.options.tab === 'return')) {
      event.preventDefault();
      event.stopPropagation();
      this.options.close(true);
    } else if (event.key === 'Tab') {
      this.options.close(false);
    }
  };

  readonly handleFocusOut = (event: FocusEvent): void => {
    const to = event.relatedTarget as Node | null;
    const within = event.currentTarget as HTMLElement;
    if (to && within.contains(to)) return;
    // Focus went elsewhere (a click outside, or the action opened a dialog): just close.
    this.options.close(false);
  };
}

/**
 * Places a fixed-position popup below its anchor, right edges aligned, inside the viewport
 * (above the anchor when there is no room below). The one place popups are positioned by hand.
 */
export function placeBeside(popup: HTMLElement, anchor: HTMLElement): void {
  const from = anchor.getBoundingClientRect();
  const box = popup.getBoundingClientRect();
  const margin = 8;
  let top = from.bottom + 4;
  if (top + box.height > window.innerHeight - margin)
    top = Math.max(margin, from.top - box.height - 4);
  const left = Math.min(
    Math.max(margin, from.right - box.width),
    window.innerWidth - box.width - margin,
  );
  popup.style.top = `${Math.round(top)}px`;
  popup.style.left = `${Math.round(Math.max(margin, left))}px`;
}
