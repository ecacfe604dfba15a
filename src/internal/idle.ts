/**
 * Runs `run` once the browser is idle; where `requestIdleCallback` is missing (Safari), 200 ms
 * later. For work that must never delay a paint: warming lazy chunks after the first one.
 * Returns what cancels it: `run` will not run, and is let go at once (the callback left queued
 * holds nothing). A warm-up queued for an element is cancelled when the element leaves the
 * page, or it would keep the element alive until the browser is idle.
 */
export function whenIdle(run: () => void): () => void {
  let pending: (() => void) | undefined = run;
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- Safari lacks it
  const idle = globalThis.requestIdleCallback ?? ((later: () => void) => setTimeout(later, 200));
  idle(() => pending?.());
  return () => (pending = undefined);
}
