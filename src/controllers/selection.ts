import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** What a click (or Space) asks of a selection: a plain pick, a toggle (Ctrl/⌘) or a range (Shift). */
export interface SelectionGesture {
  readonly range?: boolean;
  readonly toggle?: boolean;
}

/**
 * A multiple selection over keyed items (the sidebar's checked sessions), the way file lists
 * behave: a plain click picks one item (and clears the rest), Ctrl/⌘ toggles one, Shift selects
 * the range from the anchor (the item picked or toggled last), Escape clears. Every change makes
 * a new `Set` (so templates that compare by identity re-render) and asks the host to update.
 *
 * @example
 * ```ts
 * private readonly selection = new SelectionController(this, () => this.items.map((item) => item.id));
 * // on click:   this.selection.pick(id, { range: event.shiftKey, toggle: event.ctrlKey || event.metaKey });
 * // in render:  aria-selected=${this.selection.has(id) ? 'true' : 'false'}
 * ```
 */
export class SelectionController implements ReactiveController {
  private current: ReadonlySet<string> = new Set();
  /** Where a range starts: the item picked or toggled last. */
  anchor: string | null = null;

  constructor(
    private readonly host: ReactiveControllerHost,
    /** The items' keys in display order (a range is the keys between two of them). */
    private readonly keys: () => readonly string[],
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** The selected keys. */
  get selected(): ReadonlySet<string> {
    return this.current;
  }

  get size(): number {
    return this.current.size;
  }

  has(key: string): boolean {
    return this.current.has(key);
  }

  /** Replaces the selection (the anchor stays). */
  set(keys: Iterable<string>): void {
    this.current = new Set(keys);
    this.host.requestUpdate();
  }

  /** Selects nothing and forgets the anchor. Returns whether anything was selected. */
  clear(): boolean {
    const had = this.current.size > 0;
    this.anchor = null;
    if (had) this.set([]);
    return had;
  }

  /**
   * A click (or Space) on `key`: with `range`, the keys from the anchor (else from `from`) to
   * `key` are selected; with `toggle`, `key` flips and becomes the anchor. A plain gesture only
   * moves the anchor here: what a plain click means (open, pick one) is the host's.
   */
  pick(key: string, gesture: SelectionGesture = {}, from: string | null = null): void {
    if (gesture.range) {
      this.anchor ??= from ?? key;
      this.set(this.between(this.anchor, key));
    } else if (gesture.toggle) {
      const next = new Set(this.current);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      this.anchor = key;
      this.set(next);
    } else {
      this.anchor = key;
    }
  }

  /** Adds the range from the anchor to `key` to what is selected (Shift+Space). */
  addRange(key: string): void {
    if (this.anchor === null) return;
    this.set([...this.current, ...this.between(this.anchor, key)]);
  }

  /** Selects every key, or nothing when every key already is (Ctrl+A). */
  toggleAll(): void {
    const keys = this.keys();
    this.set(this.current.size === keys.length ? [] : keys);
  }

  /** Drops the selected keys that are gone from the items (after the list changed). */
  retain(present: (key: string) => boolean): void {
    if ([...this.current].some((key) => !present(key))) this.set([...this.current].filter(present));
  }

  /** Escape clears the selection; returns whether it did (then the key is used). */
  handleEscape(): boolean {
    return this.current.size > 0 && this.clear();
  }

  private between(from: string, to: string): string[] {
    const keys = this.keys();
    const start = keys.indexOf(from);
    const end = keys.indexOf(to);
    if (start < 0 || end < 0) return [];
    const [low, high] = start <= end ? [start, end] : [end, start];
    return keys.slice(low, high + 1);
  }
}
