// The HTTP floor of the gateway-overhead measurement: a bare node:http server in a process of
// its own (as the gateway runs) that answers every request with the bytes of BENCH_FLOOR_BODY
// (a file: a list page as the gateway sent it), as JSON with a Content-Length, and no database.
// What supabase-js → HTTP → back costs on this machine before any gateway work. Prints
// {"url": …} on one line when it listens; stops when its parent closes stdin or sends SIGTERM.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

const bodyFile = process.env.BENCH_FLOOR_BODY;
if (!bodyFile) throw new Error('http-floor-process: BENCH_FLOOR_BODY is required');
const body = readFileSync(bodyFile);

const server = createServer((request, response) => {
  request.resume();
  request.once('end', () => {
    response.writeHead(200, {
      'content-type': 'application/json; charset=utf-8',
      'content-length': body.length,
    });
    response.end(body);
  });
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address() as AddressInfo;
  process.stdout.write(`${JSON.stringify({ url: `http://127.0.0.1:${port}` })}\n`);
});

let stopping = false;
const stop = (): void => {
  if (stopping) return;
  stopping = true;
  server.close(() => process.exit(0));
  server.closeAllConnections();
};
process.stdin.on('end', stop);
process.stdin.resume();
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
