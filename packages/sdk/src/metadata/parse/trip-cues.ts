import { recognize, type Claims, type CueToken } from './tokens.js';

function cueToken(match: RegExpExecArray, cue: CueToken['cue']): CueToken {
  return {
    type: 'cue',
    start: match.index,
    end: match.index + match[0].length,
    text: match[0],
    cue,
  };
}

/**
 * Finds and claims words about the trip's shape: one way (`one-way`, `o/w`), round trip
 * (`round trip`, `roundtrip`, `r/t`, `RT`), multi-leg, and return words (`return`, `returning`,
 * `back`, `coming back`). Whether a return word really adds a leg is decided later, from what
 * follows it (`back on the 15th` does, `get back to me` does not).
 */
export function recognizeTripCues(claims: Claims): CueToken[] {
  const tokens: CueToken[] = [];
  tokens.push(
    ...recognize(claims, /\b(?:one[\s-]?way|o\/w)\b/gi, (match) => [cueToken(match, 'one_way')]),
  );
  tokens.push(
    ...recognize(claims, /\b(?:round[\s-]?trip|r\/t)\b|\bRT\b/gi, (match) =>
      // `rt` in lower case is too often something else; only the capitals count.
      /^rt$/i.test(match[0]) && match[0] !== 'RT' ? null : [cueToken(match, 'round_trip')],
    ),
  );
  tokens.push(
    ...recognize(claims, /\bmulti[\s-]?legs?\b|\bmulti[\s-]?city\b/gi, (match) => [
      cueToken(match, 'multi_leg'),
    ]),
  );
  tokens.push(
    ...recognize(
      claims,
      /\b(?:(?:coming|come|fly|flying|going|heading)\s+back|returning|return|back)\b/gi,
      (match) => [cueToken(match, 'return')],
    ),
  );
  return tokens;
}
