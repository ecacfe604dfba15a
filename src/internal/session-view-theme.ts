import { unsafeCSS } from 'lit';
import { STAGE_COLORS, STATUS_COLORS, stageToken } from './theme.js';
import type { FlightRequestStage } from './sdk.js';

// The stage and status colours of <chat-session-view>'s header, from the same tokens as the
// cards (`--chat-stage-<stage>`, `--chat-status-<status>`), so a host themes both at once.
// Built from constants only (never from data), so unsafeCSS is safe here.

/** `[data-stage='…'] { --_stage-color: … }` for every stage. */
export const stageColorRules = unsafeCSS(
  (Object.keys(STAGE_COLORS) as FlightRequestStage[])
    .map(
      (stage) =>
        `[data-stage='${stage}'] { --_stage-color: var(${stageToken(stage)}, ${STAGE_COLORS[stage]}); }`,
    )
    .join('\n'),
);

/** `[data-status='…'] { --_status-color: … }` for paused, completed and archived. */
export const statusColorRules = unsafeCSS(
  Object.entries(STATUS_COLORS)
    .map(
      ([status, color]) =>
        `[data-status='${status}'] { --_status-color: var(--chat-status-${status}, ${color}); }`,
    )
    .join('\n'),
);
