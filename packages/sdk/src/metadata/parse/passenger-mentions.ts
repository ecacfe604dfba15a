import { recognize, type Claims, type PassengerToken } from './tokens.js';
import { COUNT_PATTERN, countValue } from './words.js';

const TOTAL_NOUNS = 'pax|passengers?|people|persons?|guests?|travell?ers?|ppl|souls|seats?';
const PART_NOUNS = 'adults?|children|child|kids?|infants?|babies|baby';

function passengerToken(
  match: RegExpExecArray,
  count: number,
  role: PassengerToken['role'],
): PassengerToken {
  return {
    type: 'passengers',
    start: match.index,
    end: match.index + match[0].length,
    text: match[0],
    count,
    role,
  };
}

/**
 * Finds and claims passenger counts: `6 pax`, `six passengers`, `party of 4`, `pax: 8`,
 * `4 of us`, `for 8,` (at a phrase's end), and parts to add up (`4 adults + 2 kids`). Counts are digits or number words up
 * to twenty.
 */
export function recognizePassengers(claims: Claims): PassengerToken[] {
  const tokens: PassengerToken[] = [];
  tokens.push(
    ...recognize(
      claims,
      new RegExp(`\\b(${COUNT_PATTERN})\\s*(?:x\\s*)?(${TOTAL_NOUNS}|${PART_NOUNS})\\b`, 'gi'),
      (match) => {
        const count = countValue(match[1] ?? '');
        if (count === null) return null;
        const part = new RegExp(`^(?:${PART_NOUNS})$`, 'i').test(match[2] ?? '');
        return [passengerToken(match, count, part ? 'part' : 'total')];
      },
    ),
  );
  tokens.push(
    ...recognize(
      claims,
      new RegExp(
        `\\b(?:(?:party|group)\\s+of\\s+(${COUNT_PATTERN})|pax\\s*[:=]?\\s*(${COUNT_PATTERN})|(${COUNT_PATTERN})\\s+of\\s+us)\\b`,
        'gi',
      ),
      (match) => {
        const count = countValue(match[1] ?? match[2] ?? match[3] ?? '');
        return count === null ? null : [passengerToken(match, count, 'total')];
      },
    ),
  );
  // `on the 20th for 8, back…`: a bare count after `for` is passengers only where the phrase
  // ends there (`for 8 days` is not).
  tokens.push(
    ...recognize(
      claims,
      new RegExp(
        `\\bfor\\s+(${COUNT_PATTERN})(?=\\s*(?:[,;.!?)]|—|–|-|$)|\\s+(?:on|from|to|back|return|returning|departing|leaving|out)\\b)`,
        'gi',
      ),
      (match) => {
        const count = countValue(match[1] ?? '');
        return count === null ? null : [passengerToken(match, count, 'total')];
      },
    ),
  );
  return tokens;
}
