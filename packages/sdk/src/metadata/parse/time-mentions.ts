import { recognize, type Claims, type TimeToken } from './tokens.js';

function hhmm(hours: number, minutes: number): string | null {
  if (!Number.isInteger(hours) || hours < 0 || hours > 23 || minutes < 0 || minutes > 59)
    return null;
  return `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
}

function timeToken(
  match: RegExpExecArray,
  time: string | null,
  problem: TimeToken['problem'],
): TimeToken {
  return {
    type: 'time',
    start: match.index,
    end: match.index + match[0].length,
    text: match[0],
    time,
    problem: time === null && problem === null ? 'invalid_time' : problem,
  };
}

/**
 * Finds and claims times: `9am`, `at 9:30 pm`, `14:30`, `at 1430`, `1400 hrs`, `noon`,
 * `midnight`. `at 9` (no am/pm) is kept as an ambiguous time; `morning`, `afternoon`, `evening`
 * as imprecise ones: both carry no value. Out-of-range times (`25:00`, `13pm`) carry no value.
 */
export function recognizeTimes(claims: Claims): TimeToken[] {
  const tokens: TimeToken[] = [];
  // 9am, 9:30 pm, 9.30p.m.
  tokens.push(
    ...recognize(
      claims,
      /\b(?:(?:at|@|around|by)\s+)?(\d{1,2})(?:[:.](\d{2}))?\s*([ap])\.?m\b\.?/gi,
      (match) => {
        const hour = Number(match[1]);
        const minutes = Number(match[2] ?? 0);
        if (hour < 1 || hour > 12) return [timeToken(match, null, 'invalid_time')];
        const pm = (match[3] ?? '').toLowerCase() === 'p';
        return [timeToken(match, hhmm((hour % 12) + (pm ? 12 : 0), minutes), null)];
      },
    ),
  );
  // 8 in the morning, 7:30 in the evening, 9 tonight
  tokens.push(
    ...recognize(
      claims,
      /\b(?:(?:at|@|around|by)\s+)?(\d{1,2})(?:[:.](\d{2}))?\s+(?:o'?clock\s+)?(in\s+the\s+morning|in\s+the\s+afternoon|in\s+the\s+evening|at\s+night|tonight)\b/gi,
      (match) => {
        const hour = Number(match[1]);
        const minutes = Number(match[2] ?? 0);
        if (hour < 1 || hour > 12) return [timeToken(match, null, 'invalid_time')];
        const pm = !/morning/i.test(match[3] ?? '');
        return [timeToken(match, hhmm((hour % 12) + (pm ? 12 : 0), minutes), null)];
      },
    ),
  );
  // 14:30, at 09:15 local
  tokens.push(
    ...recognize(
      claims,
      /(?<![\d:])(?:(?:at|@|around|by)\s+)?(\d{1,2}):(\d{2})(?![\d:])(?:\s*(?:hrs|h|lt|local)\b)?/gi,
      (match) => [timeToken(match, hhmm(Number(match[1]), Number(match[2])), null)],
    ),
  );
  // at 1430, 1400 hrs, 0900L
  tokens.push(
    ...recognize(
      claims,
      /\b(?:(?:at|@)\s+(\d{2})(\d{2})\b(?:\s*(?:hrs|h|l|lt|local)\b)?|(\d{2})(\d{2})\s*(?:hrs|h|l|lt|local)\b)/gi,
      (match) => [
        timeToken(match, hhmm(Number(match[1] ?? match[3]), Number(match[2] ?? match[4])), null),
      ],
    ),
  );
  // noon, midnight
  tokens.push(
    ...recognize(claims, /\b(?:(?:at|around|by)\s+)?(noon|midday|midnight)\b/gi, (match) => [
      timeToken(match, (match[1] ?? '').toLowerCase() === 'midnight' ? '00:00' : '12:00', null),
    ]),
  );
  // at 9 — which 9?
  tokens.push(
    ...recognize(
      claims,
      /\b(?:at|@)\s+(\d{1,2})\b(?!\s*(?:pax|passengers?|people|st|nd|rd|th)\b)(?![/:.]\d)/gi,
      (match) => {
        const hour = Number(match[1]);
        if (hour >= 13 && hour <= 23) return [timeToken(match, hhmm(hour, 0), null)];
        // `at 9 tonight`: the evening.
        const after = claims.text.slice(match.index + match[0].length);
        if (hour >= 1 && hour <= 11 && /^\s+tonight\b/i.test(after))
          return [timeToken(match, hhmm(hour + 12, 0), null)];
        if (hour > 23) return [timeToken(match, null, 'invalid_time')];
        return [timeToken(match, null, 'ambiguous_time')];
      },
    ),
  );
  // morning, afternoon, evening
  tokens.push(
    ...recognize(
      claims,
      /\b(?:(?:early|late|in\s+the)\s+)?(morning|afternoon|evening)\b/gi,
      (match) => [timeToken(match, null, 'imprecise_time')],
    ),
  );
  return tokens;
}
