import type { FlightRequestStage } from './models/flight-request.js';
import type { CompletionOutcome, SessionStatus } from './models/session.js';

// The product's English words for its states, written once. The database writes the same words
// into event lines (`chat_private.stage_label`, "Completed · Won"; a test proves them equal), the
// elements default their string tables to them, and hosts that show a session outside the
// elements (a CRM's deal panel) use them so the widget and the host never disagree.

/** A pipeline stage's label: "Requesting quotes", "Closed won". */
export const STAGE_LABELS: Readonly<Record<FlightRequestStage, string>> = Object.freeze({
  understanding_request: 'Understanding request',
  searching_aircraft: 'Searching aircraft',
  requesting_quotes: 'Requesting quotes',
  analyzing_options: 'Analyzing options',
  proposal_ready: 'Proposal ready',
  proposal_sent: 'Proposal sent',
  contract_generated: 'Contract generated',
  contract_sent: 'Contract sent',
  payment_pending: 'Payment pending',
  closed_won: 'Closed won',
});

/** A lifecycle status's label: "Paused". */
export const STATUS_LABELS: Readonly<Record<SessionStatus, string>> = Object.freeze({
  active: 'Active',
  paused: 'Paused',
  completed: 'Completed',
  archived: 'Archived',
});

/** How a completed session ended: "Won". */
export const OUTCOME_LABELS: Readonly<Record<CompletionOutcome, string>> = Object.freeze({
  won: 'Won',
  lost: 'Lost',
  cancelled: 'Cancelled',
});

/** What a session without a title, route or first message is called. */
export const UNTITLED_SESSION = 'Untitled chat';

/**
 * A status with its outcome, as every surface writes it: "Paused", "Completed · Won". `labels`
 * lets a translated table reuse the same shape.
 *
 * @example
 * statusText({ status: 'completed', outcome: 'won' }); // "Completed · Won"
 */
export function statusText(
  session: { readonly status: SessionStatus; readonly outcome: CompletionOutcome | null },
  labels: {
    readonly statusLabels: Readonly<Record<SessionStatus, string>>;
    readonly outcomeLabels: Readonly<Record<CompletionOutcome, string>>;
  } = { statusLabels: STATUS_LABELS, outcomeLabels: OUTCOME_LABELS },
): string {
  const status = labels.statusLabels[session.status];
  return session.status === 'completed' && session.outcome
    ? `${status} · ${labels.outcomeLabels[session.outcome]}`
    : status;
}
