import type { ChatSessionsClient } from '../client/chat-sessions.js';
import type { ChatSessionsError, ChatSessionsErrorCode } from '../errors.js';
import type { SessionStatus } from '../models/session.js';
import type { QueuedActionKind } from './outbox-types.js';
import { SnapshotStore } from '../stores/store.js';
import type { ChangeFeedSync } from '../sync/change-feed-sync.js';

/**
 * How the SDK reaches the server right now:
 * - `online`: the last call succeeded;
 * - `reconnecting`: a call was lost (or the browser said it is back online) and the SDK is
 *   trying again;
 * - `offline`: the browser reports no network, or several calls in a row were lost;
 * - `degraded`: the server answers, but fails (5xx, or answers the SDK cannot read).
 */
export type ConnectionStatus = 'online' | 'offline' | 'reconnecting' | 'degraded';

/** A write queued while offline that the server then refused; it was rolled back here. */
export interface RefusedWrite {
  /** The write's client id (the message id, the action id). */
  id: string;
  /** What kind of write: a message, or a session-list action (pause, archive, pin, …). */
  kind: 'message' | 'action';
  /** For an action: which one. */
  action?: QueuedActionKind;
  /** For an action: the session's status on the server when it was refused, if read. */
  status?: SessionStatus | null;
  /** The session it belonged to. */
  sessionId: string;
  /** The first words of the message, or the session's title, so the broker knows which one. */
  summary: string;
  /** Why the server refused it. */
  error: ChatSessionsError;
}

/** What a {@link ConnectionState} shows. Immutable: every change makes a new one. */
export interface ConnectionSnapshot {
  status: ConnectionStatus;
  /** When `status` last changed (ms since the epoch). */
  since: number;
  /** The code of the failure behind a status other than `online`, or null. */
  lastErrorCode: ChatSessionsErrorCode | null;
  /** Writes waiting in the outbox (0 where there is no outbox, e.g. Node). */
  queued: number;
  /** Writes lost to the network are kept and sent again (there is an outbox). */
  outbox: boolean;
  /** The last queued write the server refused (shown once, then cleared), or null. */
  refused: RefusedWrite | null;
  /**
   * Every queued write refused since the notice was last cleared, oldest first (at most 5): a
   * replay can refuse several at once. Cleared with `refused`.
   */
  refusals: readonly RefusedWrite[];
}

/** What a {@link ConnectionState} listens to; every part is optional (tests, Node). */
export interface ConnectionStateOptions {
  client: ChatSessionsClient;
  sync?: ChangeFeedSync | null;
  /** The browser's `online`/`offline` events and `navigator.onLine`; detected when omitted. */
  network?: NetworkSignal | null;
  /** Lost calls in a row after which `reconnecting` becomes `offline` (default 3). */
  offlineAfter?: number;
  /** While not online, how often to try the change feed again, in ms (default 3 000). */
  probeMs?: number;
  now?: () => number;
}

/** The browser's view of the network. */
export interface NetworkSignal {
  /** False when the browser knows it has no network (`navigator.onLine`). */
  isOnline(): boolean;
  /** Calls `listener(online)` on the `online`/`offline` events; returns the unsubscribe. */
  onChange(listener: (online: boolean) => void): () => void;
}

/** The browser's network signal, or null outside a browser. */
export function detectNetworkSignal(): NetworkSignal | null {
  const win = (globalThis as { window?: EventTarget }).window;
  const nav = (globalThis as { navigator?: { onLine?: boolean } }).navigator;
  if (!win || typeof win.addEventListener !== 'function' || typeof nav?.onLine !== 'boolean')
    return null;
  return {
    isOnline: () => nav.onLine !== false,
    onChange(listener) {
      const online = () => listener(true);
      const offline = () => listener(false);
      win.addEventListener('online', online);
      win.addEventListener('offline', offline);
      return () => {
        win.removeEventListener('online', online);
        win.removeEventListener('offline', offline);
      };
    },
  };
}

const LOST: ReadonlySet<ChatSessionsErrorCode> = new Set(['network']);
const FAILING: ReadonlySet<ChatSessionsErrorCode> = new Set(['server', 'bad_response']);

/**
 * The connection state of one client, derived from what actually happens: every call's outcome
 * (lost → `reconnecting`, then `offline`; 5xx → `degraded`; any success → `online`), the
 * browser's `online`/`offline` events, and the sync engine's polls. While not online it asks
 * the engine to poll every few seconds, so the state (and the outbox) recovers on its own.
 * Get it from the runtime: `getRuntime(chat).connection`.
 *
 * @example
 * const connection = getRuntime(chat).connection;
 * connection.subscribe(() => banner(connection.getSnapshot().status));
 */
