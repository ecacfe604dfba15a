import { findAirport } from '../airports/airport-directory.js';
import { MAX_NAME_WORDS, matchAirportName } from '../airports/airport-names.js';
import { COMMON_WORDS } from '../text/common-words.js';
import { tight, touching } from './tokenize.js';
import { isShouting, type AirportToken, type Token } from './tokens.js';

interface Candidate {
  readonly first: number;
  readonly last: number;
  readonly token: AirportToken;
  /** Needs a route word or symbol (or another airport) beside it to count. */
  readonly needsContext: boolean;
  /** A common word written as a code (`CAN`): only a route connector right beside it will do. */
  readonly needsLink: boolean;
}

const CODE_SHAPE = /^[A-Za-z]{3,4}$/;

/** The word tokens from `first` that may form one name: touching, or joined by a tight hyphen. */
function wordRun(text: string, tokens: readonly Token[], first: number): number[] {
  const run = [first];
  let current = first;
  while (run.length < MAX_NAME_WORDS) {
    const next = tokens[current + 1];
    const after = tokens[current + 2];
    const here = tokens[current];
    if (!here || !next) break;
    if (next.type === 'word' && touching(text, here, next)) {
      current += 1;
    } else if (
      next.type === 'link' &&
      next.symbol &&
      next.text === '-' &&
      after?.type === 'word' &&
      tight(here, next) &&
      tight(next, after)
    ) {
      current += 2;
    } else {
      break;
    }
    run.push(current);
  }
  return run;
}

function spanOf(
  text: string,
  tokens: readonly Token[],
  first: number,
  last: number,
): {
  start: number;
  end: number;
  text: string;
} {
  const start = tokens[first]?.start ?? 0;
  const end = tokens[last]?.end ?? start;
  return { start, end, text: text.slice(start, end) };
}

/** The airport a single word names as a code, if it is one in the table. */
function codeCandidate(
  text: string,
  tokens: readonly Token[],
  index: number,
  shouting: boolean,
): Candidate | null {
  const word = tokens[index];
  if (!word || !CODE_SHAPE.test(word.text)) return null;
  const airport = findAirport(word.text);
  if (!airport) return null;
  const upper = word.text === word.text.toUpperCase();
  // An FAA identifier (`SDL`) counts only in capitals: in lower case it is too often a word.
  const primary = [airport.iata, airport.icao].includes(word.text.toUpperCase());
  if (!upper && !primary) return null;
  const common = COMMON_WORDS.has(word.text.toLowerCase());
  if (common && (!upper || shouting)) return null;
  return {
    first: index,
    last: index,
    token: {
      type: 'airport',
      ...spanOf(text, tokens, index, index),
      airport,
      candidates: [airport],
      writtenAs: word.text.length === 4 ? 'icao' : 'iata',
      status: 'resolved',
    },
    needsContext: !upper || shouting || common,
    needsLink: common,
  };
}

/** The longest airport name starting at `index`, if any. */
function nameCandidate(
  text: string,
  tokens: readonly Token[],
  index: number,
  recent: readonly string[],
): Candidate | null {
  const run = wordRun(text, tokens, index);
  for (let length = run.length; length >= 1; length -= 1) {
    const words = run.slice(0, length).map((at) => tokens[at]?.text ?? '');
    const match = matchAirportName(words.join(' '), recent);
    if (!match) continue;
    const last = run[length - 1] ?? index;
    return {
      first: index,
      last,
      token: {
        type: 'airport',
        ...spanOf(text, tokens, index, last),
        airport: match.airport,
        candidates: match.candidates,
        writtenAs: 'name',
        status:
          match.airport === null
            ? 'ambiguous'
            : match.candidates.length > 1
              ? 'assumed'
              : 'resolved',
      },
      needsContext: true,
      needsLink: false,
    };
  }
  return null;
}

function isLink(token: Token | undefined, links: readonly string[]): boolean {
  return token?.type === 'link' && links.includes(token.link);
}

/** A word that could be a place the table does not know: capitalized, not a common word. */
function placeLike(token: Token | undefined): boolean {
  if (token?.type !== 'word') return false;
  return (
    /^\p{Lu}/u.test(token.text) &&
    !COMMON_WORDS.has(token.text.toLowerCase()) &&
    !/\d/.test(token.text)
  );
}

/**
 * The capitalized words (at most 3) running from `index` away from a link, in text order. Going
 * left, a word that opens the text or a sentence is not taken (`Quote Gstaad to Nice`).
 */
