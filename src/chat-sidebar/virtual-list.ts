import { noChange, type ChildPart } from 'lit';
import { AsyncDirective, directive } from 'lit/async-directive.js';
import { setCommittedValue } from 'lit/directive-helpers.js';
import { updateKeyedRows, type KeyedRow } from './keyed-rows.js';
import { RowOffsets } from './row-offsets.js';
import {
  RangeChangedEvent,
  VisibilityChangedEvent,
  virtualListRef,
  type RowRange,
  type VirtualListHandle,
  type VirtualListScroller,
} from './virtual-list-events.js';

/** What the list shows: its rows, each row's key, and how a row renders. */
export interface VirtualListConfig<T> {
  /** The rows, read by index (only the rows near the view are read). */
  readonly items: readonly T[];
  /** A row's stable key: a row keeps its DOM and its measured height by it. */
  readonly key: (item: T, index: number) => string;
  /** One row's template: a single element. */
  readonly render: (item: T, index: number) => unknown;
  /** Where a key is in `items` now, if anywhere: what is in view stays in place when rows change. */
  readonly indexOf?: (key: string) => number | undefined;
}

/**
 * Pixels of rows rendered beyond each edge of the view: about five cards, enough for the arrow
 * keys and a flick of the wheel to land on rendered rows (issue #16 holds the sidebar to 800 DOM
 * nodes at any size).
 */
export const OVERSCAN_PX = 400;
/** A row's height until one is measured. */
const FIRST_ESTIMATE_PX = 80;

/** The row that stays put on screen while heights or rows change: its top minus the scroll top. */
interface Anchor {
  readonly index: number;
  readonly offset: number;
}

const AT_TOP: Anchor = { index: 0, offset: 0 };

/** Where a row scrolled to shows: at the nearest edge, at the top, or in the middle. */
type Block = 'nearest' | 'start' | 'center';

function rowElement(row: KeyedRow): HTMLElement | null {
  const end = row.part.endNode;
  for (let node = row.part.startNode?.nextSibling ?? null; node && node !== end;) {
    if (node instanceof HTMLElement) return node;
    node = node.nextSibling;
  }
  return null;
}

/**
 * A virtual list rendered into its parent element, the scroller: only the rows in view and
 * `OVERSCAN_PX` beyond are in the DOM, absolutely placed; a sizer gives the scroller the whole
 * list's height.
 *
 * - Heights: one ResizeObserver measures the rendered rows; heights are kept by row key (a row
 *   that moves, or shows again in another list, keeps its height), and rows never measured
 *   count as the running average. Where rows start is a `RowOffsets` (O(log n) a lookup).
 * - Anchoring: one row holds its place on screen while anything above it changes (rows being
 *   measured, inserted or removed): the focused row if it shows, else the first row in view, or
 *   the row scrolled to. At the top, the list stays at the top (new rows there are seen).
 * - A new list (another tab) first renders only the rows in view, the overscan a frame later.
 * - The focused row stays in the DOM while it is scrolled away (focus stays on it; the list
 *   doesn't jump back), until it leaves the list.
 * - Fires `rangeChanged` and `visibilityChanged` on the scroller; `scroller[virtualListRef]`
 *   scrolls to a row.
 * - Rows are keyed parts with both markers removed along with a row (no comment is left behind).
 *   A row leaving the range gives its DOM to a row entering it (`updateKeyedRows` recycles), so
 *   scrolling and switching tabs update cards rather than make them.
 */
