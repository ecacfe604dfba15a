import type { ChatSessionsClient } from '../client/chat-sessions.js';
import { ChatSessionsError, fail, ok, type Result } from '../errors.js';
import type { ChangeBatch } from '../models/changes.js';
import { detectEnvironment, type BroadcastChannelLike, type Environment } from '../platform.js';
import { SnapshotStore } from '../stores/store.js';

/**
 * Something that says "poll now": e.g. a Supabase Realtime broadcast. Receives the function to
 * call and one to report whether the source is live (while any source is, the engine polls at
 * `healthyIntervalMs`), and returns the function that stops listening. Never required for
 * correctness.
 */
export type NudgeSource = (nudge: () => void, health: (healthy: boolean) => void) => () => void;

/** Where a batch came from: this engine's own poll, or another tab of the same browser. */
export type ChangeSource = 'poll' | 'peer';

/** Receives every batch of changes, in order. May return a promise; batches wait for it. */
export type ChangeHandler = (batch: ChangeBatch, source: ChangeSource) => void | Promise<void>;

/** Options of {@link ChangeFeedSync}. */
export interface ChangeFeedSyncOptions {
  /** The client to poll with. Its writes trigger a poll. */
  client: ChatSessionsClient;
  /** Poll interval while the page is visible, in ms (default 15 000). 0 disables the timer. */
  intervalMs?: number;
  /** Delay between a write and the poll it triggers, coalescing bursts, in ms (default 25). */
  afterWriteDelayMs?: number;
  /** Rows per batch (1–1000, default 500). */
  batchLimit?: number;
  /** Include messages in the feed (default true; message stores need them). */
  includeMessages?: boolean;
  /**
   * Name of the `BroadcastChannel` shared by this broker's tabs. Give one per user (e.g.
   * `chat-sessions:${userId}`) so two users of one browser never mix; null disables sharing
   * (the default when omitted).
   */
  channelName?: string | null;
  /** Extra "poll now" signals, e.g. {@link realtimeNudge}. */
  nudges?: NudgeSource[];
  /**
   * Poll interval while a nudge source reports itself live (a Realtime channel joined), in ms
   * (default 60 000): polling stays the source of truth but need not hurry. Back to
   * `intervalMs` as soon as no source is live.
   */
  healthyIntervalMs?: number;
  /** Environment hooks (visibility, focus, BroadcastChannel); detected when omitted. */
  environment?: Partial<Environment>;
}

/** What a {@link ChangeFeedSync} is doing. */
export interface SyncSnapshot {
  /** The change-feed position everything delivered so far is consistent with; null before the baseline. */
  version: number | null;
  /** A poll is in flight. */
  polling: boolean;
  /** The last poll's failure, cleared by the next success. */
  error: ChatSessionsError | null;
  /** When the last poll succeeded (ms since the epoch), or null. */
  lastSyncedAt: number | null;
  /** Timers and listeners are running. */
  running: boolean;
  /** `dispose()` was called. */
  disposed: boolean;
}

/**
 * The shape of what tabs tell each other. Bumped whenever a batch's shape changes, so tabs
 * running two SDK versions (during a deploy) ignore each other instead of misreading.
 */
const PEER_PROTOCOL = 1;

/** What tabs tell each other. */
type PeerMessage =
  | { type: 'changes'; protocol: number; sender: string; since: number; batch: ChangeBatch }
  | { type: 'nudge'; protocol: number; sender: string };

function isPeerMessage(value: unknown): value is PeerMessage {
  if (typeof value !== 'object' || value === null) return false;
  const message = value as Partial<Record<keyof PeerMessage, unknown>>;
  return (
    message.protocol === PEER_PROTOCOL &&
    typeof message.sender === 'string' &&
    typeof message.type === 'string'
  );
}

function isBatch(value: unknown): value is ChangeBatch {
  if (typeof value !== 'object' || value === null) return false;
  const batch = value as Partial<Record<keyof ChangeBatch, unknown>>;
  return (
    typeof batch.version === 'number' &&
    Array.isArray(batch.sessions) &&
    Array.isArray(batch.threads) &&
    Array.isArray(batch.messages) &&
    Array.isArray(batch.deleted)
  );
}

/**
 * Keeps stores in step with the server by polling the gap-free change feed
 * (`chat.changes_since`): on an interval, when the page becomes visible or focused, after this
 * client's own writes, and when a nudge (Realtime) arrives. Batches go to every handler in
 * order; tabs of one browser share them over `BroadcastChannel`, so one tab's poll updates all.
 *
 * @example
 * const sync = new ChangeFeedSync({ client: chat, channelName: `chat-sessions:${userId}` });
 * sync.start();
 * const list = new SessionListStore({ client: chat, sync });
 * // …
 * sync.dispose();
 */
