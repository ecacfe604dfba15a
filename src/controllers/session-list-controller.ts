import { ContextConsumer } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ChatSessionsClient } from '@chat-sessions/sdk';
import { chatSessionsClientContext, sessionListContext } from '../context.js';
import type { SessionListSource, SessionListView } from './session-list-source.js';
import { StoreController } from './store-controller.js';

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
   * Makes the list when the element gets a client but no store. Without it, a client alone
   * shows nothing (and says so once in the console).
   */
  createSessionList?: SessionListFactory | null;
}

type Host = ReactiveControllerHost & HTMLElement;

/**
 * Finds the session list an element shows, and follows it. In order of preference:
 *
 * 1. a store given as a property,
 * 2. a client given as a property (a list is made for it, and disposed with the element),
 * 3. the store of an enclosing `<chat-sessions-provider>`,
 * 4. the client of an enclosing provider (again, a list is made for it).
 *
 * Call `use(store, client)` from the host's `willUpdate` with its properties; read `source`
 * (what to call) and `value` (the snapshot to render). A store that has never loaded is loaded
 * when it is first shown.
 */
export class SessionListController implements ReactiveController {
  private readonly list: StoreController<SessionListView>;
  private readonly providedList: ContextConsumer<typeof sessionListContext, Host>;
  private readonly providedClient: ContextConsumer<typeof chatSessionsClientContext, Host>;
  private readonly createSessionList: SessionListFactory | null;
  private givenStore: SessionListSource | null = null;
  private givenClient: ChatSessionsClient | null = null;
  private owned: (OwnedSessionList & { client: ChatSessionsClient }) | null = null;
  private warnedNoFactory = false;

  constructor(
    private readonly host: Host,
    options: SessionListControllerOptions = {},
  ) {
    this.createSessionList = options.createSessionList ?? null;
    this.list = new StoreController<SessionListView>(host);
    this.providedList = new ContextConsumer(host, { context: sessionListContext, subscribe: true });
    this.providedClient = new ContextConsumer(host, {
      context: chatSessionsClientContext,
      subscribe: true,
    });
    host.addController(this);
  }

  /** The list in use, to load and write through, or null. */
  get source(): SessionListSource | null {
    return this.list.store as SessionListSource | null;
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
    // The list made for a client was disposed on disconnect; make another on the next update.
    if (!this.owned && (this.givenClient || this.providedClient.value)) this.host.requestUpdate();
  }

  hostDisconnected(): void {
    if (this.owned && this.list.store === this.owned.store) this.list.store = null;
    this.owned?.dispose();
    this.owned = null;
  }

  private resolve(): void {
    const store =
      this.givenStore ??
      this.listFor(this.givenClient) ??
      this.providedList.value ??
      this.listFor(this.providedClient.value ?? null);
    if (this.owned && this.owned.store !== store) {
      this.owned.dispose();
      this.owned = null;
    }
    if (store === this.list.store) return;
    this.list.store = store;
    if (store) {
      const snapshot = store.getSnapshot();
      if (!snapshot.loaded && !snapshot.loading && !snapshot.error) void store.load();
    }
  }

  private listFor(client: ChatSessionsClient | null): SessionListSource | null {
    if (!client) return null;
    if (this.owned?.client === client) return this.owned.store;
    if (!this.createSessionList) {
      if (!this.warnedNoFactory) {
        this.warnedNoFactory = true;
        console.warn(
          `<${this.host.localName}> got a Chat Sessions client but cannot make a session list ` +
            'for it here: pass a SessionListStore as its `store` property instead.',
        );
      }
      return null;
    }
    const made = this.createSessionList(client);
    this.owned?.dispose();
    this.owned = { ...made, client };
    return made.store;
  }
}
