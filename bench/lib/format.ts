import type { Estimate } from './stats.js';

/** A number with `digits` significant digits, without exponent notation for readable sizes. */
export function significant(value: number, digits = 3): string {
  if (!Number.isFinite(value)) return String(value);
  if (value === 0) return '0';
  const magnitude = Math.floor(Math.log10(Math.abs(value)));
  const decimals = Math.max(0, digits - 1 - magnitude);
  return value.toFixed(Math.min(decimals, 6));
}

/** "0.071 (0.069–0.074)". */
export function estimate(e: Estimate, digits = 3): string {
  return `${significant(e.value, digits)} (${significant(e.low, digits)}–${significant(e.high, digits)})`;
}

/**
 * A ratio of medians with its interval, read out: how many times faster or slower the numerator
 * is, or no measurable difference when the interval contains 1.
 */
export function ratio(e: Estimate): string {
  const base = estimate(e);
  if (e.low <= 1 && e.high >= 1) return `${base} — no measurable difference`;
  return e.value < 1
    ? `${base} — ${significant(1 / e.value, 3)}× faster`
    : `${base} — ${significant(e.value, 3)}× slower`;
}

/** 1234567 → "1 234 567". */
export function count(n: number): string {
  return Math.round(n).toLocaleString('en').replaceAll(',', ' ');
}

/** A Markdown table. */
export function table(header: string[], rows: string[][], align: Array<'l' | 'r'> = []): string {
  const rule = header.map((_, i) => (align[i] === 'r' ? '---:' : '---'));
  return [header, rule, ...rows].map((cells) => `| ${cells.join(' | ')} |`).join('\n');
}
