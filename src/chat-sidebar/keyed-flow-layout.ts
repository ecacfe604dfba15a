import { FlowLayout } from '@lit-labs/virtualizer/layouts/flow.js';

/** One measured row: its size and margins, as the virtualizer measured them. */
type RowMetrics = Parameters<FlowLayout['_metricsCache']['update']>[0][number];

/** What the list's rows have in common: a stable key (`heading:today`, `session:<id>`). */
interface KeyedRow {
  readonly key: string;
}

function keyOf(row: unknown): string | null {
  return typeof row === 'object' && row !== null && typeof (row as KeyedRow).key === 'string'
    ? (row as KeyedRow).key
    : null;
}

/**
 * The virtualizer's flow layout, with row sizes kept by row key instead of by index.
 *
 * `@lit-labs/virtualizer` (2.1) caches each row's measured size by its index, and measures a row
 * again only when its element resizes. Rows are rendered by key, so when the list reorders (a
 * session gets a reply and moves to the top, under Today) the same elements keep their sizes and
 * are not measured again, while the index-keyed sizes now belong to other rows: a heading's 32 px
 * is used for a card's 90, and rows overlap until something resizes. Here, whenever the rows
 * change, the sizes measured so far are carried by key, and each is placed at its row's new
 * index when the layout first asks for that index (rows not measured yet fall back to the
 * average, as before). Nothing is done per row of the list: a new list of 10 000 rows costs the
 * rows laid out, and a tab shown again finds the sizes of its rows.
 */
export class KeyedFlowLayout extends FlowLayout {
  /**
   * Pixels of rows rendered beyond each edge of the viewport: about five cards, enough for the
   * arrow keys and a flick of the wheel to land on rendered rows. The virtualizer's 1 000 px
   * rendered some 28 cards in a 560 px sidebar, three times what shows; issue #16 holds the
   * sidebar to 800 DOM nodes at any size.
   */
  static readonly OVERHANG = 400;

  /** Sizes measured for rows of an earlier list, by row key, not yet placed in this one. */
  private readonly carried = new Map<string, RowMetrics>();
  /**
   * The average row and margin sizes over everything measured before the rows changed, until
   * rows of the new list are measured. Without it the average would be that of the few rows
   * placed so far: after a tab change, only the shared "Today" heading (32 px), and the first
   * layout would render three times the rows that fit, to drop two thirds of them in the next.
   */
  private priorAverages: { readonly child: number; readonly margin: number } | null = null;
  /** True while a carried size is being placed (not a new measurement). */
  private placing = false;
  /** Indices of the current rows already looked up in `carried` (the layout reads each often). */
  private readonly looked = new Set<number>();

  constructor(...args: ConstructorParameters<typeof FlowLayout>) {
    super(...args);
    this._overhang = KeyedFlowLayout.OVERHANG;
    // Every read of the cache by index first places the size carried for the row there. The
    // cache's class is private to the virtualizer: its methods are wrapped on this instance.
    const cache = this._metricsCache;
    const { getChildSize, getMarginSize, getLeadingMarginValue, update, clear } = cache;
    cache.getChildSize = (index) => {
      this.place(index);
      return getChildSize.call(cache, index);
    };
    cache.getMarginSize = (index) => {
      // The margin between a row and the one before it.
      this.place(index - 1);
      this.place(index);
      return getMarginSize.call(cache, index);
    };
    cache.getLeadingMarginValue = (index, direction) => {
      this.place(index);
      return getLeadingMarginValue.call(cache, index, direction);
    };
    cache.update = (metrics, direction) => {
      // A row measured now needs no older size, nor the list the old averages.
      if (!this.placing) this.priorAverages = null;
      for (const index of Object.keys(metrics)) {
        const key = keyOf(this.items[Number(index)]);
        if (key !== null) this.carried.delete(key);
      }
      update.call(cache, metrics, direction);
    };
    cache.clear = () => {
      // The width changed: every size measured so far is void.
      this.carried.clear();
      this.looked.clear();
      this.priorAverages = null;
      clear.call(cache);
    };
    const averages = Object.getPrototypeOf(cache) as object;
    const average = (name: 'averageChildSize' | 'averageMarginSize', prior: 'child' | 'margin') => {
      const measured = Object.getOwnPropertyDescriptor(averages, name)?.get;
      Object.defineProperty(cache, name, {
        configurable: true,
        get: () => this.priorAverages?.[prior] ?? (measured?.call(cache) as number),
      });
    };
    average('averageChildSize', 'child');
    average('averageMarginSize', 'margin');
  }

