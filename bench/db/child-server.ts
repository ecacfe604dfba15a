import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Runs `server` as a benchmark's child process (see startGateway in gateway.ts): listens on
 * 127.0.0.1 at a free port, prints {"url": …} on one line when it does, and stops (closing
 * every connection, then `cleanup`) when the parent closes stdin or sends SIGTERM or SIGINT.
 */
export function serveForParent(
  server: Server,
  cleanup: () => Promise<void> = async () => {},
): void {
  server.keepAliveTimeout = 60_000;
  server.listen(0, '127.0.0.1', () => {
    const { port } = server.address() as AddressInfo;
    process.stdout.write(`${JSON.stringify({ url: `http://127.0.0.1:${port}` })}\n`);
  });
  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    server.close(() => void cleanup().finally(() => process.exit(0)));
    server.closeAllConnections();
  };
  process.stdin.on('end', stop);
  process.stdin.resume();
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}