class VirtualListDirective extends AsyncDirective implements VirtualListHandle {
  private container: ChildPart | null = null;
  private scroller: VirtualListScroller | null = null;
  private sizer: HTMLElement | null = null;
  private config: VirtualListConfig<unknown> | null = null;
  private items: readonly unknown[] = [];
  private offsets = new RowOffsets(0, () => this.average());
  /** Measured heights, by row key. */
  private readonly heights = new Map<string, number>();
  private measuredSum = 0;
  /** The rows in the DOM, in order: the range around the view, and the focused row. */
  private rows: KeyedRow[] = [];
  private elements: (HTMLElement | null)[] = [];
  /** The index of each rendered row (in the list its DOM was rendered from). */
  private indices: number[] = [];
  /** The rendered range (the focused row kept outside it not counted). */
  private range: RowRange = { first: 0, last: -1 };
  /** The list was replaced since the rows were rendered: `indices` are the old list's. */
  private replaced = false;
  private readonly keyOf = new WeakMap<Element, string>();
  private readonly topOf = new WeakMap<Element, number>();
  private anchor: Anchor = AT_TOP;
  /** The scroll top as last read or set: a different one means the user (or a script) scrolled. */
  private knownTop = 0;
  private viewport = 0;
  private width = 0;
  private overscan = OVERSCAN_PX;
  private visible: RowRange = { first: -1, last: -1 };
  private observer: ResizeObserver | null = null;
  /** Rows made during a ResizeObserver callback are observed from the next frame (no RO loop). */
  private inObserver = false;
  private toObserve: Element[] = [];
  /** A row scrolled to before its height was known: aligned again once it is measured. */
  private revealing: { readonly index: number; readonly block: Block } | null = null;

  render(_config: VirtualListConfig<unknown>): unknown {
    return noChange;
  }

  override update(part: ChildPart, [config]: [VirtualListConfig<unknown>]): unknown {
    this.config = config;
    if (this.container === null) this.mount(part);
    if (config.items !== this.items) this.replaceItems(config.items);
    // On the host's first render the list is still in a fragment: lay out once it is placed.
    if (this.scroller?.isConnected) this.layout(true, true);
    else queueMicrotask(() => this.layout(true, true));
    return noChange;
  }

  protected override disconnected(): void {
    this.scroller?.removeEventListener('scroll', this.onScroll);
    this.observer?.disconnect();
    this.observer = null;
  }

  protected override reconnected(): void {
    this.listen();
    for (const element of this.elements) if (element) this.observe(element);
    this.layout(false, false);
  }

  // ─── The handle ─────────────────────────────────────────────────────────────────────────

  scrollToIndex(index: number, block: Block = 'nearest'): void {
    const length = this.items.length;
    if (length === 0 || !this.scroller) return;
    this.currentTop();
    this.align(Math.max(0, Math.min(index, length - 1)), block);
    this.layout(false, false);
  }

  element(index: number): HTMLElement | null {
    return this.replaced ? null : (this.elements[this.indices.indexOf(index)] ?? null);
  }

  // ─── Setting up ─────────────────────────────────────────────────────────────────────────

  private mount(part: ChildPart): void {
    this.container = part;
    const scroller = part.parentNode as VirtualListScroller;
    this.scroller = scroller;
    scroller[virtualListRef] = this;
    const style = scroller.style;
    style.position ||= 'relative';
    style.overflow ||= 'auto';
    style.contain ||= 'size layout';
    style.minHeight ||= '150px';
    // The list anchors its rows itself; the browser's own anchoring would fight it.
    style.setProperty('overflow-anchor', 'none');
    const sizer = document.createElement('div');
    sizer.setAttribute('virtual-sizer', '');
    sizer.setAttribute('aria-hidden', 'true');
    sizer.style.cssText =
      'position:absolute;top:0;left:0;width:1px;height:1px;margin-top:-1px;visibility:hidden;pointer-events:none';
    scroller.insertBefore(sizer, part.endNode);
    this.sizer = sizer;
    this.listen();
  }

  private listen(): void {
    const scroller = this.scroller;
    if (!scroller) return;
    scroller.addEventListener('scroll', this.onScroll, { passive: true });
    this.observer = new ResizeObserver(this.onResize);
    this.observer.observe(scroller);
  }

