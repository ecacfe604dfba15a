import { parseFlightRequest } from '../parse/parse-flight-request.js';
import type { MetadataExtraction, MetadataRequest } from '../schemas.js';

/**
 * Reads session metadata from a broker's text. Expected failures (a model refusing, a timeout)
 * never reject: they come back as a rule-parser answer with a `fallbackReason`.
 */
export type MetadataExtractor = (request: MetadataRequest) => Promise<MetadataExtraction>;

/**
 * The rule parser as an extractor: what the metadata endpoint uses when no OpenAI model is
 * configured (`source: 'rules'`, no fallback reason).
 */
export const extractWithRules: MetadataExtractor = async (request) => ({
  ...parseFlightRequest(request.text, {
    referenceDate: request.referenceDate,
    timeZone: request.timeZone,
    recentAirports: request.recentAirports, // #12
  }),
  source: 'rules',
  fallbackReason: null,
});
