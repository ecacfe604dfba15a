/**
 * Session metadata, server side: the OpenAI extractor (structured output validated by the same
 * zod schema as the rule parser, with fallback to it) and a fetch-style handler to mount on the
 * host's server. Never import this from browser code: it loads `openai` and may hold an API key.
 *
 * @example
 * import { createMetadataHandler } from '@chat-sessions/sdk/metadata/server';
 * const handle = createMetadataHandler({ openai: { model: 'gpt-4o-mini', timeoutMs: 10_000 } });
 * // POST /api/session-metadata  { "text": "TEB-VNY Dec 12, 6 pax", "timeZone": "America/New_York" }
 */
export {
  createOpenAIExtractor,
  DEFAULT_OPENAI_MODEL,
  type OpenAIExtractorOptions,
} from './openai-extractor.js';
export { extractWithRules, type MetadataExtractor } from './metadata-extractor.js';
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
