import type { Claims, LinkToken, PunctuationToken, Token, WordToken } from './tokens.js';

/** Symbols that join two airports: arrows, dashes, `>` and `/`. */
const SYMBOL = /^(?:-{1,2}>|=>|—>|[→⟶➝➔➜⇒⇢►▶>]|[-–—]|\/)$/;
const LINK_WORDS: Readonly<Record<string, LinkToken['link']>> = {
  to: 'to',
  from: 'from',
  via: 'via',
  then: 'then',
  thence: 'then',
};
/**
 * Words (letters, digits, inner apostrophes; `St.`-style abbreviations keep their dot), route
 * symbols, and punctuation that ends a route chain.
 */
const PIECE =
  /(?:st|ste|ft|mt)\.(?=\s)|[\p{L}\p{N}][\p{L}\p{N}\p{M}'’]*|-{1,2}>|=>|—>|[→⟶➝➔➜⇒⇢►▶>\-–—/]|[,;.!?:()[\]\n&+@#*"]/giu;

/** Splits the text nobody claimed into words, route links and punctuation, in order. */
export function tokenizeFreeText(claims: Claims): Token[] {
  const tokens: Token[] = [];
  for (const run of claims.freeRuns()) {
    for (const match of run.text.matchAll(PIECE)) {
      const text = match[0];
      const start = run.start + match.index;
      const span = { start, end: start + text.length, text };
      if (SYMBOL.test(text)) {
        tokens.push({ ...span, type: 'link', link: 'to', symbol: true } satisfies LinkToken);
        continue;
      }
      const link = LINK_WORDS[text.toLowerCase()];
      if (link) {
        tokens.push({ ...span, type: 'link', link, symbol: false } satisfies LinkToken);
      } else if (/^[\p{L}\p{N}]/u.test(text)) {
        tokens.push({ ...span, type: 'word' } satisfies WordToken);
      } else {
        tokens.push({ ...span, type: 'punctuation' } satisfies PunctuationToken);
      }
    }
  }
  return tokens;
}

/** True when only spaces or tabs separate the two tokens (no line break, nothing else). */
export function touching(text: string, left: Token, right: Token): boolean {
  return /^[ \t]*$/.test(text.slice(left.end, right.start));
}

/** True when nothing at all separates the two tokens (`Opa-Locka`, `TEB-VNY`). */
export function tight(left: Token, right: Token): boolean {
  return left.end === right.start;
}