function placeRun(
  text: string,
  tokens: readonly Token[],
  index: number,
  step: 1 | -1,
): [number, number] {
  let edge = index;
  for (let count = 1; count < 3; count += 1) {
    const next = tokens[edge + step];
    const here = tokens[edge];
    if (!here || !next || !placeLike(next)) break;
    if (step === -1 && (edge + step === 0 || tokens[edge + step - 1]?.type === 'punctuation'))
      break;
    if (!(step === 1 ? touching(text, here, next) : touching(text, next, here))) break;
    edge += step;
  }
  return step === 1 ? [index, edge] : [edge, index];
}

/**
 * Replaces the words that name airports with airport tokens. Upper-case codes from the table
 * count anywhere; names, lower-case codes and codes that are also common words (`CAN`) count
 * only in a route (`to`, `from`, `via`, `then`, `-`, `→`, next to another airport). A
 * capitalized word or code on the other side of a route connector from a known airport becomes
 * an `unknown` airport (`Gstaad to Nice`), so the parser can say it could not place it.
 * `recent` (the broker's recent airport codes) ranks names several airports answer to.
 */
export function markAirports(
  text: string,
  tokens: readonly Token[],
  recent: readonly string[] = [],
): Token[] {
  const shouting = isShouting(text);
  const candidates: Candidate[] = [];
  for (let index = 0; index < tokens.length; index += 1) {
    if (tokens[index]?.type !== 'word') continue;
    const word = tokens[index]?.text ?? '';
    const code = codeCandidate(text, tokens, index, shouting);
    const name = nameCandidate(text, tokens, index, recent);
    const upperCode = code !== null && word === word.toUpperCase() && !code.needsLink;
    const chosen = upperCode ? code : (name ?? code);
    if (!chosen) continue;
    candidates.push(chosen);
    index = chosen.last;
  }

  const byFirst = new Map(candidates.map((candidate) => [candidate.first, candidate]));
  const byLast = new Map(candidates.map((candidate) => [candidate.last, candidate]));
  const accepted = candidates.filter((candidate) => {
    if (!candidate.needsContext) return true;
    const before = tokens[candidate.first - 1];
    const after = tokens[candidate.last + 1];
    if (isLink(before, ['to', 'from', 'via', 'then'])) return true;
    // `Aspen from San Francisco`: a destination named first.
    if (after?.type === 'link' && after.link === 'from' && byFirst.has(candidate.last + 2))
      return true;
    if (after?.type === 'link' && (after.link === 'to' || after.link === 'via')) {
      // `Nice to meet you`: the word `to` counts only when a place follows it.
      const beyond = tokens[candidate.last + 2];
      if (after.symbol || byFirst.has(candidate.last + 2) || placeLike(beyond)) return true;
    }
    if (candidate.needsLink) return false;
    const left = byLast.get(candidate.first - 1);
    const right = byFirst.get(candidate.last + 1);
    const first = tokens[candidate.first];
    const last = tokens[candidate.last];
    return (
      (left !== undefined &&
        before !== undefined &&
        first !== undefined &&
        touching(text, before, first)) ||
      (right !== undefined &&
        after !== undefined &&
        last !== undefined &&
        touching(text, last, after))
    );
  });

  const replaced = new Map<number, { last: number; token: AirportToken }>();
  for (const candidate of accepted) replaced.set(candidate.first, candidate);
  const isAirportAt = (index: number): boolean =>
    accepted.some((candidate) => candidate.first <= index && index <= candidate.last);

  // Unknown places on the far side of a route connector from a known airport.
  tokens.forEach((token, index) => {
    if (token.type !== 'link' || (token.link !== 'to' && token.link !== 'via')) return;
    const sides: Array<[number, number, 1 | -1]> = [
      [index - 1, index + 1, -1],
      [index + 1, index - 1, 1],
    ];
    for (const [side, other, step] of sides) {
      const here = tokens[side];
      const codeShaped = here?.type === 'word' && /^[A-Z]{3,4}$/.test(here.text);
      const otherIsAirport =
        isAirportAt(other) || (codeShaped && /^[A-Z]{3,4}$/.test(tokens[other]?.text ?? ''));
      if (!otherIsAirport || isAirportAt(side) || !placeLike(here)) continue;
      const [first, last] = placeRun(text, tokens, side, step);
      if ([...replaced.entries()].some(([start, entry]) => start <= last && first <= entry.last))
        continue;
      replaced.set(first, {
        last,
        token: {
          type: 'airport',
          ...spanOf(text, tokens, first, last),
          airport: null,
          candidates: [],
          writtenAs: codeShaped ? (here.text.length === 4 ? 'icao' : 'iata') : 'name',
          status: 'unknown',
        },
      });
    }
  });

  const result: Token[] = [];
  for (let index = 0; index < tokens.length; index += 1) {
    const replacement = replaced.get(index);
    if (replacement) {
      result.push(replacement.token);
      index = replacement.last;
    } else {
      const token = tokens[index];
      if (token) result.push(token);
    }
  }
  return result;
}
