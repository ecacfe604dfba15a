// Reading a non-virtualized list: every card is a child of the scroller, in list order.
import type { Session } from '@chat-sessions/sdk';
import { unreadBadge } from './fixture.js';
import type { Viewport, VisibleRow } from './harness.js';

/** The cards in the scroller's viewport (walking from the first child: the lists start at the top). */
export function visibleRowsFrom(
  scroller: HTMLElement,
  rendered: (card: Element) => boolean,
  badgeOf: (card: Element) => string,
): Viewport {
  const box = scroller.getBoundingClientRect();
  const rows: VisibleRow[] = [];
  let complete = true;
  let bottom = -Infinity;
  let position = 0;
  let last = false;
  for (let card = scroller.firstElementChild; card; card = card.nextElementSibling, position += 1) {
    const rect = card.getBoundingClientRect();
    if (rect.bottom <= box.top) continue;
    if (rect.top >= box.bottom) break;
    if (!rendered(card)) complete = false;
    bottom = Math.max(bottom, rect.bottom);
    rows.push({
      id: (card as HTMLElement).dataset['sessionId'] ?? '',
      position,
      badge: badgeOf(card),
    });
    last = card.nextElementSibling === null;
  }
  complete &&= rows.length > 0 && (bottom >= box.bottom - 1 || last);
  return { rows, complete };
}

/** Every card of the list against `expected`: order, no row dropped or repeated, badges. */
export function allRowsProblems(
  scroller: HTMLElement,
  expected: readonly Session[],
  badgeOf: (card: Element) => string,
): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  let position = 0;
  for (let card = scroller.firstElementChild; card; card = card.nextElementSibling, position += 1) {
    const id = (card as HTMLElement).dataset['sessionId'] ?? '';
    const session = expected[position];
    if (seen.has(id)) problems.push(`session ${id} shown twice`);
    seen.add(id);
    if (!session) problems.push(`row ${position + 1} shown, past the end (${expected.length})`);
    else if (session.id !== id)
      problems.push(`row ${position + 1} shows ${id}, expected ${session.id}`);
    else if (badgeOf(card) !== unreadBadge(session))
      problems.push(
        `row ${position + 1} badge "${badgeOf(card)}", expected "${unreadBadge(session)}"`,
      );
    if (problems.length >= 5) return problems;
  }
  if (position !== expected.length)
    problems.push(`${position} rows shown, ${expected.length} expected`);
  return problems;
}
