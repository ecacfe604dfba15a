import type { ReactiveController, ReactiveControllerHost } from 'lit';
import {
  virtualListRef,
  type RangeChangedEvent,
  type VirtualListScroller,
} from '../chat-sidebar/virtual-list-events.js';
import { focusGroupTarget, isRightToLeft, type FocusGroupRules } from './focus-group.js';

/** Where focus should land after the next render: an item, or the one at its old position. */
export interface FocusRequest {
  readonly id: string | null;
  readonly position: number;
}

/** Where an item is, by id: its index (a `Map` fits). */
export interface ItemLookup {
  get(id: string): number | undefined;
  has(id: string): boolean;
}

/** What the controller reads from its host's list. */
export interface VirtualListFocusHost extends ReactiveControllerHost, HTMLElement {
  readonly renderRoot: HTMLElement | DocumentFragment;
}

/** The list's shape, as the host rendered it last. */
export interface VirtualListFocusOptions extends FocusGroupRules {
  /** The virtual list's scroller (`role="listbox"`), once rendered. */
  readonly list: () => VirtualListScroller | null;
  /** How many items the list has (the focusable ones: sessions, not headings). */
  readonly count: () => number;
  /** The id of the item at a position (0 = first), or null past the end. */
  readonly idAt: (position: number) => string | null;
  /** An item's position among the items (a `Map` fits; a list of 10 000 may look up lazily). */
  readonly position: () => ItemLookup;
  /** An item's index among the list's rows (headings included). */
  readonly rowIndex: () => ItemLookup;
  /** The item id a row of the list shows, if it is an item. */
  readonly idAtRow: (row: number) => string | null;
  /** Something else holds focus for now (a dialog, a menu): focus moves wait until it gives it back. */
  readonly busy: () => boolean;
  /** Nothing left in the list to focus: focus goes here instead (the chosen tab). */
  readonly focusElsewhere: () => void;
}

function nextFrame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => resolve()));
}

/**
 * Roving focus for a virtual list, whose items are not all in the DOM: the list is one tab
 * stop (`activeId`, bound as each item's `tabindex`); keys move by the focus group's rules
 * (`focusGroupTarget`), scrolling the target into the DOM first; focus survives the list
 * rewriting rows (it is given back to the same item); and an item that leaves hands focus to its
 * successor. (What the user looks at stays in place when items arrive above it: the virtual
 * list anchors it, the focused item first.)
 *
 * Items are elements carrying `data-session-id` (any id) and `aria-posinset`.
 */
export class VirtualListFocusController implements ReactiveController {
  private active: string | null = null;
  /** Where each item of the previous render was, to find a successor when one leaves. */
  private previousPositions: ItemLookup = new Map<string, number>();
  /**
   * True while the list's DOM is being rewritten (our render, or the list's own): an item
   * that loses focus then lost it to a DOM move or removal, not to the user.
   */
  private rewritingList = false;
  /** The item that lost focus to a rewrite (its id, and where it was), to give it back. */
  private focusLostBy: FocusRequest | null = null;
  /** The item focus is being moved to (scrolling there may take a few frames). */
  private movingTo: string | null = null;
  private focusRequest: FocusRequest | null = null;
  /** Reveal this item after the next render (a deep link, a new session). */
  private revealAfterUpdate: string | null = null;

  constructor(
    private readonly host: VirtualListFocusHost,
    private readonly options: VirtualListFocusOptions,
  ) {
    host.addController(this);
  }

  /** The item holding the list's tab stop. */
  get activeId(): string | null {
    return this.active;
  }

  set activeId(id: string | null) {
    if (id === this.active) return;
    this.active = id;
    this.host.requestUpdate();
  }

  hostUpdate(): void {
    this.rewritingList = true;
  }

  hostUpdated(): void {
    this.rewritingList = false;
    this.previousPositions = this.options.position();
    this.takeBackLostFocus();
    // Focus moves after this update (they may change the tab stop, i.e. render again).
    const request = this.focusRequest;
    const reveal = this.revealAfterUpdate;
    if (request) {
      this.focusRequest = null;
      queueMicrotask(() => void this.landFocus(request));
    } else if (reveal !== null) {
      this.revealAfterUpdate = null;
      queueMicrotask(() => void this.reveal(reveal));
    }
  }

  /** Scrolls `id` into view after the next render, without focusing it. */
  revealAfterNextUpdate(id: string): void {
    this.revealAfterUpdate = id;
  }

  get revealing(): boolean {
    return this.revealAfterUpdate !== null;
  }

  /** Focuses `request.id` (or the item now at its position) after the next render. */
  requestFocus(request: FocusRequest): void {
    this.focusRequest = request;
    this.host.requestUpdate();
  }

  /** Gives focus back to an item (after a menu or dialog closed), where it is now or was. */
  returnFocusTo(id: string): void {
    this.requestFocus({
      id,
      position: this.previousPositions.get(id) ?? this.options.position().get(id) ?? 0,
    });
  }

  /**
   * The item the key moves to, by the focus group's rules, or null when the key is not a
   * navigation key (or no item has focus).
   */
  target(event: KeyboardEvent): number | null {
    const id = this.focusedId();
    if (id === null) return null;
    return focusGroupTarget(event.key, this.options, {
      index: this.options.position().get(id) ?? 0,
      count: this.options.count(),
      rtl: isRightToLeft(this.host),
    });
  }

