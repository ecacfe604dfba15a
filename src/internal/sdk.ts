// The SDK's session model, by type only: cards render plain data and never load the SDK (or zod)
// at runtime. A relative path because `@chat-sessions/sdk` does not export its models from an
// entry point yet; when it does, this is the one line to change.
export type {
  CompletionOutcome,
  Session,
  SessionStatus,
} from '../../packages/sdk/src/models/session.js';
export type {
  FlightLeg,
  FlightRequestStage,
  TripType,
} from '../../packages/sdk/src/models/flight-request.js';
