/** A range of rows of a virtual list, by index (both ends included). */
export interface RowRange {
  readonly first: number;
  readonly last: number;
}

/**
 * The rows in the DOM changed (fired on the scroller before they are re-rendered on a scroll or
 * a measurement, after them when the host rendered): `first` to `last`, the overscan included.
 */
export class RangeChangedEvent extends Event implements RowRange {
  static readonly eventName = 'rangeChanged';
  readonly first: number;
  readonly last: number;

  constructor(range: RowRange) {
    super(RangeChangedEvent.eventName);
    this.first = range.first;
    this.last = range.last;
  }
}

/** The rows on screen changed (fired on the scroller): `first` to `last`, any part showing. */
export class VisibilityChangedEvent extends Event implements RowRange {
  static readonly eventName = 'visibilityChanged';
  readonly first: number;
  readonly last: number;

  constructor(range: RowRange) {
    super(VisibilityChangedEvent.eventName);
    this.first = range.first;
    this.last = range.last;
  }
}

/** What a virtual list offers to code that holds its scroller (`scroller[virtualListRef]`). */
export interface VirtualListHandle {
  /** Scrolls so that row `index` shows: at the nearest edge (default), the top or the middle. */
  scrollToIndex(index: number, block?: 'nearest' | 'start' | 'center'): void;
  /** The element rendered for row `index`, if it is in the DOM. */
  element(index: number): HTMLElement | null;
}

/** The property of the scroller element that holds its list's handle. */
export const virtualListRef: unique symbol = Symbol('virtualList');

/** A scroller a virtual list renders into. */
export interface VirtualListScroller extends HTMLElement {
  [virtualListRef]?: VirtualListHandle;
}