export class ConnectionState extends SnapshotStore<ConnectionSnapshot> {
  readonly #sync: ChangeFeedSync | null;
  readonly #network: NetworkSignal | null;
  readonly #offlineAfter: number;
  readonly #probeMs: number;
  readonly #now: () => number;
  readonly #stops: Array<() => void> = [];
  readonly #recovered = new Set<() => void>();
  #lostInARow = 0;
  #probe: ReturnType<typeof setInterval> | null = null;

  constructor(options: ConnectionStateOptions) {
    const now = options.now ?? (() => Date.now());
    const network = options.network === undefined ? detectNetworkSignal() : options.network;
    super({
      status: network && !network.isOnline() ? 'offline' : 'online',
      since: now(),
      lastErrorCode: null,
      queued: 0,
      outbox: false,
      refused: null,
      refusals: [],
    });
    this.#sync = options.sync ?? null;
    this.#network = network;
    this.#offlineAfter = options.offlineAfter ?? 3;
    this.#probeMs = options.probeMs ?? 3000;
    this.#now = now;
    this.#stops.push(options.client.onResult((_fn, error) => this.report(error)));
    if (network) {
      this.#stops.push(
        network.onChange((online) => {
          if (online) {
            this.#set('reconnecting', this.getSnapshot().lastErrorCode);
            this.#sync?.requestPoll(0);
          } else {
            this.#set('offline', 'network');
          }
        }),
      );
    }
  }

  /** Records a call's outcome: `null` for a success, else its error. */
  report(error: ChatSessionsError | null): void {
    // A refusal (validation, conflict, …) is an answer: the server is reachable. A cancelled
    // call says nothing either way.
    if (error?.code === 'aborted') return;
    if (error === null || (!LOST.has(error.code) && !FAILING.has(error.code))) {
      this.#lostInARow = 0;
      const wasDown = this.getSnapshot().status !== 'online';
      this.#set('online', null);
      if (wasDown) for (const listener of [...this.#recovered]) listener();
      return;
    }
    if (LOST.has(error.code)) {
      this.#lostInARow += 1;
      const browserOffline = this.#network ? !this.#network.isOnline() : false;
      this.#set(
        browserOffline || this.#lostInARow >= this.#offlineAfter ? 'offline' : 'reconnecting',
        error.code,
      );
    } else {
      this.#lostInARow = 0;
      this.#set('degraded', error.code);
    }
  }

  /** Calls `listener` each time the connection comes back (a success after a failure). */
  onRecovered(listener: () => void): () => void {
    this.#recovered.add(listener);
    return () => this.#recovered.delete(listener);
  }

  /** Sets how many writes wait in the outbox. */
  setQueued(queued: number): void {
    if (queued !== this.getSnapshot().queued) this.setSnapshot({ ...this.getSnapshot(), queued });
  }

  /** Says whether lost writes are kept (the runtime has an outbox). */
  setOutbox(outbox: boolean): void {
    if (outbox !== this.getSnapshot().outbox) this.setSnapshot({ ...this.getSnapshot(), outbox });
  }

  /** Records a refused queued write, to show once; null clears them all (the broker read them). */
  setRefused(refused: RefusedWrite | null): void {
    const refusals = refused ? [...this.getSnapshot().refusals, refused].slice(-5) : [];
    this.setSnapshot({ ...this.getSnapshot(), refused, refusals: Object.freeze(refusals) });
  }

  /** Stops listening and probing. */
  dispose(): void {
    for (const stop of this.#stops.splice(0)) stop();
    this.#stopProbe();
    this.#recovered.clear();
    this.clearListeners();
  }

  #set(status: ConnectionStatus, code: ChatSessionsErrorCode | null): void {
    const current = this.getSnapshot();
    if (status !== 'online') this.#startProbe();
    else this.#stopProbe();
    if (current.status === status && current.lastErrorCode === code) return;
    this.setSnapshot({
      ...current,
      status,
      lastErrorCode: code,
      since: current.status === status ? current.since : this.#now(),
    });
  }

  #startProbe(): void {
    if (this.#probe !== null || !this.#sync || this.#probeMs <= 0) return;
    this.#probe = setInterval(() => {
      if (this.#sync?.getSnapshot().running) this.#sync.requestPoll(0);
    }, this.#probeMs);
    (this.#probe as { unref?: () => void }).unref?.();
  }

  #stopProbe(): void {
    if (this.#probe === null) return;
    clearInterval(this.#probe);
    this.#probe = null;
  }
}
