// The sidebar's virtual list in parts: the offset index against a plain running sum, the keyed
// rows against the DOM they leave, and the list itself in a plain scroller (anchoring).
import { expect, fixture, nextFrame } from '@open-wc/testing';
import { html, render } from 'lit';
import { RowOffsets } from '../../src/chat-sidebar/row-offsets.js';
import { virtualList } from '../../src/chat-sidebar/virtual-list.js';
import {
  virtualListRef,
  type VirtualListScroller,
} from '../../src/chat-sidebar/virtual-list-events.js';

/** A small deterministic generator (the same heights on every run). */
function heights(count: number, seed = 7): number[] {
  let state = seed;
  return Array.from({ length: count }, () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return 20 + (state % 90);
  });
}

describe('RowOffsets', () => {
  it('agrees with a plain running sum at 10 000 rows, measured or estimated', () => {
    const sizes = heights(10_000);
    let estimate = 50;
    const offsets = new RowOffsets(sizes.length, () => estimate);
    // A third of the rows measured, in no order.
    for (let index = 0; index < sizes.length; index += 3) {
      const row = (index * 7919) % sizes.length;
      offsets.set(row, sizes[row]!);
    }
    estimate = 61.5;
    const size = (index: number) => (offsets.has(index) ? sizes[index]! : estimate);
    let top = 0;
    for (let index = 0; index < sizes.length; index += 1) {
      if (index % 97 === 0) {
        expect(offsets.offset(index)).to.be.closeTo(top, 1e-6);
        // Just inside the row, and at its very top: this row.
        expect(offsets.indexAt(top + size(index) / 2)).to.equal(index);
        expect(offsets.indexAt(top)).to.equal(index);
      }
      top += size(index);
    }
    expect(offsets.total()).to.be.closeTo(top, 1e-6);
    expect(offsets.indexAt(-10)).to.equal(0);
    expect(offsets.indexAt(top + 1_000)).to.equal(sizes.length - 1);
    // A height set again moves every row after it by the difference.
    const before = offsets.offset(5_000);
    offsets.set(10, offsets.size(10) + 25);
    expect(offsets.offset(5_000)).to.be.closeTo(before + 25, 1e-6);
  });

  it('costs nothing until a height is set: estimates only', () => {
    const offsets = new RowOffsets(1_000, () => 40);
    expect(offsets.offset(250)).to.equal(10_000);
    expect(offsets.indexAt(10_039)).to.equal(250);
    expect(new RowOffsets(0, () => 40).indexAt(0)).to.equal(-1);
  });
});

interface Row {
  readonly key: string;
  readonly height: number;
}

function rowsOf(count: number, prefix = 'r'): Row[] {
  return heights(count).map((height, index) => ({ key: `${prefix}${index}`, height }));
}

/** A 300 × 400 px scroller showing `rows` in a virtual list. */
async function mount(rows: readonly Row[]): Promise<VirtualListScroller> {
  const box = await fixture<HTMLDivElement>(html`<div style="width: 300px"></div>`);
  show(box, rows);
  const scroller = box.querySelector<VirtualListScroller>('.scroller')!;
  await settled();
  return scroller;
}

function show(box: HTMLElement, rows: readonly Row[]): void {
  render(
    html`<div class="scroller" style="height: 400px">${virtualList<Row>({
      items: rows,
      key: (row) => row.key,
      render: (row) =>
        html`<div class="row" data-key=${row.key} style="height: ${row.height}px">${row.key}</div>`,
      indexOf: (key) => {
        const at = rows.findIndex((row) => row.key === key);
        return at < 0 ? undefined : at;
      },
    })}</div>`,
    box,
  );
}

async function settled(): Promise<void> {
  for (let frame = 0; frame < 4; frame += 1) await nextFrame();
}

function rendered(scroller: HTMLElement): HTMLElement[] {
  return [...scroller.querySelectorAll<HTMLElement>('.row')];
}

function topOf(scroller: HTMLElement, key: string): number {
  const row = scroller.querySelector(`[data-key="${key}"]`)!;
  return row.getBoundingClientRect().top - scroller.getBoundingClientRect().top;
}

