import type { AirportToken, Token } from './tokens.js';

/**
 * Words with which a broker takes back what they just wrote: `actually`, `sorry`, `correction`,
 * `scratch that`, `I mean`, `make that`, `change to`, `instead`.
 */
const CORRECTION = /^(?:actually|sorry|correction|scratch|instead|rather|mean|make|change)$/i;

/** Words of a correction cue that must follow the first one (`make that`, `I mean`). */
function isCorrectionCue(tokens: readonly Token[], index: number): boolean {
  const token = tokens[index];
  if (token?.type !== 'word' || !CORRECTION.test(token.text)) return false;
  const word = token.text.toLowerCase();
  const next = tokens[index + 1];
  const nextWord = next?.type === 'word' ? next.text.toLowerCase() : '';
  const previous = tokens[index - 1];
  const previousWord = previous?.type === 'word' ? previous.text.toLowerCase() : '';
  if (word === 'scratch') return nextWord === 'that';
  if (word === 'mean') return previousWord === 'i';
  if (word === 'make') return nextWord === 'that' || nextWord === 'it';
  if (word === 'change') return next?.type === 'link' && next.link === 'to';
  return true;
}

/**
 * Applies a broker's self-correction to the airports (`TEB to VNY Friday… actually FAI to SFO`):
 * after the last correction cue, two or more airports replace the whole route written before it;
 * a single one replaces the destination before it (or the departure, when written `from X`).
 * Dates, times and passengers before the cue are kept: they still describe the trip (and two
 * passenger counts stay a conflict the broker sees). Returns the tokens to read the route from.
 */
export function applyCorrections(tokens: readonly Token[]): Token[] {
  let cue = -1;
  tokens.forEach((_, index) => {
    if (isCorrectionCue(tokens, index)) cue = index;
  });
  if (cue < 0) return [...tokens];
  const isAirport = (token: Token): token is AirportToken => token.type === 'airport';
  const before = tokens.slice(0, cue).filter(isAirport);
  const after = tokens.slice(cue + 1).filter(isAirport);
  if (before.length === 0 || after.length === 0) return [...tokens];
  if (after.length >= 2) {
    const dropped = new Set<Token>(before);
    return tokens.filter((token) => !dropped.has(token));
  }
  const replacement = after[0];
  if (!replacement) return [...tokens];
  const at = tokens.indexOf(replacement);
  const previous = tokens[at - 1];
  const replacesOrigin = previous?.type === 'link' && previous.link === 'from';
  const replaced = replacesOrigin ? before[0] : before[before.length - 1];
  if (!replaced || replaced === replacement) return [...tokens];
  return tokens.flatMap((token) => {
    if (token === replacement) return [];
    if (token === replaced) return [replacement];
    return [token];
  });
}
