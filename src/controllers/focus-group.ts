import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Which arrow keys move: ↑/↓ (lists, menus), ←/→ (tab sets, toolbars) or all four (grids of one row). */
export type FocusGroupOrientation = 'vertical' | 'horizontal' | 'both';

/** The navigation rules of a roving-focus group: what each key does. */
export interface FocusGroupRules {
  /** Which arrow keys move. Default: `vertical`. */
  readonly orientation?: FocusGroupOrientation;
  /** Past the last item, go back to the first (and the other way round); else stay. Default: false (clamp). */
  readonly wrap?: boolean;
  /** How many items PageUp / PageDown move by; 0 leaves those keys alone. Default: 0. */
  readonly pageSize?: number;
}

/** Where a key press starts from and what it may land on. */
export interface FocusGroupPosition {
  /** The index of the item that has focus (-1: none). */
  readonly index: number;
  /** How many items the group has, rendered or not. */
  readonly count: number;
  /** Right to left: ←/→ swap, so → still goes towards the end of the line as it is read. */
  readonly rtl: boolean;
  /** Items that can't take focus are stepped over. */
  readonly isDisabled?: (index: number) => boolean;
}

/**
 * The roving-focus rules, once, for every list, tab set and menu: the index a key press moves
 * to, or null when the key is not a navigation key for this group (let it through). Arrows by
 * orientation (←/→ swapped right to left), Home / End, PageUp / PageDown when a page size is
 * given; wraps or clamps; steps over disabled items (a group whose items are all disabled does
 * not move).
 */
export function focusGroupTarget(
  key: string,
  rules: FocusGroupRules,
  position: FocusGroupPosition,
): number | null {
  const { count, rtl } = position;
  const orientation = rules.orientation ?? 'vertical';
  const vertical = orientation !== 'horizontal';
  const horizontal = orientation !== 'vertical';
  const page = rules.pageSize ?? 0;
  let step: number;
  let from = position.index;
  switch (key) {
    case 'ArrowDown':
      if (!vertical) return null;
      step = 1;
      break;
    case 'ArrowUp':
      if (!vertical) return null;
      step = -1;
      break;
    case 'ArrowRight':
      if (!horizontal) return null;
      step = rtl ? -1 : 1;
      break;
    case 'ArrowLeft':
      if (!horizontal) return null;
      step = rtl ? 1 : -1;
      break;
    case 'Home':
      // The first enabled item: start just before the first and step forward.
      from = -1;
      step = 1;
      break;
    case 'End':
      from = count;
      step = -1;
      break;
    case 'PageDown':
      if (page <= 0) return null;
      step = page;
      break;
    case 'PageUp':
      if (page <= 0) return null;
      step = -page;
      break;
    default:
      return null;
  }
  if (count === 0) return null;
  const disabled = position.isDisabled ?? (() => false);
  const paging = key === 'PageDown' || key === 'PageUp';
  // A page step lands on the item a page away (clamped at the ends), then walks one at a time
  // past disabled items; an arrow walks one at a time from the start.
  let target = from + step;
  if (paging) target = Math.max(0, Math.min(count - 1, target));
  const direction = Math.sign(step);
  for (let tries = 0; tries < count; tries += 1) {
    if (target < 0 || target >= count) {
      if (!rules.wrap || paging || key === 'Home' || key === 'End') {
        // Clamped: stay on the current item (or the last enabled one on the way).
        return position.index >= 0 && position.index < count ? position.index : null;
      }
      target = (target + count) % count;
    }
    if (!disabled(target)) return target;
    target += direction;
  }
  return null;
}

/** Whether an element can't take focus in a group: `disabled` or `aria-disabled="true"`. */
export function isDisabledItem(element: Element): boolean {
  return element.hasAttribute('disabled') || element.getAttribute('aria-disabled') === 'true';
}

/** Whether text runs right to left where `element` is (`dir="rtl"` on it or an ancestor). */
export function isRightToLeft(element: Element): boolean {
  return getComputedStyle(element).direction === 'rtl';
}

/** What a focus group is made of and how it moves. */
export interface FocusGroupOptions<Item extends HTMLElement> extends FocusGroupRules {
  /** The group's items, in order, as rendered now (asked on every key press and update). */
  readonly elements: () => readonly Item[];
  /**
   * The item that holds the tab stop while focus is outside the group (the chosen tab). Without
   * it, the item focused last keeps the tab stop; failing that, the first enabled item.
   */
  readonly current?: () => Item | null | undefined;
  /** Items that can't take focus. Default: `disabled` or `aria-disabled="true"`. */
  readonly isDisabled?: (item: Item) => boolean;
  /** Called after a key moved focus to `item` (tab sets activate the tab here). */
  readonly onMove?: (item: Item, event: KeyboardEvent) => void;
  /** Set each item's `tabindex` (0 for the tab stop, -1 for the rest) after every update. Default: true. */
  readonly rovingTabindex?: boolean;
}