  private observe(element: Element): void {
    if (this.inObserver) {
      if (this.toObserve.push(element) === 1) {
        requestAnimationFrame(() => {
          const elements = this.toObserve;
          this.toObserve = [];
          for (const pending of elements) if (pending.isConnected) this.observer?.observe(pending);
        });
      }
    } else {
      this.observer?.observe(element);
    }
  }

  // ─── Heights and where rows are ─────────────────────────────────────────────────────────

  private average(): number {
    return this.heights.size > 0 ? this.measuredSum / this.heights.size : FIRST_ESTIMATE_PX;
  }

  private keyAt(index: number): string {
    const config = this.config;
    return config ? config.key(this.items[index], index) : '';
  }

  private viewportHeight(): number {
    if (this.viewport <= 0 && this.scroller) this.viewport = this.scroller.clientHeight;
    return this.viewport;
  }

  /** Gives rows `first` to `last` the heights measured for their keys; whether any changed. */
  private placeKnown(first: number, last: number): boolean {
    let changed = false;
    for (let index = first; index <= last; index += 1) {
      if (this.offsets.has(index)) continue;
      const height = this.heights.get(this.keyAt(index));
      if (height !== undefined) changed = this.offsets.set(index, height) || changed;
    }
    return changed;
  }

  /** The scroll top; when someone else scrolled, the anchor becomes what shows now. */
  private currentTop(): number {
    const top = this.scroller?.scrollTop ?? 0;
    if (Math.abs(top - this.knownTop) >= 1) {
      this.knownTop = top;
      this.anchor = this.anchorAt(top);
      this.revealing = null;
    }
    return top;
  }

  /** The scroll top that puts the anchor where it belongs (within the list's height). */
  private anchoredTop(viewport: number): number {
    const end = Math.max(0, this.offsets.total() - viewport);
    return Math.max(0, Math.min(end, this.offsets.offset(this.anchor.index) - this.anchor.offset));
  }

  /** Anchors row `row` where `block` shows it, from where the list is now. */
  private align(row: number, block: Block): void {
    this.placeKnown(row, row);
    const offsets = this.offsets;
    const viewport = this.viewportHeight();
    const top = this.anchoredTop(viewport);
    const y = offsets.offset(row);
    const height = offsets.size(row);
    let target = top;
    if (block === 'start') target = y;
    else if (block === 'center') target = y - (viewport - height) / 2;
    else if (y < top) target = y;
    else if (y + height > top + viewport) target = y + height - viewport;
    target = Math.max(0, Math.min(target, offsets.total() - viewport));
    this.anchor = { index: row, offset: y - target };
    this.revealing = offsets.has(row) ? null : { index: row, block };
  }

  /** The row to hold in place with the list scrolled to `top`: the focused one, else the first. */
  private anchorAt(top: number): Anchor {
    if (top <= 0 || this.items.length === 0) return AT_TOP;
    const offsets = this.offsets;
    const focused = this.focusedRow();
    if (focused >= 0) {
      const y = offsets.offset(focused);
      if (y < top + this.viewportHeight() && y + offsets.size(focused) > top) {
        return { index: focused, offset: y - top };
      }
    }
    const index = offsets.indexAt(top);
    return { index, offset: offsets.offset(index) - top };
  }

  /** Where the row holding focus is among the rendered ones, or -1. */
  private focusedAt(): number {
    const root = this.scroller?.getRootNode() as Document | ShadowRoot | undefined;
    const active = root?.activeElement;
    return active ? this.elements.findIndex((element) => element?.contains(active)) : -1;
  }

  /** The index of the row holding focus (in the list the rows were rendered from), or -1. */
  private focusedRow(): number {
    return this.replaced ? -1 : (this.indices[this.focusedAt()] ?? -1);
  }

  /** The focused row's index in the current list, when it is outside `first`–`last`; else -1. */
  private keptRow(first: number, last: number): number {
    const at = this.focusedAt();
    const row = this.rows[at];
    if (!row) return -1;
    const index = this.replaced ? this.config?.indexOf?.(row.key) : this.indices[at];
    return index === undefined || index >= this.items.length || (index >= first && index <= last)
      ? -1
      : index;
  }

