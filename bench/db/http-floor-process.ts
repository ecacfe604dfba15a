// The HTTP floor of the gateway-overhead measurement: a bare node:http server in a process of
// its own (as the gateway runs) that answers every request with the bytes of BENCH_FLOOR_BODY
// (a file: a list page as the gateway sent it), as JSON with a Content-Length, and no database.
// What supabase-js → HTTP → back costs on this machine before any gateway work. Prints
// {"url": …} on one line when it listens; stops when its parent closes stdin or sends SIGTERM.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { serveForParent } from './child-server.js';

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
serveForParent(server);