  protected override _setItems(items: unknown[]): void {
    const previous = this.items;
    if (items !== previous) {
      this.looked.clear();
      if (previous.length > 0) {
        const shown = this.shownKeys(previous);
        this.carryMeasurements(previous);
        if (shown.length > 0 && !this.showsAny(items, shown)) this.firstScreenFirst();
      }
    }
    super._setItems(items);
  }

  /** The keys of the sessions rendered now (headings are shared by lists). */
  private shownKeys(rows: readonly unknown[]): string[] {
    const keys: string[] = [];
    for (let index = Math.max(this._first, 0); index <= this._last; index += 1) {
      const key = keyOf(rows[index]);
      if (key?.startsWith('session:')) keys.push(key);
    }
    return keys;
  }

  /** Whether `rows`, where the rendered ones were, still show one of `keys`. */
  private showsAny(rows: readonly unknown[], keys: readonly string[]): boolean {
    const wanted = new Set(keys);
    const last = Math.min(this._last, rows.length - 1);
    for (let index = Math.max(this._first, 0); index <= last; index += 1) {
      const key = keyOf(rows[index]);
      if (key !== null && wanted.has(key)) return true;
    }
    return false;
  }

  /**
   * Another list replaced the rows (another tab): its first layout renders only the rows in
   * view, so they show in the coming frame; the rows beyond the edges follow once it is painted.
   */
  private firstScreenFirst(): void {
    this._overhang = 0;
    requestAnimationFrame(() => {
      setTimeout(() => {
        this._overhang = KeyedFlowLayout.OVERHANG;
        this._triggerReflow();
      });
    });
  }

  /** Takes the sizes measured for `previous` out of the cache, by key. */
  private carryMeasurements(previous: readonly unknown[]): void {
    // The cache's map of index → metrics is private to the virtualizer; read, never written.
    const measured = (this._metricsCache as unknown as { _metricsCache?: Map<number, RowMetrics> })
      ._metricsCache;
    if (!(measured instanceof Map) || measured.size === 0) return;
    // With what earlier lists left unplaced (the other tab's rows).
    const carried = new Map(this.carried);
    for (const [index, metrics] of measured) {
      const key = keyOf(previous[index]);
      if (key !== null) carried.set(key, metrics);
    }
    const cache = this._metricsCache;
    const prior = { child: cache.averageChildSize, margin: cache.averageMarginSize };
    cache.clear();
    for (const [key, metrics] of carried) this.carried.set(key, metrics);
    this.priorAverages = prior;
  }

  /** Places the size carried for the row now at `index`, if there is one. */
  private place(index: number): void {
    if (this.carried.size === 0 || index < 0 || this.looked.has(index)) return;
    this.looked.add(index);
    if (index >= this.items.length) return;
    const key = keyOf(this.items[index]);
    const metrics = key === null ? undefined : this.carried.get(key);
    if (!metrics) return;
    this.placing = true;
    try {
      this._metricsCache.update({ [index]: metrics }, this.direction);
    } finally {
      this.placing = false;
    }
  }
}

/** The layout specifier for `virtualize({ layout })`. */
export const keyedFlow = (): { type: typeof KeyedFlowLayout } => ({ type: KeyedFlowLayout });
