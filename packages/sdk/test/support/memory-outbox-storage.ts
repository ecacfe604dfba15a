/**
 * Node has neither IndexedDB nor Web Locks, which the outbox keeps its queue in (a browser's
 * own storage, not the database). This is the small part of both the outbox uses, in memory,
 * with IndexedDB's asynchronous requests and auto-increment keys, so the outbox's Node tests
 * run the real outbox code against the real backend. `test/elements/outbox.spec.ts` runs it on
 * Chromium's real IndexedDB and Web Locks.
 */

interface StoreData {
  keyPath: string;
  next: number;
  rows: Map<number, Record<string, unknown>>;
  indexes: Map<string, string>;
}

interface Request<T> {
  result: T;
  error: DOMException | null;
  onsuccess: (() => void) | null;
  onerror: (() => void) | null;
  onupgradeneeded?: (() => void) | null;
}

function settle<T>(compute: () => T, before?: (request: Request<T>) => void): Request<T> {
  const request = { error: null, onsuccess: null, onerror: null } as unknown as Request<T>;
  setTimeout(() => {
    before?.(request);
    request.result = compute();
    request.onsuccess?.();
  }, 0);
  return request;
}

function database(stores: Map<string, StoreData>) {
  const objectStore = (name: string) => {
    const data = stores.get(name);
    if (!data) throw new DOMException(`No object store ${name}`, 'NotFoundError');
    return {
      add: (value: Record<string, unknown>) =>
        settle(() => {
          const key = data.next++;
          data.rows.set(key, structuredClone({ ...value, [data.keyPath]: key }));
          return key;
        }),
      delete: (key: number) => settle(() => void data.rows.delete(key)),
      index: (indexName: string) => ({
        getAll: (query: unknown) =>
          settle(() => {
            const path = data.indexes.get(indexName) ?? '';
            return [...data.rows.values()]
              .filter((row) => row[path] === query)
              .map((row) => structuredClone(row));
          }),
      }),
      createIndex: (indexName: string, path: string) => void data.indexes.set(indexName, path),
    };
  };
  return {
    createObjectStore(name: string, options: { keyPath: string }) {
      stores.set(name, { keyPath: options.keyPath, next: 1, rows: new Map(), indexes: new Map() });
      return objectStore(name);
    },
    transaction: () => ({ objectStore }),
    close: () => undefined,
  };
}

/** An in-memory IndexedDB (the subset the outbox uses); databases live as long as the factory. */
export function memoryIndexedDB(): IDBFactory {
  const databases = new Map<string, Map<string, StoreData>>();
  const factory = {
    open(name: string) {
      const isNew = !databases.has(name);
      const stores = databases.get(name) ?? new Map<string, StoreData>();
      databases.set(name, stores);
      const db = database(stores);
      return settle(
        () => db,
        (request) => {
          if (!isNew) return;
          request.result = db;
          request.onupgradeneeded?.();
        },
      );
    },
  };
  return factory as unknown as IDBFactory;
}

/** Web Locks in memory: one holder per name at a time, the others in the order they asked. */
export function memoryLocks(): LockManager {
  const tails = new Map<string, Promise<unknown>>();
  const locks = {
    request<T>(name: string, callback: () => Promise<T>): Promise<T> {
      const run = (tails.get(name) ?? Promise.resolve()).then(callback);
      tails.set(
        name,
        run.catch(() => undefined),
      );
      return run;
    },
  };
  return locks as unknown as LockManager;
}
