// What the conversation elements (<chat-message>, <chat-composer>, <chat-session-view>,
// <operator-thread-list>) share: the SDK's message and thread types, by type only, message time
// formatting, and keeping a scrolled transcript in place while content is added above it.
import type { Formatter } from './format.js';

export type {
  Message,
  MessageContentType,
  MessageRole,
} from '../../packages/sdk/src/models/message.js';
export type {
  OperatorThread,
  OperatorThreadStatus,
} from '../../packages/sdk/src/models/operator-thread.js';

/**
 * Where a message stands on its way to the server: saved (`sent`), on its way (`pending`), or
 * refused or lost (`failed`, retryable).
 */
export type MessageDelivery = 'sent' | 'pending' | 'failed';

const timeFormats = new Map<string, Intl.DateTimeFormat>();

function timeFormat(locale: string | undefined, withDate: boolean): Intl.DateTimeFormat {
  const key = `${locale ?? ''}|${withDate}`;
  let format = timeFormats.get(key);
  if (!format) {
    // The locale's own short time ("09:05" in en-GB, "9:05 AM" in en-US). With a date, the
    // fields are spelled out, so the hour is padded as the locale's 24-hour clocks pad it.
    const clockTime = new Intl.DateTimeFormat(locale, { timeStyle: 'short' });
    if (withDate) {
      const { hourCycle } = clockTime.resolvedOptions();
      const padded = hourCycle === 'h23' || hourCycle === 'h24';
      format = new Intl.DateTimeFormat(locale, {
        day: 'numeric',
        month: 'short',
        hour: padded ? '2-digit' : 'numeric',
        minute: '2-digit',
      });
    } else {
      format = clockTime;
    }
    timeFormats.set(key, format);
  }
  return format;
}

/**
 * A message's time as a transcript shows it: the clock time for today ("14:05", "2:05 PM"),
 * with the date for other days ("30 Nov, 14:05"). Empty for an unreadable time.
 */
export function messageTime(formatter: Formatter, time: number, now: number): string {
  if (Number.isNaN(time)) return '';
  const day = new Date(time);
  const today = new Date(now);
  const sameDay =
    day.getFullYear() === today.getFullYear() &&
    day.getMonth() === today.getMonth() &&
    day.getDate() === today.getDate();
  return timeFormat(formatter.locale, !sameDay).format(time);
}

/**
 * Keeps what a reader sees still while content is inserted above it (older messages): call
 * before the insertion, then call the returned function after the DOM has changed. The distance
 * from the bottom of the scrolled content is what stays the same.
 */
export function anchorScrollFromBottom(scroller: HTMLElement): () => void {
  const fromBottom = scroller.scrollHeight - scroller.scrollTop;
  return () => {
    scroller.scrollTop = scroller.scrollHeight - fromBottom;
  };
}

/** True when the transcript is scrolled to (within `slack` px of) its end. */
export function isScrolledToEnd(scroller: HTMLElement, slack = 24): boolean {
  return scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight <= slack;
}
