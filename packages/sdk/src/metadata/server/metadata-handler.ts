import { prettifyIssues, type Issue } from '../../schema/index.js';
import {
  MetadataRequestSchema,
  type MetadataExtraction,
  type MetadataRequest,
} from '../schemas.js';
import {
  extractWithRules,
  rulesDraft,
  UnreadableTextError,
  type MetadataExtractor,
} from './metadata-extractor.js';
import { createOpenAIExtractor, type OpenAIExtractorOptions } from './openai-extractor.js';
import { readLimitedText } from './read-request-body.js';
import type { MetadataAuthorizer } from './supabase-authorizer.js';
import {
  createUsageLimiter,
  DEFAULT_BUDGET,
  DEFAULT_RATE_LIMIT,
  type BudgetOptions,
  type RateLimitOptions,
  type UsageLimiter,
} from './usage-limits.js';

/**
 * Options of {@link createMetadataHandler}: either an `extract` function, or `openai` options to
 * build the OpenAI extractor; with neither, the rule parser answers.
 */
export interface MetadataHandlerOptions {
  readonly extract?: MetadataExtractor;
  readonly openai?: OpenAIExtractorOptions;
  /**
   * Who is calling (see `createSupabaseAuthorizer`). Without it every request is the one caller
   * `anonymous`: the limits still hold, shared by everyone. Mount an endpoint that spends a
   * model without it only behind the host's own authentication.
   */
  readonly authorize?: MetadataAuthorizer;
  /**
   * The per-caller token bucket; `false` for none. Default with a model (`openai` or `extract`):
   * 20 at once, 20 a minute; with the rule parser alone (it costs only CPU): none.
   */
  readonly rateLimit?: RateLimitOptions | false;
  /**
   * Model calls allowed per UTC day (default 2 000, 200 per caller); past it the rule parser
   * answers with `fallbackReason: 'budget_exhausted'`. `false` for none. Only counts when a
   * model (`openai` or `extract`) is configured.
   */
  readonly budget?: BudgetOptions | false;
  /** Limits kept elsewhere (shared between instances); replaces `rateLimit` and `budget`. */
  readonly limiter?: UsageLimiter;
  /** Largest body in bytes (default 16 KiB), enforced while it streams: 413 beyond. */
  readonly maxBodyBytes?: number;
  /** Time allowed to receive the body (default 10 s): 408 beyond. */
  readonly bodyTimeoutMs?: number;
  /**
   * Time allowed to the extractor (default 20 s); past it the rule parser answers with
   * `fallbackReason: 'timeout'`.
   */
  readonly extractTimeoutMs?: number;
  /** The clock: "now" when a request sends no reference date, and the limits' time. */
  readonly now?: () => Date;
}

/** A fetch-style request handler: what `Deno.serve`, Bun, Hono or a Node adapter mount. */
export type MetadataHandler = (request: Request) => Promise<Response>;

/** The error body the endpoint answers with: a stable code, a message, and the schema's issues. */
export interface MetadataErrorBody {
  readonly error: {
    readonly code: string;
    readonly message: string;
    readonly issues?: readonly Issue[];
  };
}

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'cache-control': 'no-store',
      ...headers,
    },
  });
}

function failure(
  status: number,
  code: string,
  message: string,
  extra: Partial<MetadataErrorBody['error']> = {},
  headers: Record<string, string> = {},
): Response {
  return json(status, { error: { code, message, ...extra } } satisfies MetadataErrorBody, headers);
}

/** Runs the extractor, or the rule parser once `timeoutMs` has passed without an answer. */
async function extractWithin(
  extract: MetadataExtractor,
  request: MetadataRequest,
  timeoutMs: number,
): Promise<MetadataExtraction> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<'late'>((resolve) => {
    timer = setTimeout(() => resolve('late'), timeoutMs);
  });
  try {
    const answer = await Promise.race([extract(request), late]);
    if (answer !== 'late') return answer;
  } finally {
    clearTimeout(timer);
  }
  return rulesAnswer(request, 'timeout');
}

function rulesAnswer(
  request: MetadataRequest,
  reason: 'timeout' | 'budget_exhausted',
): MetadataExtraction {
  return {
    ...rulesDraft(request.text, {
      referenceDate: request.referenceDate,
      timeZone: request.timeZone,
    }),
    source: 'rules',
    fallbackReason: reason,
  };
}

