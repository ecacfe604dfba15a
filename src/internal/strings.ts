import { OUTCOME_LABELS, STATUS_LABELS } from '@chat-sessions/sdk';
import type { StringsOverride } from '../types.js';
import type { AttentionReason, CompletionOutcome, SessionStatus } from './sdk.js';

/**
 * The element's strings: the English defaults with `overrides` laid over them. Nested records
 * (stage labels, status labels) merge key by key, so a host can rename one stage only.
 */
export function resolveStrings<Strings extends object>(
  defaults: Strings,
  overrides: StringsOverride<Strings> | null | undefined,
): Strings {
  if (!overrides) return defaults;
  const merged = { ...defaults } as Record<string, unknown>;
  for (const [key, value] of Object.entries(overrides)) {
    if (value === undefined) continue;
    const base = merged[key];
    merged[key] = isPlainRecord(base) && isPlainRecord(value) ? { ...base, ...value } : value;
  }
  return merged as Strings;
}

function isPlainRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Strings every session card has. */
export interface SessionCardCommonStrings {
  /** Lifecycle statuses. `active` is never shown on a card; the others are. */
  statusLabels: Record<SessionStatus, string>;
  /** How a completed session ended, shown next to "Completed". */
  outcomeLabels: Record<CompletionOutcome, string>;
  /** Said in the accessible name of a pinned session. */
  pinned: string;
  /**
   * A change made to the session waits to be sent (the connection is gone): the card's marker,
   * and the start of its accessible description.
   */
  queued: string;
  /** The accessible description's time part; `relativeTime` is e.g. "5 minutes ago". */
  lastActivity: (relativeTime: string) => string;
  /**
   * Why the attention order put the session where it is ("2 new replies", "departs tomorrow",
   * "resume due"), from the rule the database ordered by; `formatted` is the count or the days.
   */
  attentionReason: (reason: AttentionReason, formatted: string) => string;
}

export const commonCardStrings: SessionCardCommonStrings = {
  statusLabels: { ...STATUS_LABELS },
  outcomeLabels: { ...OUTCOME_LABELS },
  pinned: 'pinned',
  queued: 'Waiting to send',
  lastActivity: (relativeTime) => `last activity ${relativeTime}`,
  attentionReason: (reason, formatted) => {
    switch (reason.kind) {
      case 'unread':
        return reason.count === 1 ? '1 new reply' : `${formatted} new replies`;
      case 'departs_soon':
        return reason.days === 0
          ? 'departs today'
          : reason.days === 1
            ? 'departs tomorrow'
            : `departs in ${formatted} days`;
      case 'resume_due':
        return 'resume due';
    }
  },
};