describe('virtualList', () => {
  it('renders the rows in view and beyond, in order, placed end to end, and no more', async () => {
    const rows = rowsOf(5_000);
    const scroller = await mount(rows);
    const shown = rendered(scroller);
    expect(shown.length).to.be.within(5, 40);
    expect(shown.map((row) => row.dataset['key'])).to.deep.equal(
      shown.map((_, index) => `r${index}`),
    );
    for (let index = 1; index < shown.length; index += 1) {
      const above = shown[index - 1]!.getBoundingClientRect();
      expect(shown[index]!.getBoundingClientRect().top).to.be.closeTo(above.bottom, 0.5);
    }
    // The scroller is as tall as every row measured or estimated, and scrolls to any row.
    expect(scroller.scrollHeight).to.be.greaterThan(5_000 * 20);
    scroller[virtualListRef]!.scrollToIndex(3_210, 'start');
    await settled();
    expect(topOf(scroller, 'r3210')).to.be.closeTo(0, 1);
    expect(scroller[virtualListRef]!.element(3_210)?.dataset['key']).to.equal('r3210');
  });

  it('keeps the rows in view in place when rows above arrive, leave or change height', async () => {
    let rows = rowsOf(400);
    const scroller = await mount(rows);
    scroller.scrollTop = 4_000;
    await settled();
    const box = scroller.parentElement!;
    const watched = rendered(scroller).find((row) => topOf(scroller, row.dataset['key']!) >= 0)!;
    const key = watched.dataset['key']!;
    const before = topOf(scroller, key);
    // Three new rows at the top, one far above gone.
    rows = [...rowsOf(3, 'new'), ...rows.filter((row) => row.key !== 'r2')];
    show(box, rows);
    await settled();
    expect(topOf(scroller, key)).to.be.closeTo(before, 1);
    // A row above the view (two above the first whole row in view) grows by 50 px.
    const index = rows.findIndex((row) => row.key === key);
    rows = rows.map((row, at) => (at === index - 2 ? { ...row, height: row.height + 50 } : row));
    show(box, rows);
    await settled();
    expect(topOf(scroller, key)).to.be.closeTo(before, 1);
  });

  it('recycles rows for another list: the same elements, each showing and measuring its new row', async () => {
    const scroller = await mount(rowsOf(500));
    const before = new Set(rendered(scroller));
    const box = scroller.parentElement!;
    // Another list (another tab): no key in common, every height 10 px more.
    const other = rowsOf(500, 'other').map((row) => ({ ...row, height: row.height + 10 }));
    show(box, other);
    await settled();
    const shown = rendered(scroller);
    expect(shown.map((row) => row.dataset['key'])).to.deep.equal(
      shown.map((_, index) => `other${index}`),
    );
    expect(shown.map((row) => row.textContent)).to.deep.equal(
      shown.map((_, index) => `other${index}`),
    );
    // The rows in view came first, each into an element of the first list (the overscan, a
    // frame later, takes new ones: the spares were gone by then).
    const inView = shown.filter((row) => topOf(scroller, row.dataset['key']!) < 400);
    expect(inView.length).to.be.greaterThan(2);
    expect(inView.filter((row) => !before.has(row))).to.deep.equal([]);
    // Placed end to end at their new heights: each recycled row was measured again.
    shown.forEach((row, index) => {
      expect(row.getBoundingClientRect().height).to.equal(other[index]!.height);
      if (index === 0) return;
      const above = shown[index - 1]!.getBoundingClientRect();
      expect(row.getBoundingClientRect().top).to.be.closeTo(above.bottom, 0.5);
    });
    // Scrolling far recycles too, and what shows is still the rows there.
    scroller[virtualListRef]!.scrollToIndex(250, 'start');
    await settled();
    expect(topOf(scroller, 'other250')).to.be.closeTo(0, 1);
    expect(scroller[virtualListRef]!.element(250)?.textContent).to.equal('other250');
  });

  it('leaves no comment behind: two markers per row and the list its own', async () => {
    const rows = rowsOf(2_000);
    const scroller = await mount(rows);
    for (let place = 0; place < 20; place += 1) {
      scroller.scrollTop = ((place * 7) % 20) * 3_000;
      await nextFrame();
    }
    scroller.scrollTop = 0;
    await settled();
    const comments = [...scroller.childNodes].filter((node) => node.nodeType === Node.COMMENT_NODE);
    expect(comments.length).to.equal(2 * rendered(scroller).length + 1);
    expect(scroller.querySelectorAll('[virtual-sizer]').length).to.equal(1);
  });
});