/**
 * A handler a host mounts on its own server (never in a browser: it may hold the OpenAI key).
 * `POST` a JSON body `{ text, referenceDate?, timeZone? }` and get the draft back as JSON (a
 * `MetadataExtraction`). In order: 405 to other methods; 401/403 when `authorize` refuses;
 * 429 (with `Retry-After`) past the caller's rate limit; 415 to a body that is not JSON; 413 to a
 * body over the limit (read no further); 408 when the body is too slow; 400 to malformed JSON or
 * a body the request schema rejects (with the schema's issues); 422 when the text can't be read as a
 * draft. 500 only when a host-supplied `extract` throws.
 *
 * @example
 * const handle = createMetadataHandler({
 *   openai: { model: 'gpt-4o-mini' },
 *   authorize: createSupabaseAuthorizer({ supabaseUrl: process.env.SUPABASE_URL! }),
 *   rateLimit: { capacity: 10, refillPerMinute: 10 },
 *   budget: { requestsPerDay: 1000, perCallerPerDay: 100 },
 * });
 * // Hono: app.post('/api/session-metadata', (c) => handle(c.req.raw));
 * // Deno / Supabase Edge Function: Deno.serve(handle);
 */
export function createMetadataHandler(options: MetadataHandlerOptions = {}): MetadataHandler {
  if (options.extract && options.openai) {
    throw new TypeError('createMetadataHandler: pass either extract or openai, not both');
  }
  const usesModel = Boolean(options.extract ?? options.openai);
  const extract =
    options.extract ?? (options.openai ? createOpenAIExtractor(options.openai) : extractWithRules);
  const maxBodyBytes = options.maxBodyBytes ?? 16 * 1024;
  const bodyTimeoutMs = options.bodyTimeoutMs ?? 10_000;
  const extractTimeoutMs = options.extractTimeoutMs ?? 20_000;
  const now = options.now ?? (() => new Date());
  const limiter =
    options.limiter ??
    createUsageLimiter(
      options.rateLimit ?? (usesModel ? DEFAULT_RATE_LIMIT : false),
      usesModel ? (options.budget ?? DEFAULT_BUDGET) : false,
      () => now().getTime(),
    );

  async function authorizeCaller(request: Request): Promise<string | Response> {
    if (!options.authorize) return 'anonymous';
    const decision = await options.authorize(request).catch(() => null);
    if (decision === null)
      return failure(401, 'unauthenticated', 'The caller could not be identified.');
    if (!decision.ok) {
      return failure(
        decision.status,
        decision.status === 401 ? 'unauthenticated' : 'forbidden',
        decision.message,
        {},
        decision.status === 401 ? { 'www-authenticate': 'Bearer' } : {},
      );
    }
    return decision.callerId;
  }

  async function readRequest(request: Request): Promise<MetadataRequest | Response> {
    const contentType = request.headers.get('content-type') ?? '';
    if (!/^application\/json\b/i.test(contentType.trim())) {
      return failure(415, 'unsupported_media_type', 'Send the body as application/json.');
    }
    const body = await readLimitedText(request, maxBodyBytes, bodyTimeoutMs);
    if (!body.ok) {
      if (body.reason === 'too_large')
        return failure(
          413,
          'payload_too_large',
          `The body is over ${maxBodyBytes} bytes.`,
          {},
          {
            connection: 'close',
          },
        );
      if (body.reason === 'timeout')
        return failure(
          408,
          'request_timeout',
          'The body took too long to arrive.',
          {},
          {
            connection: 'close',
          },
        );
      return failure(400, 'invalid_body', 'The body could not be read.');
    }
    let payload: unknown;
    try {
      payload = JSON.parse(body.text);
    } catch {
      return failure(400, 'invalid_json', 'The body is not valid JSON.');
    }
    const parsed = MetadataRequestSchema.safeParse(payload);
    if (!parsed.success) {
      return failure(400, 'invalid_request', prettifyIssues(parsed.error.issues), {
        issues: parsed.error.issues,
      });
    }
    return {
      ...parsed.data,
      referenceDate: parsed.data.referenceDate ?? now().toISOString(),
      timeZone: parsed.data.timeZone ?? 'UTC',
    };
  }

  return async (request) => {
    if (request.method !== 'POST') {
      return failure(
        405,
        'method_not_allowed',
        'Use POST with a JSON body.',
        {},
        { allow: 'POST' },
      );
    }
    const caller = await authorizeCaller(request);
    if (caller instanceof Response) return caller;
    const allowed = limiter.take(caller);
    if (!allowed.ok) {
      return failure(
        429,
        'rate_limited',
        'Too many requests: try again shortly.',
        {},
        {
          'retry-after': String(allowed.retryAfterSeconds),
        },
      );
    }
    const input = await readRequest(request);
    if (input instanceof Response) return input;
    try {
      const result =
        usesModel && !limiter.spendModelCall(caller)
          ? rulesAnswer(input, 'budget_exhausted')
          : await extractWithin(extract, input, extractTimeoutMs);
      return json(200, result);
    } catch (error) {
      if (error instanceof UnreadableTextError)
        return failure(422, 'unreadable_text', error.message);
      return failure(500, 'internal_error', 'The metadata could not be read.');
    }
  };
}
