// What the conversation elements (<chat-message>, <chat-composer>, <chat-session-view>,
// <operator-thread-list>) share: the SDK's message and thread types, by type only, message time
// formatting, and keeping a scrolled transcript in place while content is added above it.
import {
  html,
  nothing,
  type ReactiveController,
  type ReactiveControllerHost,
  type TemplateResult,
} from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { ChatSessionsClient, ConnectionSnapshot, ConnectionState } from '@chat-sessions/sdk';
import type { ChatMessageStrings } from '../chat-message/chat-message.js';
import { RuntimeStoreController } from '../controllers/runtime-store-controller.js';
import type { Clock, StringsOverride } from '../types.js';
import type { Formatter } from './format.js';

import type { TranscriptItem, TranscriptSnapshot, TranscriptStrings } from '../transcript-types.js';

export type {
  MessageDelivery,
  TranscriptItem,
  TranscriptSnapshot,
  TranscriptStore,
  TranscriptStrings,
} from '../transcript-types.js';
export type {
  Message,
  MessageContentType,
  MessageRole,
  OperatorThread,
  OperatorThreadStatus,
} from '@chat-sessions/sdk';

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

interface ScrollMeasure {
  atEnd: boolean;
  firstId: string | undefined;
  lastId: string | undefined;
  /** The message the reader's place is kept by, and its distance from the top of the view. */
  anchor: { id: string; offset: number } | null;
}

/** Where a message's element is, from the top of the transcript's visible area. */
function offsetInView(scroller: HTMLElement, element: Element): number {
  return element.getBoundingClientRect().top - scroller.getBoundingClientRect().top;
}

function messageElement(scroller: HTMLElement, id: string): Element | null {
  return scroller.querySelector(`[data-message-id="${CSS.escape(id)}"]`);
}

/**
 * Keeps a transcript's scroll position right as its messages change (a reactive controller of
 * the element that renders the transcript):
 * - the first time messages show, and whenever one arrives while the reader is at the end, it
 *   scrolls to the end (the reader follows the conversation);
 * - when earlier messages are put above ("load earlier"), what the reader sees stays exactly
 *   where it was: the first message shown before stays at the same distance from the top;
 * - otherwise (the reader scrolled up to read), nothing moves.
 *
 * Messages are elements that render after their container, so the adjustment waits for them;
 * `settled` resolves once it is done (elements fold it into their `updateComplete`).
 */
export class TranscriptScrollController implements ReactiveController {
  private measure: ScrollMeasure | null = null;
  private shownFirstId: string | undefined;
  private shownLastId: string | undefined;
  private followOwn = false;
  /** Resolves once the last update's scroll adjustment is done. */
  settled: Promise<void> = Promise.resolve();

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly scroller: () => HTMLElement | null,
    private readonly items: () => readonly TranscriptItem[],
  ) {
    host.addController(this);
  }

  /** Scroll to the end after the next update, wherever the reader is (e.g. after sending). */
  followNextUpdate(): void {
    this.followOwn = true;
    this.host.requestUpdate();
  }

  /** Forget the conversation shown: the next messages are a first load, shown from the end. */
  reset(): void {
    this.shownFirstId = undefined;
    this.shownLastId = undefined;
  }

  hostUpdate(): void {
    const scroller = this.scroller();
    if (!scroller) {
      this.measure = null;
      return;
    }
    const firstId = this.shownFirstId;
    const first = firstId === undefined ? null : messageElement(scroller, firstId);
    this.measure = {
      atEnd: isScrolledToEnd(scroller),
      firstId,
      lastId: this.shownLastId,
      anchor:
        first && firstId !== undefined
          ? { id: firstId, offset: offsetInView(scroller, first) }
          : null,
    };
  }

  hostUpdated(): void {
    const scroller = this.scroller();
    const items = this.items();
    const before = this.measure;
    const firstId = items[0]?.id;
    const lastId = items[items.length - 1]?.id;
    this.shownFirstId = firstId;
    this.shownLastId = lastId;
    const follow = this.followOwn;
    this.followOwn = false;
    if (!scroller || items.length === 0) return;

    const firstShowing = !before || before.lastId === undefined;
    const grewAtEnd = before !== null && lastId !== before.lastId;
    const grewAtStart =
      before !== null && before.firstId !== undefined && firstId !== before.firstId;
    let adjust: (() => void) | null = null;
    if (firstShowing || follow || (grewAtEnd && before.atEnd)) {
      adjust = () => {
        scroller.scrollTop = scroller.scrollHeight;
      };
    } else if (grewAtStart && before.anchor) {
      const anchor = before.anchor;
      adjust = () => {
        const element = messageElement(scroller, anchor.id);
        if (element) scroller.scrollTop += offsetInView(scroller, element) - anchor.offset;
      };
    }
    if (!adjust) return;
    // The messages render in their own update, right after this one: adjust once they have
    // (still before the browser paints, so the reader never sees the jump).
    const rendering = [...scroller.querySelectorAll('*')]
      .map((element) => (element as Partial<ReactiveElementLike>).updateComplete)
      .filter((update): update is Promise<boolean> => update instanceof Promise);
    const apply = adjust;
    this.settled = Promise.all(rendering).then(apply, apply);
  }
}

