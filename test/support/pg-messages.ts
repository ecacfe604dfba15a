import pg from 'pg';

/**
 * Every message node-postgres clients of this process send while `work` runs: the gateway's,
 * when the backend runs in-process (a count of round trips that is exact, not a timing).
 */
export async function messagesSent(work: () => Promise<void>): Promise<string[]> {
  const sent: string[] = [];
  // eslint-disable-next-line @typescript-eslint/unbound-method -- called with apply(this) below
  const original = pg.Client.prototype.query;
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    if (typeof args[0] === 'string') sent.push(args[0]);
    return (original as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof original;
  try {
    await work();
  } finally {
    pg.Client.prototype.query = original;
  }
  return sent;
}
