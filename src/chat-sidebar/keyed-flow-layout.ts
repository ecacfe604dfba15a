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
 * change, each row's known size follows its key to its new index (rows not measured yet fall
 * back to the average, as before).
 */
export class KeyedFlowLayout extends FlowLayout {
  /**
   * Pixels of rows rendered beyond each edge of the viewport: about five cards, enough for the
   * arrow keys and a flick of the wheel to land on rendered rows. The virtualizer's 1 000 px
   * rendered some 28 cards in a 560 px sidebar, three times what shows; issue #16 holds the
   * sidebar to 800 DOM nodes at any size.
   */
  static readonly OVERHANG = 400;

  constructor(...args: ConstructorParameters<typeof FlowLayout>) {
    super(...args);
    this._overhang = KeyedFlowLayout.OVERHANG;
  }

  protected override _setItems(items: unknown[]): void {
    const previous = this.items;
    if (items !== previous && previous.length > 0) this.remapMeasurements(previous, items);
    super._setItems(items);
  }

  private remapMeasurements(previous: readonly unknown[], next: readonly unknown[]): void {
    // The cache's map of index → metrics is private to the virtualizer; read, never written.
    const measured = (this._metricsCache as unknown as { _metricsCache?: Map<number, RowMetrics> })
      ._metricsCache;
    if (!(measured instanceof Map) || measured.size === 0) return;
    const byKey = new Map<string, RowMetrics>();
    for (const [index, metrics] of measured) {
      const key = keyOf(previous[index]);
      if (key !== null) byKey.set(key, metrics);
    }
    const remapped: Record<number, RowMetrics> = {};
    next.forEach((row, index) => {
      const key = keyOf(row);
      const metrics = key === null ? undefined : byKey.get(key);
      if (metrics) remapped[index] = metrics;
    });
    this._metricsCache.clear();
    this._metricsCache.update(remapped, this.direction);
  }
}

/** The layout specifier for `virtualize({ layout })`. */
export const keyedFlow = (): { type: typeof KeyedFlowLayout } => ({ type: KeyedFlowLayout });