interface ReactiveElementLike {
  updateComplete: Promise<boolean>;
}

/** A store a conversation element loads (messages, operator threads), as far as recovery uses it. */
export interface ReloadableStore {
  getSnapshot(): { readonly error: unknown };
  load(): Promise<unknown>;
}

/**
 * Follows the connection of the client's runtime for a conversation element: `offline` while
 * calls are being lost (the element then says so instead of showing a load error), and when the
 * connection is back, loads again each of the element's stores whose load failed, so what was
 * opened offline shows by itself, with no Try again. Nothing is reloaded after a failure the
 * connection had no part in (the connection stayed online): that one keeps its Try again.
 */
export class ConnectionRecoveryController implements ReactiveController {
  private readonly connection: RuntimeStoreController<ConnectionState, ConnectionSnapshot>;
  private wasOnline = true;

  constructor(
    host: ReactiveControllerHost & HTMLElement,
    private readonly client: () => ChatSessionsClient | null,
    private readonly stores: () => ReadonlyArray<ReloadableStore | null>,
  ) {
    this.connection = new RuntimeStoreController(host);
    host.addController(this);
  }

  /** True while the runtime's calls are being lost (`offline` or `reconnecting`). */
  get offline(): boolean {
    const status = this.connection.snapshot?.status;
    return status === 'offline' || status === 'reconnecting';
  }

  hostUpdate(): void {
    this.connection.use({
      client: this.client(),
      key: 'connection',
      select: (runtime) => runtime.connection,
    });
    const online = (this.connection.snapshot?.status ?? 'online') === 'online';
    if (online && !this.wasOnline) {
      for (const store of this.stores()) {
        // Outside the update: a store tells its listeners (the host) at once.
        if (store?.getSnapshot().error) queueMicrotask(() => void store.load());
      }
    }
    this.wasOnline = online;
  }
}

/** English defaults of {@link TranscriptStrings}. */
export const transcriptStrings: TranscriptStrings = {
  loadEarlier: 'Load earlier messages',
  loadingEarlier: 'Loading earlier messages…',
  loadingMessages: 'Loading messages…',
  noMessages: 'No messages yet',
  loadFailed: 'Messages could not be loaded.',
  tryAgain: 'Try again',
  offlineMessages: 'You’re offline — messages load when the connection returns.',
};

/** What {@link renderTranscript} shows and how it reports what the user does. */
export interface TranscriptView {
  snapshot: TranscriptSnapshot | undefined;
  strings: TranscriptStrings;
  locale: string;
  clock: Clock;
  /** Strings passed on to every <chat-message>. */
  messageStrings: StringsOverride<ChatMessageStrings>;
  /** The author shown for a message (e.g. the operator's name), or '' for its role's label. */
  authorOf?: (item: TranscriptItem) => string;
  /** The connection is lost: a failed load waits for it (said plainly, no error, no Try again). */
  offline?: boolean;
  onLoadEarlier: () => void;
  onReload: () => void;
}

const messageParts =
  'base: message-base, header: message-header, author: message-author, time: message-time, ' +
  'content: message-content, delivery: message-delivery, retry-button: message-retry-button';

/**
 * The inside of a transcript: "load earlier" while earlier messages exist, the loading, empty,
 * offline and error notes, and one <chat-message> per message (keyed by id, so a message going from
 * pending to sent keeps its element, and focus on its Retry button).
 */
export function renderTranscript(view: TranscriptView): TemplateResult {
  const { snapshot, strings } = view;
  const items = snapshot?.items ?? [];
  const loadingOlder = snapshot?.loadingOlder ?? false;
  return html`
    ${
      snapshot?.hasOlder
        ? html`<button
          part="load-earlier-button"
          type="button"
          aria-disabled=${loadingOlder ? 'true' : 'false'}
          @click=${loadingOlder ? null : view.onLoadEarlier}
        >
          ${loadingOlder ? strings.loadingEarlier : strings.loadEarlier}
        </button>`
        : nothing
    }
    ${
      snapshot?.error && view.offline
        ? html`<p class="transcript-offline" part="transcript-note transcript-offline">
          ${strings.offlineMessages}
        </p>`
        : snapshot?.error
          ? html`<p class="transcript-error" part="transcript-error">
          ${strings.loadFailed}
          <button class="text-button" type="button" @click=${view.onReload}>${strings.tryAgain}</button>
        </p>`
          : nothing
    }
    ${
      snapshot && items.length === 0 && !snapshot.error
        ? html`<p class="transcript-note" part="transcript-note">
          ${snapshot.loaded ? strings.noMessages : strings.loadingMessages}
        </p>`
        : nothing
    }
    ${repeat(
      items,
      (item) => item.id,
      (item) => html`<chat-message
        data-message-id=${item.id}
        exportparts=${messageParts}
        .message=${item}
        delivery=${item.delivery}
        author=${view.authorOf?.(item) ?? ''}
        locale=${view.locale}
        .clock=${view.clock}
        .strings=${view.messageStrings}
      ></chat-message>`,
    )}
  `;
}
