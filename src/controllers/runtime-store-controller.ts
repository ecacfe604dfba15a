import { ContextConsumer } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import {
  conversationStoresLoaded,
  getRuntime,
  loadConversationStores,
  type ChangeFeedSync,
  type ChatSessionsClient,
  type ChatSessionsRuntime,
} from '@chat-sessions/sdk';
import { chatSessionsClientContext } from '../context.js';
import type { SubscribableStore } from './store-controller.js';

type Host = ReactiveControllerHost & HTMLElement;

/** What an element asks for on each update: its own store or client, and which store it needs. */
export interface StoreRequest<S> {
  /** A store given as a property: used as it is (the host owns it). */
  store?: S | null;
  /** A client given as a property: wins over the provider's. */
  client?: ChatSessionsClient | null;
  /** An engine the host runs, for the client's runtime to adopt if it has none yet. */
  sync?: ChangeFeedSync | null;
  /** The store to take from the client's runtime, or null when the inputs name none. */
  select: (runtime: ChatSessionsRuntime) => S | null;
  /** Names the inputs of `select` (e.g. the session id): a new key re-binds. */
  key: string;
  /**
   * `select` makes a conversation-side store (`runtime.messages()`, `threads()`, `session()`),
   * whose module loads after the runtime is made: until it has, no store is bound, and the host
   * updates again once it is there.
   */
  conversation?: boolean;
}

/**
 * Gets an element its store and follows it: a `store` property first, else the store `select`
 * picks from the runtime of the element's `client` property or, failing that, of the client
 * of the enclosing `<chat-sessions-provider>`. Runtime stores are shared by key and live while
 * watched, so this controller watches only while the host is connected: on disconnect it lets
 * the store go (the runtime disposes it if nobody else watches) and takes it again on the next
 * update. Call `use()` from the host's `willUpdate`.
 */
export class RuntimeStoreController<
  S extends SubscribableStore<Snapshot>,
  Snapshot,
> implements ReactiveController {
  private readonly host: Host;
  private readonly providedClient: ContextConsumer<typeof chatSessionsClientContext, Host>;
  private current: S | null = null;
  private fromRuntime = false;
  private boundKey: string | null = null;
  private boundClient: ChatSessionsClient | null = null;
  private unsubscribe: (() => void) | null = null;
  private connected = false;

  constructor(host: Host) {
    this.host = host;
    this.providedClient = new ContextConsumer(host, {
      context: chatSessionsClientContext,
      subscribe: true,
    });
    host.addController(this);
  }

  /** The store in use, or null. */
  get store(): S | null {
    return this.current;
  }

  /** Its current snapshot, or undefined without a store. */
  get snapshot(): Snapshot | undefined {
    return this.current?.getSnapshot();
  }

  /** The client in use (the property's, else the provider's), or null. */
  clientOf(request: Pick<StoreRequest<S>, 'client'>): ChatSessionsClient | null {
    return request.client ?? this.providedClient.value ?? null;
  }

  /** Binds to the store the request names (keeps the current one when nothing changed). */
  use(request: StoreRequest<S>): void {
    if (request.store) {
      this.bind(request.store, false, null, null);
      return;
    }
    const client = this.clientOf(request);
    if (!client || !this.connected) {
      this.bind(null, false, null, null);
      return;
    }
    if (this.fromRuntime && this.boundClient === client && this.boundKey === request.key) return;
    const runtime = getRuntime(client, request.sync ? { sync: request.sync } : undefined);
    if (request.conversation && !conversationStoresLoaded()) {
      this.bind(null, false, null, null);
      // A failed load (offline before it ever loaded) is tried again on the next update.
      loadConversationStores().then(
        () => this.host.requestUpdate(),
        () => undefined,
      );
      return;
    }
    this.bind(request.select(runtime), true, client, request.key);
  }

  hostConnected(): void {
    this.connected = true;
    if (this.current) this.subscribe(this.current);
    // A runtime store was let go on disconnect: take one again on the next update.
    else this.host.requestUpdate();
  }

  hostDisconnected(): void {
    this.connected = false;
    this.unsubscribe?.();
    this.unsubscribe = null;
    if (this.fromRuntime) {
      this.current = null;
      this.fromRuntime = false;
      this.boundKey = null;
      this.boundClient = null;
      // Render without it: a removed element shows (and holds) nothing of the runtime's.
      this.host.requestUpdate();
    }
  }

  private bind(
    next: S | null,
    fromRuntime: boolean,
    client: ChatSessionsClient | null,
    key: string | null,
  ): void {
    this.fromRuntime = fromRuntime && next !== null;
    this.boundClient = client;
    this.boundKey = key;
    if (next === this.current) return;
    // Watch the next store before letting the previous one go, so a shared engine keeps running.
    const previousUnsubscribe = this.unsubscribe;
    this.unsubscribe = null;
    this.current = next;
    if (next && this.connected) this.subscribe(next);
    previousUnsubscribe?.();
    this.host.requestUpdate();
  }

  private subscribe(store: S): void {
    this.unsubscribe?.();
    this.unsubscribe = store.subscribe(() => this.host.requestUpdate());
  }
}
