/**
 * Session metadata from free text, browser-safe: the rule parser, titles, airport lookup and the
 * schemas of what the metadata endpoint answers. Nothing here touches the network or imports
 * `openai`; the OpenAI extractor lives in `@chat-sessions/sdk/metadata/server`.
 *
 * The airport table (every airport with an IATA or ICAO code, ~21,000) adds about 400 KB gzipped;
 * hosts keep it off their first load by importing this entry lazily (`await import('@chat-sessions/sdk/metadata')`) when quick-create opens.
 *
 * @example
 * import { parseFlightRequest, describeAirport } from '@chat-sessions/sdk/metadata';
 * const draft = parseFlightRequest('TEB-VNY Dec 12, 6 pax', { timeZone: 'America/New_York' });
 * describeAirport(draft.legs[0].from)?.city; // 'Teterboro'
 */
export { parseFlightRequest } from './parse/parse-flight-request.js';
export { titleFromMessage, flightRequestTitle, UNTITLED_CHAT } from './titles.js';
export { assessConfidence } from './confidence.js';
export {
  describeAirport,
  sameAirport,
  AirportSchema,
  AirportEntrySchema,
  AirportSizeSchema,
  type Airport,
  type AirportEntry,
  type AirportSize,
} from './airports/airport-directory.js';
export {
  searchAirports,
  AirportSearchOptionsSchema,
  type AirportSearchOptions,
} from './airports/airport-search.js';
export { AIRPORT_DATASET } from './airports/airport-table.generated.js';
export {
  DraftConfidenceSchema,
  ExtractionSourceSchema,
  FallbackReasonSchema,
  FlightRequestDraftFieldsSchema,
  FlightRequestDraftSchema,
  MAX_TEXT_LENGTH,
  MAX_TITLE_LENGTH,
  MetadataExtractionSchema,
  MetadataRequestSchema,
  MetadataIssueCodeSchema,
  MetadataIssueSchema,
  MetadataAmbiguitySchema,
  MetadataChoiceSchema,
  PartialLegSchema,
  ParseOptionsSchema,
  ReferenceDateSchema,
  TimeZoneSchema,
  type DraftConfidence,
  type ExtractionSource,
  type FallbackReason,
  type FlightRequestDraft,
  type MetadataExtraction,
  type MetadataIssue,
  type MetadataIssueCode,
  type MetadataAmbiguity,
  type MetadataChoice,
  type PartialLeg,
  type MetadataRequest,
  type ParseOptions,
} from './schemas.js';
