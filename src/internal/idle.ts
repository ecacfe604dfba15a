/**
 * Runs `run` once the browser is idle; where `requestIdleCallback` is missing (Safari), 200 ms
 * later. For work that must never delay a paint: warming lazy chunks after the first one.
 */
export function whenIdle(run: () => void): void {
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- Safari lacks it
  const idle = globalThis.requestIdleCallback ?? ((later: () => void) => setTimeout(later, 200));
  idle(run);
}
