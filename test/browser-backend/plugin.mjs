// A web-test-runner plugin giving browser specs a real backend: the local gateway over
// PostgreSQL 15 (./backend-process.ts), started on the first spec that asks for it and stopped
// with the runner. Inside `npm test` it uses the harness's cluster (PG_ADMIN_URL); run alone
// (`npx web-test-runner …`) it starts a throwaway cluster through test/harness/with-postgres.sh.
//
// Browser side (see test/elements/support/backend.ts):
//   executeServerCommand('chat-backend')          → { url, anonKey, serviceRoleKey }, or
//                                                   { starting: true } (ask again: a command
//                                                   must answer within 20 s, a cold start may not)
//   executeServerCommand('chat-backend-broker')   → { userId, email, token } of a new broker
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const STARTUP_TIMEOUT_MS = 180_000;
/** How long one `chat-backend` command waits for the start before answering "starting". */
const COMMAND_WAIT_MS = 10_000;

/** @returns {import('@web/test-runner').TestRunnerPlugin} */
export function chatBackendPlugin() {
  /** @type {import('node:child_process').ChildProcessWithoutNullStreams | null} */
  let child = null;
  /** @type {Promise<{ url: string, anonKey: string, serviceRoleKey: string }> | null} */
  let ready = null;
  const waiting = new Map();
  let nextId = 0;

  function start() {
    if (ready) return ready;
    const script = [
      '--conditions=@chat-sessions/source',
      '--import',
      'tsx',
      'test/browser-backend/backend-process.ts',
    ];
    const [command, args] = process.env.PG_ADMIN_URL
      ? ['node', script]
      : ['bash', ['test/harness/with-postgres.sh', 'node', ...script]];
    const started = spawn(command, args, {
      cwd: root,
      stdio: ['pipe', 'pipe', 'inherit'],
      detached: true,
    });
    child = started;
    ready = new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error('the browser-test backend did not start in time')),
        STARTUP_TIMEOUT_MS,
      );
      started.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`the browser-test backend exited (${code}) before it was ready`));
        for (const { reject: fail } of waiting.values())
          fail(new Error('the browser-test backend exited'));
        waiting.clear();
      });
      createInterface({ input: started.stdout }).on('line', (line) => {
        let message;
        try {
          message = JSON.parse(line);
        } catch {
          return; // Not ours (e.g. a tool's progress line).
        }
        if (message.type === 'ready') {
          clearTimeout(timer);
          resolve({
            url: message.url,
            anonKey: message.anonKey,
            serviceRoleKey: message.serviceRoleKey,
          });
          return;
        }
        const pending = waiting.get(message.id);
        if (!pending) return;
        waiting.delete(message.id);
        if (message.error) pending.reject(new Error(message.error));
        else pending.resolve(message.result);
      });
    });
    return ready;
  }

  async function request(op) {
    await start();
    const id = (nextId += 1);
    return new Promise((resolve, reject) => {
      waiting.set(id, { resolve, reject });
      child?.stdin.write(`${JSON.stringify({ id, op })}\n`);
    });
  }

  return {
    name: 'chat-sessions-backend',
    async executeCommand({ command }) {
      if (command === 'chat-backend') {
        const starting = start();
        const waited = await Promise.race([
          starting,
          new Promise((resolve) => setTimeout(() => resolve({ starting: true }), COMMAND_WAIT_MS)),
        ]);
        return waited;
      }
      if (command === 'chat-backend-broker') return request('broker');
      return undefined;
    },
    async serverStop() {
      const running = child;
      if (!running || running.exitCode !== null) return;
      const exited = new Promise((resolve) => running.once('exit', resolve));
      // Closing stdin lets it drop its database; the signal then stops with-postgres's cluster.
      running.stdin.end();
      const timer = setTimeout(() => {
        try {
          process.kill(-running.pid, 'SIGTERM');
        } catch {
          // Already gone.
        }
      }, 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
