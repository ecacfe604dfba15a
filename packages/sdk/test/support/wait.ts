import type { ReadableStore } from '../../src/index.js';

/** Waits until `predicate` holds (polling every 5 ms), or fails after `timeoutMs` with `what`. */
export async function until(
  predicate: () => boolean | Promise<boolean>,
  what: string,
  timeoutMs = 5000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await predicate()) return;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** Records every snapshot a store publishes, for checks on what was ever shown. */
export function recordSnapshots<Snapshot>(store: ReadableStore<Snapshot>): {
  snapshots: Snapshot[];
  stop(): void;
} {
  const snapshots: Snapshot[] = [store.getSnapshot()];
  const stop = store.subscribe(() => snapshots.push(store.getSnapshot()));
  return { snapshots, stop };
}

/** A promise and the function that settles it, for holding a response until a test says so. */
export function gate(): { promise: Promise<void>; open(): void } {
  let open!: () => void;
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
}
