// A reorder in <chat-sidebar>'s virtualized list (a session gets a reply and moves up under
// Today) never leaves rows overlapping: the layout keeps each row's size by its key, not by its
// index (src/chat-sidebar/virtual-list.ts). Without it, a heading's measured 32 px was used
// for a card's ~90 px after the move and the rows overlapped until something resized.
import { expect, nextFrame } from '@open-wc/testing';
import type { ChatSidebar } from '../../src/chat-sidebar/chat-sidebar.js';
import {
  $$,
  DAY,
  HOUR,
  focusedId,
  listSnapshot,
  pressKeys,
  renderSidebar,
} from './support/sidebar.js';
import { flightRequest, generalChat, NOW } from './support/sessions.js';
import type { Session } from '../../packages/sdk/src/models/session.js';

function rows(sidebar: ChatSidebar): HTMLElement[] {
  return $$(sidebar, "[part~='list'] > [part~='group-heading'], [part~='list'] > [part~='item']");
}

/** Pairs of rows drawn over each other by more than a pixel. */
function overlaps(sidebar: ChatSidebar): string[] {
  const boxes = rows(sidebar).map((row) => ({
    name:
      row.querySelector('[data-session-id]')?.getAttribute('data-session-id') ??
      (row.textContent ?? '').trim(),
    box: row.getBoundingClientRect(),
  }));
  const found: string[] = [];
  for (let i = 0; i < boxes.length; i += 1) {
    for (let j = i + 1; j < boxes.length; j += 1) {
      const a = boxes[i]!;
      const b = boxes[j]!;
      const overlap = Math.min(a.box.bottom, b.box.bottom) - Math.max(a.box.top, b.box.top);
      if (overlap > 1) found.push(`${a.name} / ${b.name}: ${Math.round(overlap)} px`);
    }
  }
  return found;
}

function at(offset: number): string {
  return new Date(NOW - offset).toISOString();
}

function id(n: number): string {
  return `00000000-0000-4000-8000-0000000007${String(n).padStart(2, '0')}`;
}

describe('<chat-sidebar> reorders', () => {
  it('never overlap rows when sessions move between date groups', async () => {
    let items: Session[] = [
      flightRequest({ id: id(1), title: 'Today 1', lastActivityAt: at(10 * 60_000) }),
      generalChat({ id: id(2), title: 'Today 2', lastActivityAt: at(20 * 60_000) }),
      flightRequest({ id: id(3), title: 'Today 3', lastActivityAt: at(30 * 60_000) }),
      ...Array.from({ length: 8 }, (_, n) =>
        (n % 2 ? generalChat : flightRequest)({
          id: id(10 + n),
          title: `Older ${n}`,
          lastActivityAt: at(DAY + n * 3 * HOUR),
        }),
      ),
    ];
    const sidebar = await renderSidebar(listSnapshot(items), { height: 800 });
    expect(rows(sidebar).length).to.be.greaterThan(8);
    expect(overlaps(sidebar)).to.deep.equal([]);
    for (let round = 0; round < 4; round += 1) {
      // An older session gets a reply: it moves to the top, under Today.
      const moved = items.find((session) => session.id === id(10 + round))!;
      items = [
        { ...moved, lastActivityAt: at(-round * 1000) },
        ...items.filter((session) => session.id !== moved.id),
      ];
      sidebar.snapshot = listSnapshot(items);
      await sidebar.updateComplete;
      for (let frame = 0; frame < 6; frame += 1) {
        await nextFrame();
        expect(overlaps(sidebar), `round ${round}, frame ${frame}`).to.deep.equal([]);
      }
    }
    await expect(sidebar).to.be.accessible();
  });

  it('keeps arrow keys in the new order after a reorder', async () => {
    let items: Session[] = [
      flightRequest({ id: id(1), title: 'First', lastActivityAt: at(60_000) }),
      flightRequest({ id: id(2), title: 'Second', lastActivityAt: at(2 * 60_000) }),
      generalChat({ id: id(3), title: 'Yesterday', lastActivityAt: at(DAY + HOUR) }),
    ];
    const sidebar = await renderSidebar(listSnapshot(items), { height: 600 });
    items = [{ ...items[2]!, lastActivityAt: at(0) }, items[0]!, items[1]!];
    sidebar.snapshot = listSnapshot(items);
    await sidebar.updateComplete;
    await nextFrame();
    expect(overlaps(sidebar)).to.deep.equal([]);
    await sidebar.focusSession(id(3));
    expect(focusedId(sidebar)).to.equal(id(3));
    await pressKeys('ArrowDown');
    await nextFrame();
    expect(focusedId(sidebar)).to.equal(id(1));
  });
});
