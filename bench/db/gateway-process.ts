// The local gateway in a process of its own (as PostgREST runs beside the database), for the
// gateway-overhead measurement. Serves BENCH_DATABASE_URL (already migrated) with
// BENCH_JWT_SECRET, prints {"url": …} on one line when it listens, and stops when its parent
// closes stdin or sends SIGTERM.
import { createDevBackend } from '../../packages/dev-backend/src/index.js';

const databaseUrl = process.env.BENCH_DATABASE_URL;
const jwtSecret = process.env.BENCH_JWT_SECRET;
if (!databaseUrl || !jwtSecret)
  throw new Error('gateway-process: BENCH_DATABASE_URL and BENCH_JWT_SECRET are required');

const backend = await createDevBackend({ databaseUrl, jwtSecret, migrate: false, port: 0 });
process.stdout.write(`${JSON.stringify({ url: backend.url })}\n`);

let stopping = false;
const stop = (): void => {
  if (stopping) return;
  stopping = true;
  void backend.close().finally(() => process.exit(0));
};
process.stdin.on('end', stop);
process.stdin.resume();
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