export class ChangeFeedSync extends SnapshotStore<SyncSnapshot> {
  static #running = 0;

  /**
   * How many engines of this module are running right now (started and not stopped): a debug
   * count, e.g. to check that a page runs one poller per signed-in client.
   */
  static get runningCount(): number {
    return ChangeFeedSync.#running;
  }

  readonly #client: ChatSessionsClient;
  readonly #environment: Environment;
  readonly #intervalMs: number;
  readonly #afterWriteDelayMs: number;
  readonly #batchLimit: number;
  readonly #includeMessages: boolean;
  readonly #channelName: string | null;
  readonly #nudges: NudgeSource[];
  readonly #healthyIntervalMs: number;
  /** Indexes of the nudge sources that report themselves live. */
  readonly #live = new Set<number>();
  readonly #handlers = new Set<ChangeHandler>();
  readonly #sender = Math.random().toString(36).slice(2);
  readonly #stops: Array<() => void> = [];
  #channel: BroadcastChannelLike | null = null;
  #timer: ReturnType<typeof setInterval> | null = null;
  #afterWriteTimer: ReturnType<typeof setTimeout> | null = null;
  #baseline: Promise<Result<number>> | null = null;
  #inFlight: Promise<Result<number>> | null = null;
  #again = false;
  #abort = new AbortController();
  /** Bumped by `stop()`: answers to requests of an earlier run are dropped. */
  #run = 0;
  #delivery: Promise<void> = Promise.resolve();

  constructor(options: ChangeFeedSyncOptions) {
    super({
      version: null,
      polling: false,
      error: null,
      lastSyncedAt: null,
      running: false,
      disposed: false,
    });
    this.#client = options.client;
    this.#environment = detectEnvironment(options.environment);
    this.#intervalMs = options.intervalMs ?? 15_000;
    this.#afterWriteDelayMs = options.afterWriteDelayMs ?? 25;
    this.#batchLimit = options.batchLimit ?? 500;
    this.#includeMessages = options.includeMessages ?? true;
    this.#channelName = options.channelName ?? null;
    this.#nudges = options.nudges ?? [];
    this.#healthyIntervalMs = options.healthyIntervalMs ?? 60_000;
  }

