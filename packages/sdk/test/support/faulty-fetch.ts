/**
 * A `fetch` to put between supabase-js and the gateway that misbehaves on purpose: the only fake
 * in these tests, and it fakes the network, never the database.
 *
 * - `drop-before`: the request never reaches the server (the connection failed).
 * - `drop-after`: the server handled (and committed) the request, but the response is lost.
 * - `status`: the server's answer is replaced by an error status (a failing proxy).
 * - `delay`: the response arrives late (after `ms`), which also reorders responses.
 * - `garble`: the response body is replaced by a JSON value that breaks the contract.
 * - `hold`: the response waits until `release` settles. With `ignoreAbort`, aborting the
 *   request does not cancel it (the answer had already arrived when the caller gave up).
 */
export type Fault =
  | { kind: 'drop-before' }
  | { kind: 'drop-after' }
  | { kind: 'status'; status: number }
  | { kind: 'delay'; ms: number }
  | { kind: 'garble'; body: unknown }
  | { kind: 'hold'; release: Promise<void>; ignoreAbort?: boolean };

/** One request that went through, and the fault applied to it (if any). */
export interface FetchRecord {
  fn: string;
  method: string;
  fault: Fault['kind'] | null;
  /** The response status the server gave (0 when it never got the request). */
  serverStatus: number;
}

interface Rule {
  fn: string | RegExp;
  fault: Fault;
  remaining: number;
}

/** The misbehaving fetch and its controls. */
export interface FaultyFetch {
  fetch: typeof fetch;
  /** Applies `fault` to the next `times` calls of `fn` (a function name or pattern). */
  inject(fn: string | RegExp, fault: Fault, times?: number): void;
  /** Every request seen so far. */
  readonly log: readonly FetchRecord[];
  /** Calls of one function seen so far. */
  calls(fn: string): FetchRecord[];
  clear(): void;
}

function functionName(url: string): string {
  const path = new URL(url).pathname;
  const marker = '/rpc/';
  const at = path.indexOf(marker);
  return at === -1 ? path : path.slice(at + marker.length);
}

/** Waits for `promise`, or rejects with an AbortError when `signal` fires first (as fetch does). */
function abortable<T>(promise: Promise<T>, signal: AbortSignal | null | undefined): Promise<T> {
  if (!signal) return promise;
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new DOMException('This operation was aborted', 'AbortError'));
    if (signal.aborted) {
      onAbort();
      return;
    }
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/** Wraps `base` (the global fetch by default) with programmable faults. */
export function createFaultyFetch(base: typeof fetch = globalThis.fetch): FaultyFetch {
  const rules: Rule[] = [];
  const log: FetchRecord[] = [];

  function take(fn: string): Fault | null {
    const rule = rules.find(
      (candidate) =>
        candidate.remaining > 0 &&
        (typeof candidate.fn === 'string' ? candidate.fn === fn : candidate.fn.test(fn)),
    );
    if (!rule) return null;
    rule.remaining -= 1;
    return rule.fault;
  }

  const faultyFetch: typeof fetch = async (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const fn = functionName(url);
    const method = init?.method ?? 'GET';
    const fault = take(fn);
    const record: FetchRecord = { fn, method, fault: fault?.kind ?? null, serverStatus: 0 };
    log.push(record);
    if (fault?.kind === 'drop-before') {
      throw new TypeError('fetch failed', {
        cause: new Error('connect ECONNRESET (injected before the server)'),
      });
    }
    // A response that "had already arrived" cannot be cancelled: send it without the signal.
    const ignoresAbort = fault?.kind === 'hold' && fault.ignoreAbort === true;
    const response = await base(input, ignoresAbort ? { ...init, signal: null } : init);
    record.serverStatus = response.status;
    if (!fault) return response;
    switch (fault.kind) {
      case 'drop-after':
        await response.arrayBuffer();
        throw new TypeError('fetch failed', {
          cause: new Error('socket hang up (injected after the server answered)'),
        });
      case 'status': {
        await response.arrayBuffer();
        return new Response(JSON.stringify({ message: `injected ${fault.status}` }), {
          status: fault.status,
          headers: { 'content-type': 'application/json' },
        });
      }
      case 'garble':
        await response.arrayBuffer();
        return new Response(JSON.stringify(fault.body), {
          status: 200,
          headers: { 'content-type': 'application/json' },
        });
      case 'delay': {
        const body = await response.arrayBuffer();
        await abortable(new Promise((resolve) => setTimeout(resolve, fault.ms)), init?.signal);
        return new Response(body, { status: response.status, headers: response.headers });
      }
      case 'hold': {
        const body = await response.arrayBuffer();
        await (fault.ignoreAbort ? fault.release : abortable(fault.release, init?.signal));
        return new Response(body, { status: response.status, headers: response.headers });
      }
    }
  };

  return {
    fetch: faultyFetch,
    inject(fn, fault, times = 1) {
      rules.push({ fn, fault, remaining: times });
    },
    get log() {
      return log;
    },
    calls(fn) {
      return log.filter((record) => record.fn === fn);
    },
    clear() {
      rules.length = 0;
      log.length = 0;
    },
  };
}