  /** Moves focus to an item (scrolling it into view), if it is in the list. */
  async focusItem(id: string): Promise<boolean> {
    if (!this.options.position().has(id)) return false;
    this.activeId = id;
    // The item that had focus may scroll out of the DOM on the way: that is no loss to undo.
    this.movingTo = id;
    try {
      await this.host.updateComplete;
      const item = await this.reveal(id);
      if (this.movingTo === id) item?.focus();
      return item !== null;
    } finally {
      if (this.movingTo === id) this.movingTo = null;
      this.focusLostBy = null;
    }
  }

  /**
   * The items changed (call before rendering them): when the focused item left (archived,
   * deleted, moved away by a change elsewhere), its successor takes its place, else the one
   * before.
   */
  itemsChanged(): void {
    const position = this.options.position();
    const focused = this.focusedId() ?? this.focusLostBy?.id ?? null;
    if (focused !== null && !position.has(focused)) {
      const was = this.previousPositions.get(focused) ?? this.focusLostBy?.position ?? 0;
      const successor = this.options.idAt(Math.min(was, this.options.count() - 1));
      this.activeId = successor;
      this.focusRequest = { id: successor, position: was };
      this.focusLostBy = null;
    }
  }

  /** The item that has focus, or null. */
  focusedId(): string | null {
    const active = this.host.shadowRoot?.activeElement;
    return active instanceof HTMLElement && active.dataset['sessionId']
      ? active.dataset['sessionId']
      : null;
  }

  itemElement(id: string): HTMLElement | null {
    return (
      this.host.renderRoot.querySelector<HTMLElement>(`[data-session-id="${CSS.escape(id)}"]`) ??
      null
    );
  }

  /** Brings an item's row into view; resolves with its element, or null. */
  async reveal(id: string): Promise<HTMLElement | null> {
    let item = this.itemElement(id);
    const rowIndex = this.options.rowIndex().get(id);
    let scrolled = item !== null;
    for (let frame = 0; frame < 30 && !item && rowIndex !== undefined; frame += 1) {
      const list = this.options.list()?.[virtualListRef];
      if (!scrolled && list) {
        // The heading of the first group scrolls in with the first item.
        list.scrollToIndex(rowIndex === 1 ? 0 : rowIndex);
        scrolled = true;
        item = this.itemElement(id);
        if (item) break;
      }
      await nextFrame();
      item = this.itemElement(id);
    }
    item?.scrollIntoView({ block: 'nearest' });
    return item;
  }

  /** Bind on the list: notes an item losing focus to a rewrite. */
  readonly handleFocusOut = (event: FocusEvent): void => {
    const item = event.target as HTMLElement;
    const id = item.dataset['sessionId'];
    // Focus that goes nowhere while the list is being rewritten was taken by the rewrite. The
    // item's own position is the one it had (the rows may already be the new ones).
    if (id && event.relatedTarget === null && this.rewritingList) {
      this.focusLostBy = { id, position: Number(item.getAttribute('aria-posinset') ?? 1) - 1 };
    }
  };

  /** Bind on the list's `rangeChanged`: keeps focus and the tab stop while rows are replaced. */
  readonly handleRangeChanged = (event: RangeChangedEvent): void => {
    // The list re-renders its rows right after this event.
    this.rewritingList = true;
    queueMicrotask(() => {
      this.rewritingList = false;
      this.takeBackLostFocus();
    });
    // The tab stop must stay in the DOM: when its item scrolled out of the rendered range (the
    // list not focused), it moves to the first item rendered.
    const active = this.active === null ? undefined : this.options.rowIndex().get(this.active);
    if (this.focusedId() !== null || this.focusRequest || this.movingTo || this.focusLostBy) return;
    if (active !== undefined && active >= event.first && active <= event.last) return;
    for (let row = event.first; row <= event.last; row += 1) {
      const id = this.options.idAtRow(row);
      if (id !== null) {
        if (this.revealAfterUpdate === null) this.activeId = id;
        return;
      }
    }
  };

  /**
   * An item that lost focus to a rewrite of the list (moving or replacing it)
   * gets it back, unless focus went somewhere meanwhile.
   */
  private takeBackLostFocus(): void {
    const lost = this.focusLostBy;
    if (lost === null || this.movingTo !== null) return;
    this.focusLostBy = null;
    const active = document.activeElement;
    if (active && active !== document.body && active !== this.host) return;
    if (this.host.shadowRoot?.activeElement) return;
    queueMicrotask(() => void this.landFocus(lost));
  }

  private async landFocus(request: FocusRequest): Promise<void> {
    // A dialog or menu that opened meanwhile keeps focus; it gives it back when it closes.
    if (this.options.busy()) return;
    const id =
      request.id && this.options.position().has(request.id)
        ? request.id
        : this.options.idAt(Math.min(request.position, this.options.count() - 1));
    if (id === null) {
      this.options.focusElsewhere();
      return;
    }
    if (this.focusedId() === id) return;
    this.activeId = id;
    await this.host.updateComplete;
    const item = await this.reveal(id);
    if (!this.options.busy()) item?.focus();
  }
}
