import { z } from 'zod';
import { checkProposedAirports } from '../airports/check-proposed-airports.js';
import { assessConfidence } from '../confidence.js';
import { parseFlightRequest } from '../parse/parse-flight-request.js';
import { parseSettings } from '../parse/reference-day.js';
import {
  FlightRequestDraftSchema,
  MAX_TITLE_LENGTH,
  type FallbackReason,
  type MetadataExtraction,
  type ParseOptions,
} from '../schemas.js';
import { flightRequestTitle, titleFromMessage } from '../titles.js';
import { EXTRACTION_INSTRUCTIONS, extractionInput } from './extraction-prompt.js';
import { loadOpenAI } from './load-openai.js';
import { rulesDraft, type MetadataExtractor } from './metadata-extractor.js';
import { draftResponseFormat, ModelDraftSchema, type ModelDraft } from './model-draft-schema.js';

/** The model used when none is configured: small, fast, and supports strict structured outputs. */
export const DEFAULT_OPENAI_MODEL = 'gpt-4o-mini';

/**
 * Options of {@link createOpenAIExtractor}. `apiKey` defaults to the `openai` package's own
 * default (the `OPENAI_API_KEY` environment variable); `baseURL` points at any
 * OpenAI-compatible server; `timeoutMs` bounds each attempt and `maxRetries` the retries the
 * client makes, with exponential backoff (honouring `retry-after`), on 408/409/429/5xx, timeouts
 * and dropped connections. `onFallback` hears why the rule parser answered instead (for logs).
 */
/** The `openai` package's module, as `import('openai')` gives it (internal: never in a public type). */
type OpenAIModule = typeof import('openai');

/**
 * What the extractor needs of an OpenAI client: `chat.completions.create`. An `OpenAI` instance
 * from the `openai` package fits; the type is structural so that these declarations type-check
 * in a host that never installed the optional `openai` peer.
 */
export interface OpenAIChatClient {
  readonly chat: {
    readonly completions: {
      create(
        body: { model: string; messages: readonly unknown[]; response_format?: unknown },
        options?: { timeout?: number; maxRetries?: number },
      ): PromiseLike<OpenAIChatCompletion>;
    };
  };
}

/** The part of a chat completion the extractor reads. */
export interface OpenAIChatCompletion {
  readonly choices: readonly {
    readonly message: { readonly content: string | null; readonly refusal?: string | null };
  }[];
}

export interface OpenAIExtractorOptions {
  readonly model?: string;
  readonly apiKey?: string;
  readonly baseURL?: string;
  readonly timeoutMs?: number;
  readonly maxRetries?: number;
  /** A `fetch` for the client to use (a proxy, instrumentation). */
  readonly fetch?: typeof fetch;
  /** An existing client; `apiKey`, `baseURL` and `fetch` are then ignored. */
  readonly client?: OpenAIChatClient;
  readonly onFallback?: (reason: FallbackReason, detail: unknown) => void;
}

const SettingsSchema = z.object({
  model: z.string().min(1).default(DEFAULT_OPENAI_MODEL),
  timeoutMs: z.number().int().positive().max(600_000).default(15_000),
  maxRetries: z.number().int().min(0).max(10).default(2),
});

/** Which fallback an error from the client calls for; anything else is a bug and is rethrown. */
function fallbackReasonOf(error: unknown, { default: OpenAI }: OpenAIModule): FallbackReason {
  if (error instanceof OpenAI.APIConnectionTimeoutError) return 'timeout';
  if (error instanceof OpenAI.APIConnectionError) return 'network_error';
  if (error instanceof OpenAI.RateLimitError) return 'rate_limited';
  if (error instanceof OpenAI.APIError)
    return (error.status ?? 0) >= 500 ? 'server_error' : 'http_error';
  throw error;
}

