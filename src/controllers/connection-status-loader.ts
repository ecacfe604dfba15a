import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ChatSessionsClient, ConnectionSnapshot, ConnectionState } from '@chat-sessions/sdk';
import { whenIdle } from '../internal/idle.js';
import { loadConnectionStatus } from '../internal/lazy-elements.js';
import { RuntimeStoreController } from './runtime-store-controller.js';

const TAG = 'chat-connection-status';

type Host = ReactiveControllerHost & HTMLElement & { client: ChatSessionsClient | null };

/** Options of {@link ConnectionStatusLoader}; the defaults suit a page. */
export interface ConnectionStatusLoaderOptions {
  /** Loads the element's define module (default: its lazy chunk, src/internal/lazy-elements.ts). */
  load?: () => Promise<unknown>;
  /**
   * How long after the host's first render (which follows its connection at once) to load it,
   * while idle (default 1000 ms).
   */
  warmMs?: number;
  /** The first wait before a failed load is tried again; it doubles up to 30 s (default 2000 ms). */
  retryMs?: number;
  /** Reports a failed load (default: `console.error`). */
  report?: (message: string, error: unknown) => void;
}

/**
 * Makes sure `<chat-connection-status>` is defined before the host needs it, where it is a lazy
 * chunk (the browser bundles): a while after the host's first render, once the browser is idle
 * (the first paint never waits for it), and at once when the connection leaves `online`, a write
 * is waiting or refused, or the browser says it went offline. A module can't be fetched once the
 * network is gone, so the warm-up is what keeps the status line honest during an outage. A failed
 * load is reported on the console and tried again (with a growing wait, and when the browser
 * comes back online). Where the element is already defined (the npm package's define modules
 * register it at once) this does nothing.
 *
 * Until it is defined the tag is an empty inline element; its host styles it
 * `display: contents` so that the upgrade moves nothing (the line is empty while online).
 *
 * The warm-up waits only while the host is in the page: leaving cancels it (a queued callback
 * would keep the host alive), coming back starts it again.
 */
export class ConnectionStatusLoader implements ReactiveController {
  private readonly host: Host;
  private readonly connection: RuntimeStoreController<ConnectionState, ConnectionSnapshot>;
  private readonly options: ConnectionStatusLoaderOptions;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Cancels the warm-up's idle callback. */
  private idle?: () => void;
  private loading: Promise<void> | null = null;
  private failures = 0;

  constructor(host: Host, options: ConnectionStatusLoaderOptions = {}) {
    this.host = host;
    this.options = options;
    this.connection = new RuntimeStoreController(host);
    host.addController(this);
  }

  /** Whether `<chat-connection-status>` is defined. */
  get defined(): boolean {
    return customElements.get(TAG) !== undefined;
  }

  hostConnected(): void {
    if (this.defined) return;
    addEventListener('offline', this.loadNow);
    addEventListener('online', this.loadNow);
    this.timer = setTimeout(
      () => (this.idle = whenIdle(this.loadNow)),
      this.options.warmMs ?? 1000,
    );
  }

  hostDisconnected(): void {
    removeEventListener('offline', this.loadNow);
    removeEventListener('online', this.loadNow);
    clearTimeout(this.timer);
    this.idle?.();
  }

  hostUpdate(): void {
    if (this.defined) {
      // The element follows the connection itself from now on.
      this.connection.use({ store: null, client: null, key: '', select: () => null });
      return;
    }
    this.connection.use({
      client: this.host.client,
      key: 'connection',
      select: (runtime) => runtime.connection,
    });
    const state = this.connection.snapshot;
    if (state && (state.status !== 'online' || state.queued > 0 || state.refused)) this.loadNow();
  }

  /** Loads the element now (once; a load under way is shared) and resolves once it is defined. */
  load(): Promise<void> {
    if (this.defined) return Promise.resolve();
    clearTimeout(this.timer);
    this.loading ??= (this.options.load ?? loadConnectionStatus)().then(
      // Once defined, later calls (the listeners until disconnect) return at once.
      () => {
        this.loading = null;
      },
      (error: unknown) => {
        this.loading = null;
        const wait = Math.min((this.options.retryMs ?? 2000) * 2 ** this.failures++, 30_000);
        const message = `@chat-sessions/elements: could not load <${TAG}>; trying again in ${wait} ms.`;
        (this.options.report ?? console.error)(message, error);
        if (this.host.isConnected) this.timer = setTimeout(this.loadNow, wait);
        throw error;
      },
    );
    return this.loading;
  }

  private readonly loadNow = (): void => {
    this.load().catch(() => undefined);
  };
}
