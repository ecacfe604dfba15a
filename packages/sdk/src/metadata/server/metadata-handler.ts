import { z } from 'zod';
import { MetadataRequestSchema } from '../schemas.js';
import { extractWithRules, type MetadataExtractor } from './metadata-extractor.js';
import { createOpenAIExtractor, type OpenAIExtractorOptions } from './openai-extractor.js';

/**
 * Options of {@link createMetadataHandler}: either an `extract` function, or `openai` options to
 * build the OpenAI extractor; with neither, the rule parser answers. `maxBodyBytes` caps the
 * request body (default 16 KiB); `now` is the clock used when a request sends no reference date.
 */
export interface MetadataHandlerOptions {
  readonly extract?: MetadataExtractor;
  readonly openai?: OpenAIExtractorOptions;
  readonly maxBodyBytes?: number;
  readonly now?: () => Date;
}

/** A fetch-style request handler: what `Deno.serve`, Bun, Hono or a Node adapter mount. */
export type MetadataHandler = (request: Request) => Promise<Response>;

/** The error body the endpoint answers with: a stable code, a message, and zod's issues. */
export interface MetadataErrorBody {
  readonly error: {
    readonly code: string;
    readonly message: string;
    readonly issues?: readonly z.core.$ZodIssue[];
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

/**
 * A handler a host mounts on its own server (never in a browser: it may hold the OpenAI key).
 * `POST` a JSON body `{ text, referenceDate?, timeZone? }` and get the draft back as JSON (a
 * `MetadataExtraction`). Answers 405 to other methods, 415 to a body that is not JSON, 413 to a
 * body over the limit, 400 to malformed JSON or a body the request schema rejects (with zod's
 * issues), and 500 only when the extractor itself throws.
 *
 * @example
 * const handle = createMetadataHandler({ openai: { model: 'gpt-4o-mini' } });
 * // Hono: app.post('/api/session-metadata', (c) => handle(c.req.raw));
 * // Bun: Bun.serve({ fetch: handle });
 */
export function createMetadataHandler(options: MetadataHandlerOptions = {}): MetadataHandler {
  if (options.extract && options.openai) {
    throw new TypeError('createMetadataHandler: pass either extract or openai, not both');
  }
  const extract =
    options.extract ?? (options.openai ? createOpenAIExtractor(options.openai) : extractWithRules);
  const maxBodyBytes = options.maxBodyBytes ?? 16 * 1024;
  const now = options.now ?? (() => new Date());

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
    const contentType = request.headers.get('content-type') ?? '';
    if (!/^application\/json\b/i.test(contentType.trim())) {
      return failure(415, 'unsupported_media_type', 'Send the body as application/json.');
    }
    const declared = Number(request.headers.get('content-length') ?? 0);
    if (declared > maxBodyBytes)
      return failure(413, 'payload_too_large', `The body is over ${maxBodyBytes} bytes.`);
    const body = await request.text();
    if (new TextEncoder().encode(body).length > maxBodyBytes) {
      return failure(413, 'payload_too_large', `The body is over ${maxBodyBytes} bytes.`);
    }
    let payload: unknown;
    try {
      payload = JSON.parse(body);
    } catch {
      return failure(400, 'invalid_json', 'The body is not valid JSON.');
    }
    const parsed = MetadataRequestSchema.safeParse(payload);
    if (!parsed.success) {
      return failure(400, 'invalid_request', z.prettifyError(parsed.error), {
        issues: parsed.error.issues,
      });
    }
    try {
      const result = await extract({
        ...parsed.data,
        referenceDate: parsed.data.referenceDate ?? now().toISOString(),
        timeZone: parsed.data.timeZone ?? 'UTC',
      });
      return json(200, result);
    } catch {
      return failure(500, 'internal_error', 'The metadata could not be read.');
    }
  };
}
