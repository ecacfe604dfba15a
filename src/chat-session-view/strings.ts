import type {
  CompletionOutcome,
  FlightRequestStage,
  LifecycleAction,
  SessionStatus,
} from '@chat-sessions/sdk';
import { OUTCOME_LABELS, STAGE_LABELS, STATUS_LABELS, UNTITLED_SESSION } from '@chat-sessions/sdk';
import { LIFECYCLE_LABELS } from '../actions/session-actions.js';
import { transcriptStrings } from '../internal/chat-transcript.js';
import type { TranscriptStrings } from '../transcript-types.js';

/** Every user-visible string of `<chat-session-view>`, English by default. */
export interface ChatSessionViewStrings extends TranscriptStrings {
  /** Shown when no session is chosen. */
  noSession: string;
  /** Shown while the session's header loads. */
  loadingSession: string;
  /** Shown when the session could not be loaded. */
  sessionFailed: (reason: string) => string;
  /** A general chat without a title. */
  untitled: string;
  /** A flight request without legs or title. */
  routeNotSet: string;
  /** Said between two airports of a route (the arrow is not read). */
  routeTo: string;
  /** Said after a round trip's airports. */
  roundTrip: string;
  /** "6 passengers". */
  passengers: (count: number, formatted: string) => string;
  /** Stage labels. */
  stageLabels: Record<FlightRequestStage, string>;
  /** Status labels. */
  statusLabels: Record<SessionStatus, string>;
  /** Outcomes, as the Complete menu offers them and the status shows them. */
  outcomeLabels: Record<CompletionOutcome, string>;
  /** Shown when the session is in the trash. */
  inTrash: string;
  /** The lifecycle action buttons. */
  actionLabels: Record<LifecycleAction, string>;
  /** The actions group's accessible name. */
  actionsLabel: string;
  /** The outcome menu's accessible name. */
  outcomeMenuLabel: string;
  /** Said while an action is applied. */
  applying: (action: string) => string;
  /** Said when an action failed. */
  actionFailed: (action: string, reason: string) => string;
  /** The operator threads toggle. */
  operators: string;
  /** Unread operator replies, read after "Operators". */
  unreadReplies: (count: number, formatted: string) => string;
  /** The transcript's accessible name. */
  conversation: string;
  /** The button that opens the request editor. */
  editRequest: string;
  /** In a narrow view (a phone), the button that shows the stepper and the actions. */
  actionsToggle: string;
  /** The stage stepper's accessible name, with the current stage. */
  stageStepper: (current: string) => string;
  /** One step of the stepper: "Proposal sent, stage 6 of 10". */
  stageStep: (label: string, position: number, total: number) => string;
  /** Said while the stage is saved. */
  settingStage: (label: string) => string;
  /** Said when the stage could not be saved. */
  stageFailed: (reason: string) => string;
  /** The compact stage picker's label (where the stepper has no room for the stages' names). */
  stagePicker: string;
  /** The button to the following stage: "Next: Proposal ready". */
  nextStage: (label: string) => string;
  /** A flight request without a stage, in the picker and the stepper's name. */
  stageNotSet: string;
  /** In place of the composer of a completed session. */
  closedCompleted: string;
  /** In place of the composer of an archived session. */
  closedArchived: string;
  /** The empty transcript of a session without a composer (completed, archived, trashed). */
  noMessagesClosed: string;
  /** The closed bar's button of a completed session. */
  reopenToReply: string;
  /** The closed bar's button of an archived session. */
  unarchiveToReply: string;
  /** Above the composer of a paused session. */
  pausedNote: string;
  /** In place of the composer of a trashed session. */
  trashNote: string;
  /** The trash bar's button. */
  restore: string;
}

/** The English defaults. */
export const defaultSessionViewStrings: ChatSessionViewStrings = {
  ...transcriptStrings,
  noSession: 'Choose a session to see its conversation.',
  loadingSession: 'Loading session…',
  sessionFailed: (reason) => `This session could not be loaded: ${reason}`,
  untitled: UNTITLED_SESSION,
  routeNotSet: 'Route not set yet',
  routeTo: 'to',
  roundTrip: 'round trip',
  passengers: (count, formatted) => (count === 1 ? '1 passenger' : `${formatted} passengers`),
  stageLabels: { ...STAGE_LABELS },
  statusLabels: { ...STATUS_LABELS },
  outcomeLabels: { ...OUTCOME_LABELS },
  inTrash: 'In the trash',
  actionLabels: { ...LIFECYCLE_LABELS },
  actionsLabel: 'Session status',
  outcomeMenuLabel: 'Outcome',
  applying: (action) => `${action}…`,
  actionFailed: (action, reason) => `${action} failed: ${reason}`,
  operators: 'Operators',
  unreadReplies: (count, formatted) =>
    count === 1 ? '1 unread reply' : `${formatted} unread replies`,
  conversation: 'Conversation',
  editRequest: 'Edit request',
  actionsToggle: 'Actions',
  stageStepper: (current) => `Stage: ${current}`,
  stageStep: (label, position, total) => `${label}, stage ${position} of ${total}`,
  settingStage: (label) => `Stage → ${label}…`,
  stageFailed: (reason) => `The stage was not changed: ${reason}`,
  stagePicker: 'Stage',
  nextStage: (label) => `Next: ${label}`,
  stageNotSet: 'Not set',
  closedCompleted: 'This session is completed.',
  closedArchived: 'This session is archived.',
  noMessagesClosed: 'No messages in this session.',
  reopenToReply: 'Reopen to reply',
  unarchiveToReply: 'Unarchive to reply',
  pausedNote: 'Paused: sending a message resumes this session.',
  trashNote: 'This session is in the trash.',
  restore: 'Restore',
};
