/**
 * The search as typed and the search applied: typing updates the first at once and applies it
 * once typing pauses for `delayMs`; `flush()` applies it now.
 */
export class SearchDebounce {
  /** The search as typed. */
  input: string;
  /** The search the list shows. */
  applied: string;
  readonly #delayMs: number;
  readonly #onPause: () => void;
  #timer: ReturnType<typeof setTimeout> | null = null;

  /** `onPause` runs when typing pauses (it should call `flush()` and reload if that says so). */
  constructor(initial: string, delayMs: number, onPause: () => void) {
    this.input = initial;
    this.applied = initial;
    this.#delayMs = delayMs;
    this.#onPause = onPause;
  }

  /** Takes what was typed and restarts the wait. */
  type(search: string): void {
    this.input = search;
    this.cancel();
    this.#timer = setTimeout(() => {
      this.#timer = null;
      this.#onPause();
    }, this.#delayMs);
  }

  /**
   * Applies the typed search now. Returns true when the list must reload (the search changed
   * other than in surrounding spaces); the applied text follows the input either way.
   */
  flush(): boolean {
    this.cancel();
    const changed = this.input.trim() !== this.applied.trim();
    this.applied = this.input;
    return changed;
  }

  /** Stops a pending wait (on dispose). */
  cancel(): void {
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
  }
}