/** Turns the model's fields into a draft: our title for flights, airports checked, confidence derived. */
function draftFromModel(model: ModelDraft, text: string, parseOptions: ParseOptions): unknown {
  // --- #12 airport check (airports/check-proposed-airports.ts): the model's codes are checked
  // against the airport table, and names the text leaves ambiguous (`London`) stay a choice.
  const textAmbiguities =
    model.kind === 'flight_request'
      ? (parseFlightRequest(text, parseOptions).ambiguities ?? [])
      : [];
  const checked = checkProposedAirports(model.legs, textAmbiguities, model.issues);
  const fields = {
    ...model,
    issues: [...model.issues, ...checked.issues],
    ...(checked.ambiguities.length > 0 ? { ambiguities: checked.ambiguities } : {}),
    legs: checked.legs.map((leg) => ({ ...leg, time: leg.time ?? null })),
  };
  // --- end #12
  const title =
    fields.kind === 'flight_request'
      ? flightRequestTitle(fields)
      : model.title.trim().slice(0, MAX_TITLE_LENGTH) || titleFromMessage(text);
  return { ...fields, title, confidence: assessConfidence(fields) };
}

/**
 * An extractor that asks an OpenAI model (server side only: it holds the API key) for the draft,
 * with the draft's strict JSON schema as the response format, and validates the answer with the
 * same schema the rule parser's drafts pass. A refusal, an answer that is not JSON or that
 * the schema rejects, a timeout, or an HTTP error after the retries falls back to the rule
 * parser, and the result says so (`source: 'rules'`, `fallbackReason`).
 *
 * @example
 * const extract = createOpenAIExtractor({ model: 'gpt-4o-mini', timeoutMs: 10_000 });
 * const result = await extract({ text: 'TEB-VNY Dec 12, 6 pax', timeZone: 'America/New_York' });
 * if (result.source === 'rules') log.warn('metadata fallback', result.fallbackReason);
 */
export function createOpenAIExtractor(options: OpenAIExtractorOptions = {}): MetadataExtractor {
  const settings = SettingsSchema.parse({
    model: options.model,
    timeoutMs: options.timeoutMs,
    maxRetries: options.maxRetries,
  });
  // `openai` is an optional peer dependency: loaded here, with a clear error when it is missing.
  const connecting = loadOpenAI(() => import('openai')).then((openai) => {
    const client: OpenAIChatClient =
      options.client ??
      new openai.default({
        apiKey: options.apiKey,
        baseURL: options.baseURL,
        timeout: settings.timeoutMs,
        maxRetries: settings.maxRetries,
        ...(options.fetch ? { fetch: options.fetch } : {}),
      });
    return { openai, client };
  });
  // Reported by the first extraction (awaited there), not as an unhandled rejection.
  connecting.catch(() => undefined);
  const responseFormat = draftResponseFormat();

  return async (request) => {
    const { openai, client } = await connecting;
    const parseOptions = {
      referenceDate: request.referenceDate,
      timeZone: request.timeZone,
      recentAirports: request.recentAirports, // #12
    };
    const { today, timeZone } = parseSettings(parseOptions);
    const fallback = (reason: FallbackReason, detail: unknown): MetadataExtraction => {
      options.onFallback?.(reason, detail);
      return {
        ...rulesDraft(request.text, parseOptions),
        source: 'rules',
        fallbackReason: reason,
      };
    };

    let completion: OpenAIChatCompletion;
    try {
      completion = await client.chat.completions.create(
        {
          model: settings.model,
          messages: [
            { role: 'system', content: EXTRACTION_INSTRUCTIONS },
            { role: 'user', content: extractionInput(request.text, today, timeZone) },
          ],
          response_format: responseFormat,
        },
        { timeout: settings.timeoutMs, maxRetries: settings.maxRetries },
      );
    } catch (error) {
      return fallback(fallbackReasonOf(error, openai), error);
    }

    const message = completion.choices[0]?.message;
    if (message?.refusal) return fallback('refusal', message.refusal);
    let answer: unknown;
    try {
      answer = JSON.parse(message?.content ?? '');
    } catch (error) {
      return fallback('invalid_json', error);
    }
    const model = ModelDraftSchema.safeParse(answer);
    if (!model.success) return fallback('schema_mismatch', model.error);
    const draft = FlightRequestDraftSchema.safeParse(
      draftFromModel(model.data, request.text, parseOptions),
    );
    if (!draft.success) return fallback('schema_mismatch', draft.error);
    return { ...draft.data, source: 'openai', fallbackReason: null };
  };
}
