// The SDK's session model, by type only: cards render plain data and never load the SDK (or its schemas)
// at runtime. Through the package name, so the published declarations import
// `@chat-sessions/sdk` (a dependency of this package) rather than a path into this repository.
export type {
  AttentionReason,
  CompletionOutcome,
  FlightLeg,
  FlightRequestStage,
  Session,
  SessionStatus,
  TripType,
} from '@chat-sessions/sdk';
