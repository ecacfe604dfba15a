import { statusText } from '@chat-sessions/sdk';
import { ReactiveElement, type PropertyValues } from 'lit';
import type { PreferencesController } from '../controllers/preferences-controller.js';
import { property } from 'lit/decorators.js';
import { ChatSessionSelectEvent } from '../events.js';
import type { CardInteraction, Clock } from '../types.js';
import { NowController, sharedClock } from './clock.js';
import { Formatter } from './format.js';
import { patchCard, type CardElement } from './card-dom.js';
import type { Session } from './sdk.js';
import type { SessionCardCommonStrings } from './strings.js';

/** What assistive technology hears for a card: a sentence, and what may change every minute. */
export interface CardDescription {
  name: string;
  description: string;
}

const noDescription: CardDescription = { name: '', description: '' };

/**
 * What both session cards share: the `session` they show, selection, keyboard activation,
 * locale, clock, and their semantics.
 *
 * The host element, not something inside the shadow root, is what takes focus and carries the
 * role (through ElementInternals). That way a container's roving tabindex moves between cards
 * directly, a listbox owns its options without crossing shadow roots, and a standalone card is
 * one plain tab stop.
 *
 * What assistive technology reads is one sentence ("Flight request, TEB to VNY, 12 December,
 * …"), rendered as visually hidden text so the card is named from its content; the visible
 * summary, with its abbreviations ("6 pax", "3", "5 min ago"), is aria-hidden. The content of a
 * button or an option is presentational anyway, so this changes nothing a user hears; it keeps
 * the name and the visible words in one place, and lets label-in-name checks hold. The parts that
 * change with time (last activity) and detail (operator threads) are the description.
 */
export abstract class SessionCardElement extends ReactiveElement {
  private readonly clockController = new NowController(this, sharedClock);

  /** The session to show, as the SDK returns it (`Session`), or any object of that shape. */
  @property({ attribute: false }) session: Session | null = null;

  /** Whether this is the session open next to the list. Reflected, to style on. */
  @property({ type: Boolean, reflect: true }) selected = false;

  /**
   * A change made to the session waits to be sent (offline): the card shows a clock marker
   * ("Waiting to send") and says so first in its description. Reflected, to style on.
   */
  @property({ type: Boolean, reflect: true }) queued = false;

  /**
   * `button` (default): a focusable button on its own that fires `chat-session-select` on click,
   * Enter and Space. `option`: an option of a container's listbox; the container owns focus,
   * keys, clicks and selection, and the card fires nothing. See `CardInteraction`.
   */
  @property({ reflect: true }) interaction: CardInteraction = 'button';

  /** BCP 47 locale for dates, numbers and relative times, e.g. `de-DE`. Empty: the viewer's. */
  @property() locale = '';

  /** Where "now" comes from for relative times. Defaults to one clock shared by all elements. */
  @property({ attribute: false }) clock: Clock = sharedClock;

  /** Formatting for the current `locale`; replaced in `willUpdate` when the locale changes. */
  protected formatter: Formatter = Formatter.for(undefined);

  private readonly internals: ElementInternals = this.attachInternals();
  private readonly customStates = supportedCustomStates(this.internals);
  private spoken: CardDescription = noDescription;

  /** The provider's locale, clock and strings for this card's family. */
  protected abstract readonly preferences: PreferencesController<
    'flightRequestCard' | 'generalChatCard'
  >;
  private tabindexAddedByCard = false;
  private spaceKeyDown = false;

  constructor() {
    super();
    this.addEventListener('click', this.handleClick);
    this.addEventListener('keydown', this.handleKeyDown);
    this.addEventListener('keyup', this.handleKeyUp);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.syncFocusability();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    this.formatter = Formatter.for(this.preferences.locale(this.locale));
    this.clockController.use(this.preferences.clock(this.clock));
    if (changed.has('interaction')) this.syncFocusability();
    // On every update, clock ticks included: the description carries the relative time.
    this.spoken = this.session ? this.describe(this.session) : noDescription;
    if (this.queued && this.session) {
      const { name, description } = this.spoken;
      const queued = this.commonStrings.queued;
      this.spoken = { name, description: description ? `${queued}, ${description}` : queued };
    }
    this.syncSemantics();
  }

  /** The time relative times are rendered against. */
  protected get now(): number {
    return this.clockController.now;
  }

  /** The strings shared by every card, after the host's overrides. */
  protected abstract get commonStrings(): SessionCardCommonStrings;

  /** The sentence and description for assistive technology, from the current state. */
  protected abstract describe(session: Session): CardDescription;

  /** The card's visible summary for a session (aria-hidden: the sentence says it all). */
  protected abstract renderCard(session: Session): CardElement;

  /** Why the attention order placed the session ("departs tomorrow"), or null outside it. */
  protected attentionText(session: Session): string | null {
    const reason = session.attentionReason;
    if (!reason) return null;
    const amount =
      reason.kind === 'unread' ? reason.count : reason.kind === 'departs_soon' ? reason.days : 0;
    return this.commonStrings.attentionReason(reason, this.formatter.number(amount));
  }

  /** The attention reason's line on the card, in the attention order only. */
  protected renderAttentionReason(session: Session): CardElement | null {
    const text = this.attentionText(session);
    return text
      ? {
          tag: 'span',
          part: 'attention-reason',
          attributes: { 'data-reason': session.attentionReason?.kind ?? '' },
          text,
        }
      : null;
  }

