import type { ChildPart } from 'lit';
import { AsyncDirective, directive } from 'lit/async-directive.js';
import { getCommittedValue } from 'lit/directive-helpers.js';
import { virtualize, type VirtualizeDirectiveConfig } from '@lit-labs/virtualizer/virtualize.js';

/**
 * Removes what Lit's `repeat` left between the rows it rendered in `container`: every comment
 * outside the rows' own ranges (a row is its start marker, its content and its end marker).
 */
function removeLeftMarkers(container: ChildPart): void {
  const rows = getCommittedValue(container);
  if (!Array.isArray(rows)) return;
  const rowAt = new Map<Node, ChildPart>();
  for (const row of rows as ChildPart[]) if (row.startNode) rowAt.set(row.startNode, row);
  const end = container.endNode;
  let node: Node | null = container.startNode
    ? container.startNode.nextSibling
    : container.parentNode.firstChild;
  while (node && node !== end) {
    const row = rowAt.get(node);
    if (row) {
      // Over the row's whole range, its content and both markers untouched.
      node = row.endNode ? row.endNode.nextSibling : null;
      continue;
    }
    const next: Node | null = node.nextSibling;
    if (node.nodeType === Node.COMMENT_NODE) node.parentNode?.removeChild(node);
    node = next;
  }
}

/**
 * `virtualize` from `@lit-labs/virtualizer`, without its one leak.
 *
 * The virtualizer renders its rows with Lit's `repeat`, and Lit 3.3's `repeat` leaves the end
 * marker (an empty comment) of every row it removes in the DOM (lit/lit#5298, since lit-html
 * 3.3.1): each row that scrolls out or leaves the list adds a node for as long as the list lives.
 * The browser benchmark's list of 10 000 sessions, checked at 51 places after a burst, came back
 * to its top with 682 such comments next to 9 rows (1 072 nodes where 438 had been). After every
 * render of the rows (the virtualizer's own, on `rangeChanged`, and the host's), the comments
 * left between rows are removed: what stays is what the rows need.
 */
class VirtualRowsDirective extends AsyncDirective {
  private container: ChildPart | null = null;
  private sweepQueued = false;

  render(config: VirtualizeDirectiveConfig<unknown>): unknown {
    return virtualize(config);
  }

  override update(part: ChildPart, [config]: [VirtualizeDirectiveConfig<unknown>]): unknown {
    if (this.container === null) {
      this.container = part;
      // The virtualizer renders the rows of a new range from its own `rangeChanged` listener.
      part.parentNode.addEventListener('rangeChanged', this.sweepSoon);
    }
    this.sweepSoon();
    return this.render(config);
  }

  /** After the render under way (ours, or the virtualizer's in the same event). */
  private readonly sweepSoon = (): void => {
    if (this.sweepQueued) return;
    this.sweepQueued = true;
    queueMicrotask(() => {
      this.sweepQueued = false;
      if (this.container && this.isConnected) removeLeftMarkers(this.container);
    });
  };
}

const virtualRowsDirective = directive(VirtualRowsDirective);

/** `virtualize(config)`, leaving no marker of removed rows behind (see VirtualRowsDirective). */
export function virtualRows<T>(config: VirtualizeDirectiveConfig<T>) {
  return virtualRowsDirective(config as VirtualizeDirectiveConfig<unknown>);
}
