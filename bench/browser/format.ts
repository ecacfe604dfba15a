// Number formats shared by the browser benchmark's tables.

export const number = new Intl.NumberFormat('en-GB');

/** A time in ms: one decimal below 100, whole above; `capped` for a sample past its cap. */
export function ms(value: number): string {
  if (value === Number.POSITIVE_INFINITY) return 'capped';
  return value >= 100 ? number.format(Math.round(value)) : value.toFixed(1);
}

/** A ratio: two significant digits below 1, two decimals below 10, whole above. */
export function factor(value: number): string {
  return value >= 10 ? value.toFixed(0) : value >= 1 ? value.toFixed(2) : value.toPrecision(2);
}