  /** The interval polling runs at now: slower while a nudge source is live; 0 when disabled. */
  get pollIntervalMs(): number {
    if (this.#intervalMs <= 0) return 0;
    return this.#live.size > 0 ? this.#healthyIntervalMs : this.#intervalMs;
  }

  /** The position delivered so far, or null before the baseline is known. */
  get version(): number | null {
    return this.getSnapshot().version;
  }

  /**
   * Starts the interval, the visibility / focus / write / nudge triggers and tab sharing.
   * Idempotent. Call {@link dispose} to stop.
   */
  start(): void {
    const snapshot = this.getSnapshot();
    if (snapshot.running || snapshot.disposed) return;
    this.#schedule();
    this.#stops.push(this.#environment.onVisible(() => this.requestPoll(0)));
    this.#stops.push(this.#environment.onFocus(() => this.requestPoll(0)));
    this.#stops.push(this.#client.onWrite(() => this.requestPoll(this.#afterWriteDelayMs)));
    this.#nudges.forEach((source, index) => {
      const run = this.#run;
      const health = (healthy: boolean) => {
        if (run === this.#run && !this.getSnapshot().disposed) this.#setLive(index, healthy);
      };
      this.#stops.push(source(() => this.requestPoll(0), health));
    });
    if (this.#channelName) {
      this.#channel = this.#environment.openChannel(this.#channelName);
      if (this.#channel) {
        (this.#channel as { unref?: () => void }).unref?.();
        const onMessage = (event: { data: unknown }) => this.#receive(event.data);
        this.#channel.addEventListener('message', onMessage);
        this.#stops.push(() => this.#channel?.removeEventListener('message', onMessage));
      }
    }
    ChangeFeedSync.#running += 1;
    this.setSnapshot({ ...this.getSnapshot(), running: true });
  }

  /**
   * Stops the timers, triggers, nudges and tab sharing and cancels a poll in flight, and forgets
   * the feed position; `start()` may be called again later (the next poll reads a new baseline,
   * so stores following it should reload). Handlers stay registered. The runtime stops its
   * engine when no store is watched.
   */
  stop(): void {
    if (!this.getSnapshot().running) return;
    this.#teardown();
    this.setSnapshot({
      ...this.getSnapshot(),
      version: null,
      running: false,
      polling: false,
      error: null,
    });
  }

  /** (Re)starts the interval timer at {@link pollIntervalMs}. */
  #schedule(): void {
    if (this.#timer !== null) clearInterval(this.#timer);
    this.#timer = null;
    const interval = this.pollIntervalMs;
    if (interval <= 0) return;
    this.#timer = setInterval(() => {
      if (this.#environment.isVisible()) this.requestPoll(0);
    }, interval);
    (this.#timer as { unref?: () => void }).unref?.();
  }

  /**
   * A nudge source went live or stopped being live. Either way it polls at once (nudges may
   * have been missed before a join or during an outage) and re-times the interval.
   */
  #setLive(index: number, healthy: boolean): void {
    if (this.#live.has(index) === healthy) return;
    const before = this.pollIntervalMs;
    if (healthy) this.#live.add(index);
    else this.#live.delete(index);
    if (this.pollIntervalMs !== before && this.#timer !== null) this.#schedule();
    this.requestPoll(0);
  }

  /** Undoes `start()` and abandons the current run (requests, baseline, delivery position). */
  #teardown(): void {
    if (this.getSnapshot().running) ChangeFeedSync.#running -= 1;
    if (this.#timer !== null) clearInterval(this.#timer);
    if (this.#afterWriteTimer !== null) clearTimeout(this.#afterWriteTimer);
    this.#timer = null;
    this.#afterWriteTimer = null;
    for (const stop of this.#stops.splice(0)) stop();
    this.#live.clear();
    this.#channel?.close();
    this.#channel = null;
    this.#abort.abort();
    this.#abort = new AbortController();
    this.#run += 1;
    this.#baseline = null;
    this.#inFlight = null;
    this.#again = false;
  }

  /**
   * Registers a handler for every batch from now on; returns the function that removes it.
   * Subscribe *before* loading the data the batches update, so nothing falls between.
   */
  onChanges(handler: ChangeHandler): () => void {
    this.#handlers.add(handler);
    return () => {
      this.#handlers.delete(handler);
    };
  }

  /**
   * Makes sure the feed has a starting position, reading the current one from the server
   * (`session_counts().version`) the first time. Stores await this before their first load, so
   * anything that commits after the load arrives through the feed.
   */
  ensureBaseline(): Promise<Result<number>> {
    const known = this.getSnapshot().version;
    if (known !== null) return Promise.resolve(ok(known));
    if (!this.#baseline) {
      const run = this.#run;
      this.#baseline = this.#client.sessions
        .counts({ signal: this.#abort.signal })
        .then((result) => {
          if (run !== this.#run) return fail(this.#stoppedError());
          if (result.error) {
            this.#baseline = null;
            return fail(result.error);
          }
          const current = this.getSnapshot().version;
          if (current === null)
            this.setSnapshot({ ...this.getSnapshot(), version: result.data.version });
          return ok(this.getSnapshot().version ?? result.data.version);
        });
    }
    return this.#baseline;
  }

  /** Asks for a poll after `delayMs` (default 0); bursts of requests make one poll. */
  requestPoll(delayMs = 0): void {
    if (this.getSnapshot().disposed) return;
    if (delayMs <= 0) {
      void this.poll();
      return;
    }
    if (this.#afterWriteTimer !== null) return;
    this.#afterWriteTimer = setTimeout(() => {
      this.#afterWriteTimer = null;
      void this.poll();
    }, delayMs);
  }

  /**
   * Polls now: reads batches until the feed has nothing more, delivering each to the handlers
   * and to the other tabs. If a poll is already running, another one follows it (a write may
   * have committed after it read). Resolves to the version reached.
   */
  poll(): Promise<Result<number>> {
    if (this.getSnapshot().disposed) {
      return Promise.resolve(
        fail(new ChatSessionsError({ code: 'aborted', message: 'The sync engine was disposed' })),
      );
    }
    if (this.#inFlight) {
      this.#again = true;
      return this.#inFlight;
    }
    const run = (async (): Promise<Result<number>> => {
      let result: Result<number>;
      do {
        this.#again = false;
        result = await this.#drain();
        // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- set while awaiting
      } while (this.#again && result.error === null && !this.getSnapshot().disposed);
      return result;
    })();
    this.#inFlight = run;
    void run.finally(() => {
      if (this.#inFlight === run) this.#inFlight = null;
    });
    return run;
  }

  #stoppedError(): ChatSessionsError {
    return new ChatSessionsError({ code: 'aborted', message: 'The sync engine was stopped' });
  }

  async #drain(): Promise<Result<number>> {
    const run = this.#run;
    const baseline = await this.ensureBaseline();
    if (run !== this.#run) return fail(this.#stoppedError());
    if (baseline.error) {
      this.setSnapshot({ ...this.getSnapshot(), error: baseline.error });
      return baseline;
    }
    this.setSnapshot({ ...this.getSnapshot(), polling: true });
    try {
      for (;;) {
        const since = this.getSnapshot().version ?? baseline.data;
        const result = await this.#client.changes.since(
          { since, limit: this.#batchLimit, includeMessages: this.#includeMessages },
          { signal: this.#abort.signal },
        );
        if (this.getSnapshot().disposed)
          return fail(
            new ChatSessionsError({ code: 'aborted', message: 'The sync engine was disposed' }),
          );
        if (run !== this.#run) return fail(this.#stoppedError());
        if (result.error) {
          this.setSnapshot({ ...this.getSnapshot(), error: result.error });
          return fail(result.error);
        }
        const batch = result.data;
        if (batch.version > since) {
          this.#post({
            type: 'changes',
            protocol: PEER_PROTOCOL,
            sender: this.#sender,
            since,
            batch,
          });
        }
        await this.#deliver(batch, 'poll', since, run);
        if (!batch.hasMore) {
          this.setSnapshot({
            ...this.getSnapshot(),
            error: null,
            lastSyncedAt: this.#environment.now(),
          });
          return ok(this.getSnapshot().version ?? batch.version);
        }
      }
    } finally {
      if (!this.getSnapshot().disposed && run === this.#run)
        this.setSnapshot({ ...this.getSnapshot(), polling: false });
    }
  }

  /** Hands a batch to the handlers (in order, one batch at a time) and advances the position. */
  #deliver(
    batch: ChangeBatch,
    source: ChangeSource,
    since: number,
    run = this.#run,
  ): Promise<void> {
    const next = this.#delivery.then(async () => {
      if (this.getSnapshot().disposed || run !== this.#run) return;
      const hasChanges =
        batch.sessions.length +
          batch.threads.length +
          batch.messages.length +
          batch.deleted.length >
        0;
      if (hasChanges) {
        for (const handler of [...this.#handlers]) {
          try {
            await handler(batch, source);
          } catch (error) {
            queueMicrotask(() => {
              throw error;
            });
          }
        }
      }
      // Advance only over a contiguous range: a peer's batch that starts after our position
      // leaves a gap that our own poll must fill.
      const current = this.getSnapshot().version;
      if (current === null ? source === 'poll' : since <= current && batch.version > current) {
        this.setSnapshot({ ...this.getSnapshot(), version: batch.version });
      }
    });
    this.#delivery = next.catch(() => undefined);
    return next;
  }

  #receive(data: unknown): void {
    if (!isPeerMessage(data) || data.sender === this.#sender || this.getSnapshot().disposed) return;
    if (data.type === 'nudge') {
      this.requestPoll(0);
      return;
    }
    // Same origin, same protocol: the batch was parsed by the tab that polled it.
    if (!isBatch(data.batch) || typeof data.since !== 'number') return;
    const current = this.getSnapshot().version;
    if (current !== null && data.batch.version <= current) return;
    void this.#deliver(data.batch, 'peer', data.since);
    if (current === null || data.since > current) this.requestPoll(0);
  }

  #post(message: PeerMessage): void {
    try {
      this.#channel?.postMessage(message);
    } catch {
      // A closed or unserializable channel only costs the other tabs a poll of their own.
    }
  }

  /** Tells the other tabs to poll (e.g. after a write made outside this client). */
  nudgePeers(): void {
    this.#post({ type: 'nudge', protocol: PEER_PROTOCOL, sender: this.#sender });
  }

  /**
   * Stops everything: timers, listeners, nudges, the channel and any poll in flight. The
   * engine cannot be restarted; handlers receive nothing more.
   */
  dispose(): void {
    if (this.getSnapshot().disposed) return;
    this.#teardown();
    this.#abort.abort();
    this.#handlers.clear();
    this.setSnapshot({ ...this.getSnapshot(), running: false, polling: false, disposed: true });
    this.clearListeners();
  }
}