  private readonly onResize = (entries: ResizeObserverEntry[]): void => {
    const scroller = this.scroller;
    if (!scroller || !this.isConnected) return;
    this.currentTop();
    let changed = false;
    // The scroller first: another width voids the heights measured before, not those of now.
    const box = entries.find((entry) => entry.target === scroller);
    if (box) {
      const { width, height } = box.contentRect;
      if (this.width > 0 && Math.abs(width - this.width) >= 0.5) {
        this.heights.clear();
        this.measuredSum = 0;
        this.offsets = new RowOffsets(this.items.length, () => this.average());
      }
      this.width = width;
      this.viewport = height;
      changed = true;
    }
    for (const entry of entries) {
      const key = this.keyOf.get(entry.target);
      if (key === undefined || !entry.target.isConnected) continue;
      const height =
        entry.borderBoxSize[0]?.blockSize ?? (entry.target as HTMLElement).offsetHeight;
      changed = this.measured(key, height) || changed;
    }
    if (!changed) return;
    const reveal = this.revealing;
    if (reveal && this.offsets.has(reveal.index)) this.align(reveal.index, reveal.block);
    this.inObserver = true;
    try {
      this.layout(false, false);
    } finally {
      this.inObserver = false;
    }
  };

  /** A row was measured; whether that changes the layout. */
  private measured(key: string, height: number): boolean {
    const before = this.heights.get(key);
    if (before === height) return false;
    this.measuredSum += height - (before ?? 0);
    this.heights.set(key, height);
    const at = this.rows.findIndex((row) => row.key === key);
    const index = this.indices[at];
    if (index !== undefined && !this.replaced) this.offsets.set(index, height);
    return true;
  }

  // ─── A new list ─────────────────────────────────────────────────────────────────────────

  /**
   * The rows changed: the row in view that is still in the list (the focused one first) keeps
   * its place on screen; with none, the list shows from its top, the rows in view first.
   */
  private replaceItems(items: readonly unknown[]): void {
    const top = this.currentTop();
    const shown = new Set(this.rows.map((row) => row.key));
    let anchor = AT_TOP;
    if (top > 0) {
      const offsets = this.offsets;
      const viewport = this.viewportHeight();
      const candidates = [this.focusedAt(), ...this.indices.keys()];
      for (const at of candidates) {
        const index = this.indices[at];
        const key = this.rows[at]?.key;
        if (index === undefined || key === undefined) continue;
        const y = offsets.offset(index);
        if (y + offsets.size(index) <= top || y >= top + viewport) continue;
        const now = this.config?.indexOf?.(key);
        if (now !== undefined && now < items.length) {
          anchor = { index: now, offset: y - top };
          break;
        }
      }
    }
    const previous = this.items;
    this.items = items;
    this.replaced = true;
    this.offsets = new RowOffsets(items.length, () => this.average());
    this.anchor = anchor;
    this.revealing = null;
    // Another list where the rendered rows were (another tab, or the first list): its first
    // layout renders only the rows in view, so they show in the coming frame.
    const last = Math.min(this.range.last, items.length - 1);
    let keeps = false;
    for (let index = this.range.first; index <= last && !keeps; index += 1) {
      keeps = shown.has(this.keyAt(index));
    }
    if (!keeps && previous !== items) this.firstScreenFirst();
  }

  private firstScreenFirst(): void {
    if (this.overscan === 0) return;
    this.overscan = 0;
    requestAnimationFrame(() => {
      setTimeout(() => {
        this.overscan = OVERSCAN_PX;
        if (this.isConnected) this.layout(false, false);
      });
    });
  }

  // ─── Layout ─────────────────────────────────────────────────────────────────────────────

  private readonly onScroll = (): void => {
    this.layout(false, false);
  };

