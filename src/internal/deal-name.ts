import type { Session } from './sdk.js';

/**
 * The deal's name a broker gave a flight request ("Hartley family — LA for the holidays"), or ''
 * when its title only describes the route: empty, a generated title ("TEB → VNY · 12 Dec · 6
 * pax", "Flight request · 6 pax") or the request's own text starting with the first leg's
 * origin ("TEB to VNY Dec 12, 6 pax"). Cards and the session header lead with the name when
 * there is one, the route under it; a route-like title would only repeat the route.
 *
 * @example
 * dealName({ kind: 'flight_request', title: 'Hartley family', legs: [...] }); // 'Hartley family'
 */
export function dealName(session: Pick<Session, 'kind' | 'title' | 'legs'>): string {
  const title = session.title.trim();
  if (!title || session.kind !== 'flight_request') return title;
  const [first] = session.legs;
  if (!first) return title;
  if (/^flight request\b/i.test(title)) return '';
  const word = /^[A-Za-z]{3,4}/.exec(title)?.[0]?.toUpperCase() ?? '';
  const origin = first.from.toUpperCase();
  const routeLike =
    word === origin || (origin.length === 4 && origin.startsWith('K') && word === origin.slice(1));
  return routeLike && /^[A-Za-z]{3,4}\b/.test(title) ? '' : title;
}
