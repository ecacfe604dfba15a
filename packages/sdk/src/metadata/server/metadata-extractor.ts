import { parseFlightRequest } from '../parse/parse-flight-request.js';
import type { MetadataExtraction, MetadataRequest, ParseOptions } from '../schemas.js';

/**
 * Reads session metadata from a broker's text. Expected failures (a model refusing, a timeout)
 * never reject: they come back as a rule-parser answer with a `fallbackReason`.
 */
export type MetadataExtractor = (request: MetadataRequest) => Promise<MetadataExtraction>;

/**
 * The rule parser could not produce a valid draft for this text (it found more problems than a
 * draft may list, say). The endpoint answers 422: the text is the problem, not the server.
 */
export class UnreadableTextError extends Error {
  constructor(options?: { cause?: unknown }) {
    super('The text could not be read as a flight request; shorten or rephrase it.', options);
    this.name = 'UnreadableTextError';
  }
}

/** The rule parser's draft, or {@link UnreadableTextError} when it can't make a valid one. */
export function rulesDraft(
  text: string,
  options: ParseOptions,
): ReturnType<typeof parseFlightRequest> {
  try {
    return parseFlightRequest(text, options);
  } catch (error) {
    throw new UnreadableTextError({ cause: error });
  }
}

/**
 * The rule parser as an extractor: what the metadata endpoint uses when no OpenAI model is
 * configured (`source: 'rules'`, no fallback reason).
 */
export const extractWithRules: MetadataExtractor = (request) =>
  Promise.resolve({
    ...rulesDraft(request.text, {
      referenceDate: request.referenceDate,
      timeZone: request.timeZone,
      recentAirports: request.recentAirports, // #12
    }),
    source: 'rules',
    fallbackReason: null,
  });
