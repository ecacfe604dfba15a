/**
 * Session metadata, server side: the OpenAI extractor (structured output validated by the same
 * schema as the rule parser, with fallback to it) and a fetch-style handler to mount on the
 * host's server, with an authorizer for Supabase access tokens, a per-user rate limit and a daily
 * model budget. Never import this from browser code: it loads `openai` and may hold an API key.
 *
 * @example
 * import {
 *   createMetadataHandler,
 *   createSupabaseAuthorizer,
 * } from '@chat-sessions/sdk/metadata/server';
 * const handle = createMetadataHandler({
 *   openai: { model: 'gpt-4o-mini', timeoutMs: 10_000 },
 *   authorize: createSupabaseAuthorizer({ supabaseUrl: process.env.SUPABASE_URL! }),
 * });
 * // POST /api/session-metadata  { "text": "TEB-VNY Dec 12, 6 pax", "timeZone": "America/New_York" }
 */
export {
  createOpenAIExtractor,
  DEFAULT_OPENAI_MODEL,
  type OpenAIChatClient,
  type OpenAIChatCompletion,
  type OpenAIExtractorOptions,
} from './openai-extractor.js';
export {
  extractWithRules,
  UnreadableTextError,
  type MetadataExtractor,
} from './metadata-extractor.js';
export { toNodeListener, type NodeRequestLike, type NodeResponseLike } from './node-adapter.js';
export {
  createSupabaseAuthorizer,
  type Authorization,
  type MetadataAuthorizer,
  type SupabaseAuthorizerOptions,
} from './supabase-authorizer.js';
export {
  createUsageLimiter,
  DEFAULT_BUDGET,
  DEFAULT_RATE_LIMIT,
  type BudgetOptions,
  type RateLimitOptions,
  type UsageLimiter,
} from './usage-limits.js';
export {
  createMetadataHandler,
  type MetadataErrorBody,
  type MetadataHandler,
  type MetadataHandlerOptions,
} from './metadata-handler.js';
export {
  draftResponseFormat,
  ModelDraftSchema,
  toStrictJsonSchema,
  type ModelDraft,
} from './model-draft-schema.js';
export { EXTRACTION_INSTRUCTIONS } from './extraction-prompt.js';
