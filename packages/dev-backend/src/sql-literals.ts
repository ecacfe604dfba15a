import { GatewayError } from './errors.js';

/**
 * A text value as an SQL string literal (standard_conforming_strings, on by default since
 * PostgreSQL 9.1 and in PGlite: a backslash is an ordinary character, a quote is doubled).
 * A NUL byte can't be sent in a query's text (it would end it early) nor stored in `text`:
 * refused as PostgreSQL refuses it in a parameter.
 */
export function sqlLiteral(value: string | null): string {
  if (value === null) return 'null';
  if (value.includes('\0')) {
    throw new GatewayError(400, {
      code: '22021',
      message: 'invalid byte sequence for encoding "UTF8": 0x00',
    });
  }
  return `'${value.replaceAll("'", "''")}'`;
}

/**
 * `sql` with each `$n` placeholder replaced by `params[n - 1]` as a literal, for a statement sent
 * in one round trip with others (the simple query protocol has no parameters). Placeholders are
 * recognised only outside string literals, quoted identifiers and comments, so a `$1` inside a
 * quoted name stays as it is.
 */
export function inlineParameters(sql: string, params: readonly (string | null)[]): string {
  let out = '';
  let index = 0;
  while (index < sql.length) {
    const char = sql.charAt(index);
    if (char === "'" || char === '"') {
      const end = closingQuote(sql, index, char);
      out += sql.slice(index, end);
      index = end;
    } else if (char === '-' && sql[index + 1] === '-') {
      const end = sql.indexOf('\n', index);
      const stop = end === -1 ? sql.length : end;
      out += sql.slice(index, stop);
      index = stop;
    } else if (
      char === '$' &&
      /[0-9]/.test(sql[index + 1] ?? '') &&
      !/\w/.test(sql[index - 1] ?? '')
    ) {
      const digits = /^\$([0-9]+)/.exec(sql.slice(index))?.[1] ?? '0';
      const position = Number(digits);
      if (position < 1 || position > params.length) {
        throw new Error(
          `the statement names $${position}, but ${params.length} parameter(s) were given`,
        );
      }
      out += sqlLiteral(params[position - 1] ?? null);
      index += 1 + digits.length;
    } else {
      out += char;
      index += 1;
    }
  }
  return out;
}

/** The index just past the quote closing the one at `start` (a doubled quote is part of it). */
function closingQuote(sql: string, start: number, quote: string): number {
  let index = start + 1;
  for (;;) {
    const next = sql.indexOf(quote, index);
    if (next === -1) throw new Error('unterminated quote in a generated statement');
    if (sql[next + 1] === quote) {
      index = next + 2;
      continue;
    }
    return next + 1;
  }
}
