import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Anything with the SDK's store shape: `getSnapshot()` returns the current immutable snapshot,
 * `subscribe(listener)` calls `listener` after each change and returns the function that stops it.
 * Every store of `@chat-sessions/sdk` fits, and so does a host's own.
 */
export interface SubscribableStore<Snapshot> {
  getSnapshot(): Snapshot;
  subscribe(listener: () => void): () => void;
}

/**
 * Adapts a store to a Lit element: re-renders the host whenever the store's snapshot changes,
 * subscribed only while the host is connected (so a removed element holds no listener and
 * leaks nothing). The store can be replaced at any time (`controller.store = next`), e.g. when
 * the element's `sessionId` changes.
 *
 * @example
 * ```ts
 * class ThreadCount extends LitElement {
 *   private readonly threads = new StoreController(this, threadStore);
 *   render() {
 *     return html`${this.threads.snapshot?.unread ?? 0} unread`;
 *   }
 * }
 * ```
 */
export class StoreController<Snapshot> implements ReactiveController {
  private current: SubscribableStore<Snapshot> | null;
  private unsubscribe: (() => void) | null = null;
  private connected = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    store: SubscribableStore<Snapshot> | null = null,
  ) {
    this.current = store;
    host.addController(this);
  }

  /** The store followed, or null. */
  get store(): SubscribableStore<Snapshot> | null {
    return this.current;
  }

  /** Follows another store (or none) from now on, and re-renders the host. */
  set store(next: SubscribableStore<Snapshot> | null) {
    if (next === this.current) return;
    this.stop();
    this.current = next;
    if (this.connected) this.start();
    this.host.requestUpdate();
  }

  /** The store's current snapshot, or undefined without a store. Read it while rendering. */
  get snapshot(): Snapshot | undefined {
    return this.current?.getSnapshot();
  }

  hostConnected(): void {
    this.connected = true;
    this.start();
  }

  hostDisconnected(): void {
    this.connected = false;
    this.stop();
  }

  private start(): void {
    if (!this.current || this.unsubscribe) return;
    this.unsubscribe = this.current.subscribe(() => this.host.requestUpdate());
    // A change made while the host was away: render what the store holds now.
    this.host.requestUpdate();
  }

  private stop(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
  }
}