/**
 * Roving focus for a group of rendered items (a tab set, a menu, a short list): the group is one
 * tab stop; arrow keys by orientation, Home and End move between the items (wrapping or
 * clamped, right-to-left aware, stepping over disabled items); the item focused last is
 * remembered and keeps the tab stop. The rules are `focusGroupTarget`'s, shared with the
 * virtualized session list (`VirtualListFocusController`), whose items are not all rendered.
 *
 * Bind `handleKeyDown` on the group's container; the controller sets `tabindex` itself after
 * each update, so the template binds none.
 *
 * @example
 * ```ts
 * private readonly tabs = new FocusGroupController(this, {
 *   orientation: 'horizontal',
 *   wrap: true,
 *   elements: () => [...this.renderRoot.querySelectorAll<HTMLElement>('[role="tab"]')],
 * });
 * render() {
 *   return html`<div role="tablist" @keydown=${this.tabs.handleKeyDown}>…</div>`;
 * }
 * ```
 */
export class FocusGroupController<
  Item extends HTMLElement = HTMLElement,
> implements ReactiveController {
  private remembered: Item | null = null;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: FocusGroupOptions<Item>,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.host.addEventListener('focusin', this.handleFocusIn);
  }

  hostDisconnected(): void {
    this.host.removeEventListener('focusin', this.handleFocusIn);
  }

  hostUpdated(): void {
    if (this.options.rovingTabindex === false) return;
    const stop = this.tabStop();
    for (const item of this.options.elements()) item.tabIndex = item === stop ? 0 : -1;
  }

  /** The item holding the tab stop: the focused one, else `current`, else the remembered one, else the first enabled. */
  tabStop(): Item | null {
    const items = this.options.elements();
    const focused = this.focusedIndex(items);
    if (focused >= 0) return items[focused] ?? null;
    const current = this.options.current?.();
    if (current && items.includes(current)) return current;
    if (this.remembered && items.includes(this.remembered)) return this.remembered;
    return items.find((item) => !this.disabled(item)) ?? null;
  }

  /** Moves focus to `item` (and remembers it). */
  focus(item: Item | null | undefined): void {
    if (!item) return;
    this.remembered = item;
    item.focus();
    this.hostUpdated();
  }

  /** Focuses the first (or last) enabled item, e.g. when a menu opens. */
  focusEdge(edge: 'first' | 'last'): void {
    const items = this.options.elements();
    const index = focusGroupTarget(edge === 'first' ? 'Home' : 'End', this.options, {
      index: -1,
      count: items.length,
      rtl: false,
      isDisabled: (at) => this.disabled(items[at]),
    });
    this.focus(index === null ? null : items[index]);
  }

  /**
   * Moves focus for a navigation key pressed inside the group; other keys pass through.
   * Returns whether it handled the key (then the event's default is prevented).
   */
  readonly handleKeyDown = (event: KeyboardEvent): boolean => {
    if (event.altKey || event.defaultPrevented) return false;
    const items = this.options.elements();
    const index = this.focusedIndex(items, event);
    if (index < 0) return false;
    const target = focusGroupTarget(event.key, this.options, {
      index,
      count: items.length,
      rtl: isRightToLeft(this.host),
      isDisabled: (at) => this.disabled(items[at]),
    });
    if (target === null) return false;
    event.preventDefault();
    const item = items[target];
    // Clamped at an end: the key is used, nothing moves.
    if (!item || target === index) return true;
    this.focus(item);
    this.options.onMove?.(item, event);
    return true;
  };

  private disabled(item: Item | undefined): boolean {
    if (!item) return true;
    return (this.options.isDisabled ?? isDisabledItem)(item);
  }

  /** The index of the item the event came from (or that has focus), or -1. */
  private focusedIndex(items: readonly Item[], event?: Event): number {
    const path = event?.composedPath() ?? [];
    const fromEvent = items.findIndex((item) => path.includes(item));
    if (fromEvent >= 0) return fromEvent;
    const root = this.host.shadowRoot;
    const active = root?.activeElement ?? null;
    return items.findIndex((item) => item === active || (active !== null && item.contains(active)));
  }

  private readonly handleFocusIn = (event: FocusEvent): void => {
    const items = this.options.elements();
    const path = event.composedPath();
    const item = items.find((candidate) => path.includes(candidate));
    if (item) this.remembered = item;
  };
}
