import { ContextConsumer } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ChatSessionsClient } from '@chat-sessions/sdk';
import { sessionListContext } from '../context.js';
import { RuntimeStoreController } from './runtime-store-controller.js';
import type { SessionListSource, SessionListView } from './session-list-source.js';

/** A session list made for a client, and how to let it go. */
export interface OwnedSessionList {
  readonly store: SessionListSource;
  /** Stops its sync and timers; called when the element no longer needs it. */
  dispose(): void;
}

/** Makes a session list over a client (e.g. the SDK's `SessionListStore` with its sync engine). */
export type SessionListFactory = (client: ChatSessionsClient) => OwnedSessionList;

/** Options of {@link SessionListController}. */
export interface SessionListControllerOptions {
  /**
   * Makes the list when the element gets a client but no store, instead of taking the shared
   * one from the client's runtime (`getRuntime(client).sessionList()`, the default).
   */
  createSessionList?: SessionListFactory | null;
}

type Host = ReactiveControllerHost & HTMLElement;

/**
 * Finds the session list an element shows, and follows it. In order of preference:
 *
 * 1. a store given as a property,
 * 2. a client given as a property (its runtime's shared list),
 * 3. the store of an enclosing `<chat-sessions-provider>`,
 * 4. the client of an enclosing provider (again, its runtime's shared list).
 *
 * Call `use(store, client)` from the host's `willUpdate` with its properties; read `source`
 * (what to call) and `value` (the snapshot to render). A store given as a property that has
 * never loaded is loaded when it is first shown; runtime lists load on their first watcher.
 */
export class SessionListController implements ReactiveController {
  private readonly list: RuntimeStoreController<SessionListSource, SessionListView>;
  private readonly providedList: ContextConsumer<typeof sessionListContext, Host>;
  private readonly createSessionList: SessionListFactory | null;
  private owned: (OwnedSessionList & { client: ChatSessionsClient }) | null = null;
  private givenStore: SessionListSource | null = null;
  private givenClient: ChatSessionsClient | null = null;

  constructor(
    private readonly host: Host,
    options: SessionListControllerOptions = {},
  ) {
    this.createSessionList = options.createSessionList ?? null;
    this.list = new RuntimeStoreController<SessionListSource, SessionListView>(host);
    this.providedList = new ContextConsumer(host, { context: sessionListContext, subscribe: true });
    host.addController(this);
  }

  /** The list in use, to load and write through, or null. */
  get source(): SessionListSource | null {
    return this.list.store;
  }

  /** The current snapshot of the list in use, or undefined. */
  get value(): SessionListView | undefined {
    return this.list.snapshot;
  }

  /** Takes the element's `store` and `client` properties into account. */
  use(
    store: SessionListSource | null | undefined,
    client: ChatSessionsClient | null | undefined,
  ): void {
    this.givenStore = store ?? null;
    this.givenClient = client ?? null;
    this.resolve();
  }

  hostConnected(): void {
    // A list made by the factory was disposed on disconnect; make another on the next update.
    if (this.createSessionList && !this.owned) this.host.requestUpdate();
  }

  hostDisconnected(): void {
    this.owned?.dispose();
    this.owned = null;
  }

  private resolve(): void {
    const explicit =
      this.givenStore ?? (this.givenClient ? null : (this.providedList.value ?? null));
    const client = explicit ? null : this.list.clientOf({ client: this.givenClient });
    const made =
      client && this.createSessionList ? this.madeFor(client, this.createSessionList) : null;
    if (!made && this.owned) {
      this.owned.dispose();
      this.owned = null;
    }
    const before = this.list.store;
    this.list.use({
      store: explicit ?? made,
      client: this.givenClient,
      select: (runtime) => runtime.sessionList(),
      key: 'session-list',
    });
    const store = this.list.store;
    if (store && store !== before && (explicit || made)) {
      const snapshot = store.getSnapshot();
      if (!snapshot.loaded && !snapshot.loading && !snapshot.error) void store.load();
    }
  }

  /** The list the host's factory made for `client` (made again for another client). */
  private madeFor(
    client: ChatSessionsClient,
    createSessionList: SessionListFactory,
  ): SessionListSource | null {
    if (!this.host.isConnected) return null;
    if (this.owned?.client === client) return this.owned.store;
    this.owned?.dispose();
    this.owned = { ...createSessionList(client), client };
    return this.owned.store;
  }
}