  /**
   * Renders the rows around the anchor and places them. `refresh` renders every row again (the
   * host rendered); `fromHost` fires the events after this task (the host is mid-update).
   */
  private layout(refresh: boolean, fromHost: boolean): void {
    const { container, scroller, sizer, config } = this;
    if (!container || !scroller || !sizer || !config || !scroller.isConnected) return;
    this.currentTop();
    const length = this.items.length;
    const viewport = this.viewportHeight();
    let top = 0;
    let first = 0;
    let last = -1;
    if (length > 0) {
      for (let round = 0; round < 4; round += 1) {
        top = this.anchoredTop(viewport);
        first = this.offsets.indexAt(top - this.overscan);
        last = this.offsets.indexAt(top + viewport + this.overscan);
        if (!this.placeKnown(first, last)) break;
      }
    }
    const kept = this.keptRow(first, last);
    const indices: number[] = kept >= 0 && kept < first ? [kept] : [];
    for (let index = first; index <= last; index += 1) indices.push(index);
    if (kept > last) indices.push(kept);
    const rangeChanged = first !== this.range.first || last !== this.range.last;
    const events: Event[] = [];
    if (rangeChanged) {
      this.range = { first, last };
      const event = new RangeChangedEvent(this.range);
      if (fromHost) events.push(event);
      else scroller.dispatchEvent(event);
    }
    if (
      refresh ||
      this.replaced ||
      indices.length !== this.indices.length ||
      indices.some((index, at) => index !== this.indices[at])
    ) {
      this.renderRows(indices, refresh);
    }
    const offsets = this.offsets;
    let y = 0;
    this.elements.forEach((element, at) => {
      const index = indices[at] ?? 0;
      // Running down the range; the kept row's top looked up.
      y = at > 0 && indices[at - 1] === index - 1 ? y : offsets.offset(index);
      if (element && this.topOf.get(element) !== y) {
        this.topOf.set(element, y);
        element.style.transform = `translateY(${y}px)`;
      }
      y += offsets.size(index);
    });
    sizer.style.transform = `translateY(${offsets.total()}px)`;
    if (Math.abs(top - this.knownTop) >= 0.5) {
      scroller.scrollTop = top;
      this.knownTop = top;
    }
    const visible = {
      first: offsets.indexAt(top),
      last: offsets.indexAt(top + Math.max(viewport - 1, 0)),
    };
    if (visible.first !== this.visible.first || visible.last !== this.visible.last) {
      this.visible = visible;
      events.push(new VisibilityChangedEvent(visible));
    }
    if (events.length === 0) return;
    const fire = () => events.forEach((event) => scroller.dispatchEvent(event));
    if (fromHost) queueMicrotask(fire);
    else fire();
  }

  private renderRows(indices: number[], refresh: boolean): void {
    const { container, config } = this;
    if (!container || !config) return;
    this.rows = updateKeyedRows(
      container,
      this.rows,
      indices.map((index) => this.keyAt(index)),
      (at) => {
        const index = indices[at] ?? 0;
        return config.render(this.items[index], index);
      },
      refresh,
    );
    this.indices = indices;
    this.replaced = false;
    setCommittedValue(
      container,
      this.rows.map((row) => row.part),
    );
    this.elements = this.rows.map((row) => {
      const element = rowElement(row);
      if (element && this.keyOf.get(element) !== row.key) {
        this.keyOf.set(element, row.key);
        const style = element.style;
        style.position = 'absolute';
        style.top = '0';
        style.left = '0';
        style.boxSizing = 'border-box';
        this.observe(element);
      }
      return element;
    });
  }
}

const virtualListDirective = directive(VirtualListDirective);

/** Renders `config.items` as a virtual list into the element this is placed in (the scroller). */
export function virtualList<T>(config: VirtualListConfig<T>) {
  return virtualListDirective(config as VirtualListConfig<unknown>);
}
