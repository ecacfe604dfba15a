// The lower bound of the gateway-overhead measurement: the least an HTTP front to PostgreSQL
// can do. A bare node:http server in a process of its own (as the gateway runs) holding one
// connection already logged in as `authenticator` and switched to the broker (role and JWT
// claims set once, as the direct call's connection is), which answers every request by running
// the direct call's statement and sending PostgreSQL's text of the page on as it is: no
// routing, no JWT, no transaction, no settings. What supabase-js → HTTP → PostgreSQL → back
// costs on this machine before any of the gateway's own work. Serves BENCH_DATABASE_URL as
// BENCH_RELAY_SUB; prints {"url": …} on one line when it listens; stops when its parent closes
// stdin or sends SIGTERM.
import { createServer } from 'node:http';
import pg from 'pg';
import { serveForParent } from './child-server.js';

const databaseUrl = process.env.BENCH_DATABASE_URL;
const sub = process.env.BENCH_RELAY_SUB;
if (!databaseUrl || !sub)
  throw new Error('relay-process: BENCH_DATABASE_URL and BENCH_RELAY_SUB are required');
const url = new URL(databaseUrl);
url.username = 'authenticator';
url.password = process.env.AUTHENTICATOR_PASSWORD ?? 'authenticator';
const client = new pg.Client({ connectionString: url.toString(), application_name: 'bench-relay' });
await client.connect();
await client.query(`select set_config('request.jwt.claims', $1, false)`, [
  JSON.stringify({ role: 'authenticated', sub }),
]);
await client.query(`select set_config('role', 'authenticated', false)`);

const server = createServer((request, response) => {
  request.resume();
  request.once('end', () => {
    client
      .query<{ page: string }>(
        `select chat.list_sessions('active', 'recent', null, null, 50)::text as page`,
      )
      .then(
        (result) => {
          response.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
          response.end(result.rows[0]!.page);
        },
        (error: unknown) => {
          response.writeHead(500, { 'content-type': 'application/json; charset=utf-8' });
          response.end(JSON.stringify({ message: String(error) }));
        },
      );
  });
});
serveForParent(server, () => client.end());
