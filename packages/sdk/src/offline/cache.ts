// The local cache's storage: loaded on demand (a lazy chunk), when a runtime with a cache starts,
// so the eager bundle carries only the small coordinator (cache-link.ts).
import * as s from '../schema/index.js';
import { SessionSortSchema } from '../inputs.js';
import { ListTabSchema } from '../lifecycle.js';
import { SessionCountsSchema } from '../models/counts.js';
import { MessageRowSchema, type Message } from '../models/message.js';
import { SessionCursorSchema } from '../models/session-page.js';
import { SessionRowSchema, type Session } from '../models/session.js';
import type { CacheContents, CacheStorage } from './cache-types.js';

export { catchUpFrom } from './cache-catch-up.js';

/** Bumped whenever what is stored changes shape: a cache of another shape is dropped. */
export const CACHE_SCHEMA = 1;
/** Every broker's cache is a database of its own, named by the broker's id. */
export const CACHE_DATABASE_PREFIX = 'chat-sessions-cache:';
const STORE = 'contents';
const KEY = 'current';

const snake = (key: string): string => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

function snakeKeys(value: object): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  for (const [key, entry] of Object.entries(value)) row[snake(key)] = entry;
  return row;
}

/** A session back in the database's row shape, so a read validates it as a network row. */
function sessionRow(session: Session): Record<string, unknown> {
  const row = snakeKeys(session);
  if (session.attentionReason) row.attention_reason = snakeKeys(session.attentionReason);
  return row;
}

const messageRow = (message: Message): Record<string, unknown> => snakeKeys(message);

const StoredSchema = s.object({
  schema: s.literal(CACHE_SCHEMA),
  broker: s.string(),
  cursor: s.number().check(s.int(), s.nonnegative()),
  savedAt: s.number(),
  counts: s.nullable(SessionCountsSchema),
  lists: s.array(
    s.object({
      tab: ListTabSchema,
      sort: SessionSortSchema,
      pageSize: s.number().check(s.int(), s.positive()),
      items: s.array(SessionRowSchema),
      nextCursor: s.nullable(SessionCursorSchema),
    }),
  ),
  conversations: s.array(
    s.object({
      sessionId: s.uuid(),
      threadId: s.nullable(s.uuid()),
      items: s.array(MessageRowSchema),
      hasOlder: s.boolean(),
      openedAt: s.number(),
    }),
  ),
});

/**
 * Parses what a database held, like a network answer: the shape, every row, the schema
 * version, and that every row is this broker's. Anything else gives null (the cache is dropped).
 */
export function parseStored(value: unknown, broker: string): CacheContents | null {
  const parsed = StoredSchema.safeParse(value);
  if (!parsed.success || parsed.data.broker !== broker) return null;
  const { cursor, savedAt, counts, lists, conversations } = parsed.data;
  const foreign =
    lists.some((list) => list.items.some((row) => row.ownerId !== broker)) ||
    conversations.some((entry) => entry.items.some((row) => row.ownerId !== broker));
  if (foreign) return null;
  return { cursor, savedAt, counts, lists, conversations };
}

/** The stored form of a broker's cache (rows in the database's shape). */
export function toStored(contents: CacheContents, broker: string): Record<string, unknown> {
  return {
    schema: CACHE_SCHEMA,
    broker,
    cursor: contents.cursor,
    savedAt: contents.savedAt,
    counts: contents.counts,
    lists: contents.lists.map((list) => ({ ...list, items: list.items.map(sessionRow) })),
    conversations: contents.conversations.map((entry) => ({
      ...entry,
      items: entry.items.map(messageRow),
    })),
  };
}

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

/** Deletes a database; resolves even when another tab keeps it open (it closes on version change). */
function deleteDatabase(factory: IDBFactory, name: string): Promise<void> {
  return new Promise((resolve) => {
    const deletion = factory.deleteDatabase(name);
    deletion.onsuccess = () => resolve();
    deletion.onerror = () => resolve();
    deletion.onblocked = () => resolve();
  });
}

/** One broker's cache in IndexedDB: a database of its own, one record, written whole. */
export class IndexedDbCache implements CacheStorage {
  readonly #broker: string;
  readonly #factory: IDBFactory;
  #database: Promise<IDBDatabase> | null = null;

  constructor(broker: string, factory: IDBFactory) {
    this.#broker = broker;
    this.#factory = factory;
  }

  /** The database's name: the broker's own. */
  get name(): string {
    return `${CACHE_DATABASE_PREFIX}${this.#broker}`;
  }

  /** The cache's contents, or null when there is none or it is unreadable (then it is deleted). */
  async read(): Promise<CacheContents | null> {
    let stored: unknown;
    try {
      const database = await this.#open();
      stored = await request(database.transaction(STORE, 'readonly').objectStore(STORE).get(KEY));
    } catch {
      await this.clear();
      return null;
    }
    if (stored === undefined) return null;
    const contents = parseStored(stored, this.#broker);
    if (!contents) await this.clear();
    return contents;
  }

  /** Replaces the contents. */
  async write(contents: CacheContents): Promise<void> {
    const database = await this.#open();
    const transaction = database.transaction(STORE, 'readwrite');
    await request(transaction.objectStore(STORE).put(toStored(contents, this.#broker), KEY));
  }

  /** Deletes the broker's database. */
  async clear(): Promise<void> {
    const open = this.#database;
    this.#database = null;
    if (open) (await open.catch(() => null))?.close();
    await deleteDatabase(this.#factory, this.name);
  }

  #open(): Promise<IDBDatabase> {
    this.#database ??= (async () => {
      const open = this.#factory.open(this.name, 1);
      open.onupgradeneeded = () => {
        if (!open.result.objectStoreNames.contains(STORE)) open.result.createObjectStore(STORE);
      };
      const database = await request(open);
      // Another tab signing out deletes this database: let it.
      database.onversionchange = () => {
        database.close();
        this.#database = null;
      };
      return database;
    })();
    this.#database.catch(() => {
      this.#database = null;
    });
    return this.#database;
  }
}

/** Deletes every broker's cache on this browser (a shared computer's "sign out everywhere"). */
export async function clearEveryCache(factory: IDBFactory): Promise<void> {
  const databases = typeof factory.databases === 'function' ? await factory.databases() : [];
  await Promise.all(
    databases
      .map((info) => info.name ?? '')
      .filter((name) => name.startsWith(CACHE_DATABASE_PREFIX))
      .map((name) => deleteDatabase(factory, name)),
  );
}
