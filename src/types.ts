/**
 * Where a card's "now" comes from. Relative times ("5 min ago") are computed against `now()` and
 * re-rendered whenever the clock ticks. Elements share one ticking clock by default; pass your
 * own to freeze time (tests, screenshots) or to follow a server-corrected time.
 *
 * @example
 * ```ts
 * const frozen: Clock = { now: () => Date.parse('2026-12-01T12:00:00Z'), subscribe: () => () => {} };
 * card.clock = frozen;
 * ```
 */
export interface Clock {
  /** The current time in milliseconds since the epoch, as `Date.now()` returns it. */
  now(): number;
  /**
   * Calls `onTick` whenever relative times may have changed. Returns a function that stops the
   * calls. Elements subscribe while connected only.
   */
  subscribe(onTick: () => void): () => void;
}

/**
 * Turns an airport code (`TEB`, `KTEB`) into the name a broker reads (`Teterboro`). Return
 * `null` or `undefined` to show the code.
 */
export type AirportNameResolver = (code: string) => string | null | undefined;

/**
 * How a card takes part in keyboard navigation and in the accessibility tree.
 *
 * - `button`: the card stands alone. It is focusable itself, exposed as a button, and fires
 *   `chat-session-select` on click, Enter and Space.
 * - `option`: the card is an item of a container's listbox. The container owns focus (roving
 *   `tabindex` on the card), keys, clicks and selection; the card exposes role `option`, its
 *   accessible name and `aria-selected`, and fires nothing itself.
 */
export type CardInteraction = 'button' | 'option';

/**
 * Overrides for an element's user-visible strings: any subset of its strings, and of each
 * nested record (such as stage labels). Anything not given keeps the English default.
 */
export type StringsOverride<Strings> = {
  [Key in keyof Strings]?: Strings[Key] extends (...args: never[]) => unknown
    ? Strings[Key]
    : Strings[Key] extends object
      ? Partial<Strings[Key]>
      : Strings[Key];
};