  /**
   * Visible status chip for paused, completed and archived sessions (its icon is drawn by CSS
   * from `data-status`); nothing for active ones.
   */
  protected renderStatus(session: Session): CardElement | null {
    if (session.status === 'active') return null;
    return {
      tag: 'span',
      part: 'status',
      attributes: { 'data-status': session.status },
      text: this.statusText(session),
    };
  }

  /** "Paused", "Completed · Won", "Archived". */
  protected statusText(session: Session): string {
    return statusText(session, this.commonStrings);
  }

  /** The pinned mark (drawn by CSS), or nothing. */
  protected renderPin(session: Session): CardElement | null {
    return session.pinned ? { tag: 'span', part: 'pin' } : null;
  }

  /** The relative time of the last activity, as a `<time>` with the full date as tooltip. */
  protected renderLastActivity(session: Session): CardElement {
    const time = Date.parse(session.lastActivityAt);
    return {
      tag: 'time',
      part: 'time',
      attributes: { datetime: session.lastActivityAt, title: this.formatter.dateTime(time) },
      text: this.formatter.relativeTime(time, this.now, 'short'),
    };
  }

  /** "last activity 5 minutes ago", for the accessible description. */
  protected lastActivityText(session: Session): string {
    const time = Date.parse(session.lastActivityAt);
    const relative = this.formatter.relativeTime(time, this.now, 'long');
    return relative ? this.commonStrings.lastActivity(relative) : '';
  }

  private syncSemantics(): void {
    const internals = this.internals;
    const option = this.interaction === 'option';
    internals.role = option ? 'option' : 'button';
    internals.ariaSelected = option ? String(this.selected) : null;
    // A button can't be "selected"; the open session is the current one of the set.
    internals.ariaCurrent = !option && this.selected ? 'true' : null;
    internals.ariaDescription = this.spoken.description || null;

    const session = this.session;
    this.setState('selected', this.selected);
    this.setState('pinned', session?.pinned ?? false);
    this.setState('unread', (session?.unreadCount ?? 0) > 0);
    this.setState('queued', this.queued);
    for (const status of ['active', 'paused', 'completed', 'archived'] as const) {
      this.setState(status, session?.status === status);
    }
  }

  /** Custom states let hosts style on derived data: `flight-request-card:state(unread)`. */
  private setState(state: string, on: boolean): void {
    const states = this.customStates;
    if (!states) return;
    if (on) states.add(state);
    else states.delete(state);
  }

  /**
   * A standalone card is a tab stop of its own; in a container the container decides. A
   * `tabindex` the host wrote is never touched.
   */
  private syncFocusability(): void {
    if (this.interaction === 'button') {
      if (!this.hasAttribute('tabindex')) {
        this.setAttribute('tabindex', '0');
        this.tabindexAddedByCard = true;
      }
    } else if (this.tabindexAddedByCard) {
      this.removeAttribute('tabindex');
      this.tabindexAddedByCard = false;
    }
  }

  private select(): void {
    if (this.session) this.dispatchEvent(new ChatSessionSelectEvent(this.session));
  }

  private readonly handleClick = (): void => {
    if (this.interaction === 'button') this.select();
  };

  // Like a native button: Enter activates on key down, Space on key up (a Space that began
  // elsewhere does nothing). Space's default, scrolling the page, is prevented.
  private readonly handleKeyDown = (event: KeyboardEvent): void => {
    if (this.interaction !== 'button' || event.target !== this) return;
    if (event.key === 'Enter') {
      event.preventDefault();
      this.select();
    } else if (event.key === ' ') {
      event.preventDefault();
      this.spaceKeyDown = true;
    }
  };

  private readonly handleKeyUp = (event: KeyboardEvent): void => {
    if (this.interaction !== 'button' || event.key !== ' ' || !this.spaceKeyDown) return;
    this.spaceKeyDown = false;
    event.preventDefault();
    this.select();
  };

  protected override update(changed: PropertyValues<this>): void {
    super.update(changed);
    const session = this.session;
    patchCard(
      this.renderRoot,
      session
        ? [
            { tag: 'span', className: 'spoken-name', text: this.spoken.name },
            this.queued
              ? withQueuedMarker(this.renderCard(session), this.commonStrings.queued)
              : this.renderCard(session),
          ]
        : [],
    );
  }
}

/**
 * The card with the "Waiting to send" marker in its header in place of the time (its clock is
 * drawn by CSS): in a 360 px sidebar the title keeps its room while the change waits, and the
 * last activity is back once it is sent. The header is aria-hidden with the rest of the summary;
 * the description says it.
 */
function withQueuedMarker(card: CardElement, text: string): CardElement {
  const marker: CardElement = { tag: 'span', part: 'queued', attributes: { title: text }, text };
  const children = (card.children ?? []).map((child) => {
    if (!child || child.part !== 'header') return child;
    const inHeader = [...(child.children ?? [])];
    const time = inHeader.findIndex((entry) => entry && entry.part === 'time');
    if (time === -1) inHeader.push(marker);
    else inHeader.splice(time, 1, marker);
    return { ...child, children: inHeader };
  });
  return { ...card, children };
}

/**
 * The custom state set, if this browser takes plain state names (`:state(unread)`: Chromium
 * 125+, Safari 17.4+, Firefox 126+). Older Chromium only took `--dashed` names and throws on
 * others; there, cards simply expose no custom states.
 */
function supportedCustomStates(internals: ElementInternals): CustomStateSet | null {
  try {
    internals.states.add('probe');
    internals.states.delete('probe');
    return internals.states;
  } catch {
    return null;
  }
}
