import type { ChildPart } from 'lit';
import { clearPart, insertPart, setChildPartValue } from 'lit/directive-helpers.js';

/** One rendered row: its key and the part holding its DOM (a start marker, the row, an end marker). */
export interface KeyedRow {
  readonly key: string;
  readonly part: ChildPart;
}

/** Takes a row out of the DOM with both its markers (Lit 3.3's `repeat` leaves the end one: lit/lit#5298). */
function removeRow(row: KeyedRow): void {
  clearPart(row.part);
  for (const marker of [row.part.startNode, row.part.endNode]) {
    marker?.parentNode?.removeChild(marker);
  }
}

/**
 * Makes `container` show one row per key of `keys`, in that order, reusing the row of a key
 * already shown (its DOM moves with it) and rendering `render(i)` into a row for a key not
 * shown; `render` is called for a reused row only when `refresh` is set. Returns the rows.
 *
 * Lit's `repeat` algorithm (matching both ends first, then by key), so a row that moves to the
 * top is the only node moved, and a window sliding by a few rows moves none. A row whose key
 * left gives its DOM to a row whose key came (recycled: Lit updates the bindings that differ,
 * the elements stay), so scrolling and switching lists make few elements.
 */
export function updateKeyedRows(
  container: ChildPart,
  old: readonly KeyedRow[],
  keys: readonly string[],
  render: (index: number) => unknown,
  refresh: boolean,
): KeyedRow[] {
  const oldRows: (KeyedRow | null)[] = [...old];
  const rows: KeyedRow[] = new Array<KeyedRow>(keys.length);
  const reuse = (row: KeyedRow, index: number): KeyedRow => {
    if (refresh) setChildPartValue(row.part, render(index));
    return row;
  };
  /** Rows whose key left, for the keys that came. */
  const spare: KeyedRow[] = [];
  const create = (index: number, before: KeyedRow | undefined | null): KeyedRow => {
    const part = insertPart(container, before?.part, spare.pop()?.part);
    setChildPartValue(part, render(index));
    return { key: keys[index] ?? '', part };
  };
  let oldHead = 0;
  let oldTail = oldRows.length - 1;
  let newHead = 0;
  let newTail = keys.length - 1;
  let newIndexOf: Map<string, number> | undefined;
  let oldIndexOf: Map<string, number> | undefined;
  while (oldHead <= oldTail && newHead <= newTail) {
    const head = oldRows[oldHead] ?? null;
    const tail = oldRows[oldTail] ?? null;
    if (head === null) {
      oldHead += 1;
    } else if (tail === null) {
      oldTail -= 1;
    } else if (head.key === keys[newHead]) {
      rows[newHead] = reuse(head, newHead);
      oldHead += 1;
      newHead += 1;
    } else if (tail.key === keys[newTail]) {
      rows[newTail] = reuse(tail, newTail);
      oldTail -= 1;
      newTail -= 1;
    } else if (head.key === keys[newTail]) {
      rows[newTail] = reuse(head, newTail);
      insertPart(container, rows[newTail + 1]?.part, head.part);
      oldHead += 1;
      newTail -= 1;
    } else if (tail.key === keys[newHead]) {
      rows[newHead] = reuse(tail, newHead);
      insertPart(container, head.part, tail.part);
      oldTail -= 1;
      newHead += 1;
    } else {
      if (!newIndexOf || !oldIndexOf) {
        newIndexOf = new Map();
        for (let index = newHead; index <= newTail; index += 1)
          newIndexOf.set(keys[index] ?? '', index);
        oldIndexOf = new Map();
        for (let index = oldHead; index <= oldTail; index += 1) {
          const row = oldRows[index];
          if (row) oldIndexOf.set(row.key, index);
        }
      }
      if (!newIndexOf.has(head.key)) {
        spare.push(head);
        oldHead += 1;
      } else if (!newIndexOf.has(tail.key)) {
        spare.push(tail);
        oldTail -= 1;
      } else {
        const oldIndex = oldIndexOf.get(keys[newHead] ?? '');
        const found = oldIndex === undefined ? null : (oldRows[oldIndex] ?? null);
        if (oldIndex === undefined || found === null) {
          rows[newHead] = create(newHead, head);
        } else {
          rows[newHead] = reuse(found, newHead);
          insertPart(container, head.part, found.part);
          oldRows[oldIndex] = null;
        }
        newHead += 1;
      }
    }
  }
  while (oldHead <= oldTail) {
    const row = oldRows[oldHead];
    if (row) spare.push(row);
    oldHead += 1;
  }
  while (newHead <= newTail) {
    rows[newHead] = create(newHead, rows[newTail + 1]);
    newHead += 1;
  }
  spare.forEach(removeRow);
  return rows;
}
