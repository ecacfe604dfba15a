import { STAGE_LABELS } from '@chat-sessions/sdk';
import type { PropertyValues } from 'lit';
import { PreferencesController } from '../controllers/preferences-controller.js';
import { property } from 'lit/decorators.js';
import type { CardElement } from '../internal/card-dom.js';
import type { FlightRequestStage, Session } from '../internal/sdk.js';
import { SessionCardElement, type CardDescription } from '../internal/session-card.js';
import { commonCardStrings, type SessionCardCommonStrings } from '../internal/strings.js';
import type { AirportNameResolver, StringsOverride } from '../types.js';
import { flightRequestCardStyles } from './flight-request-card.styles.js';
import { dealName } from '../internal/deal-name.js';
import { routeShape, type RouteShape } from './route.js';

/** Every user-visible string of `<flight-request-card>`, English by default. */
export interface FlightRequestCardStrings extends SessionCardCommonStrings {
  /** First words of the accessible name. */
  flightRequest: string;
  /** Shown instead of a route while the request has no legs and no title. */
  routeNotSet: string;
  /** Shown instead of dates while no leg has one. */
  datesNotSet: string;
  /** Stage badge labels. */
  stageLabels: Record<FlightRequestStage, string>;
  /** A route in the accessible name, one array of airport names per connected chain. */
  route: (chains: readonly (readonly string[])[]) => string;
  /** A round trip in the accessible name. */
  roundTrip: (from: string, to: string) => string;
  /** Passengers in the accessible name: "6 passengers". */
  passengers: (count: number, formatted: string) => string;
  /** Passengers on the card: "6 pax". */
  passengersShort: (count: number, formatted: string) => string;
  /** Unread operator messages in the accessible name: "3 unread operator replies". */
  unreadReplies: (count: number, formatted: string) => string;
  /** Operator threads on the card: "3/5 operators replied". */
  operatorsReplied: (
    replied: number,
    total: number,
    formattedReplied: string,
    formattedTotal: string,
  ) => string;
  /** Operator threads in the accessible description: "3 of 5 operators replied". */
  operatorsRepliedLong: (
    replied: number,
    total: number,
    formattedReplied: string,
    formattedTotal: string,
  ) => string;
}

const defaultStrings: FlightRequestCardStrings = {
  ...commonCardStrings,
  flightRequest: 'Flight request',
  routeNotSet: 'Route not set yet',
  datesNotSet: 'dates not set',
  stageLabels: { ...STAGE_LABELS },
  route: (chains) => chains.map((chain) => chain.join(' to ')).join(', then '),
  roundTrip: (from, to) => `round trip ${from} to ${to}`,
  passengers: (count, formatted) => (count === 1 ? '1 passenger' : `${formatted} passengers`),
  passengersShort: (_count, formatted) => `${formatted} pax`,
  unreadReplies: (count, formatted) =>
    count === 1 ? '1 unread operator reply' : `${formatted} unread operator replies`,
  operatorsReplied: (_replied, total, replied, all) =>
    `${replied}/${all} ${total === 1 ? 'operator' : 'operators'} replied`,
  operatorsRepliedLong: (_replied, total, replied, all) =>
    `${replied} of ${all} ${total === 1 ? 'operator' : 'operators'} replied`,
};

/**
 * A flight request at a glance: route, dates, passengers, pipeline stage, status, unread operator
 * replies, operator threads and last activity. Works from plain data, so a host can use it in
 * its own lists; `<chat-sidebar>` uses it in its listbox.
 *
 * The card itself is what takes focus and what assistive technology reads: one sentence such as
 * "Flight request, TEB to VNY, 12 December, 6 passengers, Requesting quotes, 3 unread operator
 * replies", with the operator threads and last activity as its description. User text is only
 * ever rendered as text.
 *
 * @summary A flight request's card: route, dates, passengers, stage, status, unread replies.
 *
 * @example
 * ```html
 * <flight-request-card></flight-request-card>
 * <script type="module">
 *   import '@chat-sessions/elements/flight-request-card/define.js';
 *   const card = document.querySelector('flight-request-card');
 *   card.session = session; // a Session from @chat-sessions/sdk
 *   card.airportName = (code) => airports[code]?.city;
 *   card.addEventListener('chat-session-select', (event) => open(event.session.id));
 * </script>
 * ```
 *
 * @event chat-session-select - `ChatSessionSelectEvent`: the user clicked the card or pressed
 *   Enter or Space on it (only with `interaction="button"`, the default). Bubbles, composed.
 *
 * @csspart base - The card's box: background, border, padding.
 * @csspart header - The first line: the deal's name (else the route), pin, last activity.
 * @csspart deal-name - The deal's name (the session's title, when it names the deal rather than
 *   repeating the route), truncated with an ellipsis; the route then leads the second line.
 * @csspart route - The route (`TEB → VNY`, `TEB ⇄ VNY`, `TEB → VNY → SFO`), or the title while
 *   there are no legs.
 * @csspart pin - The pinned indicator, present when the session is pinned.
 * @csspart time - The last activity as relative time, a `<time>` element.
 * @csspart details - The second line: dates, passengers and the unread badge.
 * @csspart dates - The leg dates.
 * @csspart passengers - The passenger count.
 * @csspart badge - Both badges (stage and unread).
 * @csspart unread-badge - Unread operator replies, "99+" past 99; absent at zero.
 * @csspart meta - The third line: stage, status, operator threads.
 * @csspart stage-badge - The pipeline stage, marked with the stage's colour token.
 * @csspart status - Paused, completed or archived; absent for active sessions.
 * @csspart threads - "3/5 operators replied"; absent without operator threads.
 * @csspart attention-reason - Why the attention order placed it ("departs tomorrow"); only in that order.
 *
 * @cssprop --flight-request-card-background - Card background. Default: `--chat-color-surface`.
 * @cssprop --flight-request-card-hover-background - Background under the pointer. Default: `--chat-color-surface-hover`.
 * @cssprop --flight-request-card-selected-background - Background when selected. Default: `--chat-color-surface-selected`.
 * @cssprop --flight-request-card-selected-indicator-color - The selected card's edge. Default: `--chat-color-accent`.
 * @cssprop --flight-request-card-color - Text colour. Default: `--chat-color-text`.
 * @cssprop --flight-request-card-muted-color - Secondary text. Default: `--chat-color-text-muted`.
 * @cssprop --flight-request-card-border-color - Border. Default: `--chat-color-border`.
 * @cssprop --flight-request-card-radius - Corner radius. Default: `--chat-radius`.
 * @cssprop --flight-request-card-padding - Padding. Default: `10px 12px`.
 * @cssprop --flight-request-card-focus-ring-color - Focus ring. Default: `--chat-color-focus-ring`, then `--chat-color-accent`.
 * @cssprop --flight-request-card-unread-background - Unread badge background. Default: `--chat-color-accent`.
 * @cssprop --flight-request-card-unread-color - Unread badge text. Default: `--chat-color-on-accent`.
 * @cssprop --chat-stage-understanding-request - Stage colour (one token per stage, underscores as hyphens, through `--chat-stage-closed-won`).
 * @cssprop --chat-status-paused - Paused status colour (also `--chat-status-completed`, `--chat-status-archived`).
 *
 * @cssstate selected - The card is selected (also the reflected `selected` attribute).
 * @cssstate pinned - The session is pinned.
 * @cssstate unread - The session has unread operator replies.
 * @cssstate active - The session is active (exactly one of the four status states is on).
 * @cssstate paused - The session is paused.
 * @cssstate completed - The session is completed.
 * @cssstate archived - The session is archived.
 */
export class FlightRequestCard extends SessionCardElement {
  static override styles = flightRequestCardStyles;

  /** The English strings every override is laid over. */
  static readonly defaultStrings: Readonly<FlightRequestCardStrings> = defaultStrings;

  /** Overrides for any of the card's strings (see `FlightRequestCardStrings`). */
  @property({ attribute: false }) strings: StringsOverride<FlightRequestCardStrings> = {};

  /** Turns airport codes into names ("Teterboro"). Without it, or when it returns nothing, codes. */
  @property({ attribute: false }) airportName: AirportNameResolver | null = null;

  private text: FlightRequestCardStrings = defaultStrings;
  protected readonly preferences = new PreferencesController(this, 'flightRequestCard');

  protected override willUpdate(changed: PropertyValues<this>): void {
    this.text = this.preferences.strings(defaultStrings, this.strings);
    super.willUpdate(changed);
  }

  protected override get commonStrings(): SessionCardCommonStrings {
    return this.text;
  }

  protected override describe(session: Session): CardDescription {
    const text = this.text;
    const shape = routeShape(session.tripType, session.legs);
    const formatter = this.formatter;
    const name: string[] = [text.flightRequest];
    const deal = shape.type === 'none' ? '' : dealName(session);
    if (deal) name.push(deal);
    name.push(this.routeSentence(session, shape));
    name.push(this.datesText(shape, 'long') ?? text.datesNotSet);
    if (session.passengers !== null) {
      name.push(text.passengers(session.passengers, formatter.number(session.passengers)));
    }
    if (session.stage) name.push(text.stageLabels[session.stage]);
    if (session.status !== 'active') name.push(this.statusText(session));
    if (session.pinned) name.push(text.pinned);
    if (session.unreadCount > 0) {
      name.push(text.unreadReplies(session.unreadCount, formatter.number(session.unreadCount)));
    }

    const description: string[] = [this.attentionText(session) ?? ''];
    if (session.threadCount > 0)
      description.push(this.threadsText(session, text.operatorsRepliedLong));
    description.push(this.lastActivityText(session));
    return { name: name.join(', '), description: description.filter(Boolean).join(', ') };
  }

  protected override renderCard(session: Session): CardElement {
    const text = this.text;
    const shape = routeShape(session.tripType, session.legs);
    const dates = this.datesText(shape, 'short');
    // With a deal name, it leads and the route goes under it, before the dates.
    const name = shape.type === 'none' ? '' : dealName(session);
    const routeText = this.routeText(session, shape);
    const route: CardElement = {
      tag: 'span',
      part: 'route',
      className: name ? undefined : 'primary',
      attributes: { title: routeText },
      text: routeText,
    };
    return {
      tag: 'div',
      part: 'base',
      attributes: {
        'aria-hidden': 'true',
        'data-status': session.status,
        'data-trip-type': shape.type,
      },
      children: [
        {
          tag: 'div',
          part: 'header',
          children: [
            name
              ? {
                  tag: 'span',
                  part: 'deal-name',
                  className: 'primary',
                  attributes: { title: name },
                  text: name,
                }
              : route,
            this.renderPin(session),
            this.renderLastActivity(session),
          ],
        },
        {
          tag: 'div',
          part: 'details',
          children: [
            {
              // Its children are separated by " · " (CSS). The line is cut at its end when
              // narrow: the passengers (short) before the dates (long across a year end), so
              // the count always shows and only the last date's tail is lost.
              tag: 'span',
              className: 'secondary',
              children: [
                name && route,
                session.passengers !== null && {
                  tag: 'span',
                  part: 'passengers',
                  text: text.passengersShort(
                    session.passengers,
                    this.formatter.number(session.passengers),
                  ),
                },
                { tag: 'span', part: 'dates', text: dates ?? text.datesNotSet },
              ],
            },
            session.unreadCount > 0 && {
              tag: 'span',
              part: 'badge unread-badge',
              text: this.formatter.count(session.unreadCount),
            },
          ],
        },
        {
          tag: 'div',
          part: 'meta',
          children: [
            session.stage && {
              tag: 'span',
              part: 'badge stage-badge',
              attributes: { 'data-stage': session.stage },
              text: text.stageLabels[session.stage],
            },
            this.renderStatus(session),
            this.renderAttentionReason(session),
            session.threadCount > 0 && {
              tag: 'span',
              part: 'threads',
              text: this.threadsText(session, text.operatorsReplied),
            },
          ],
        },
      ],
    };
  }

  /** The route as one line of text: "TEB → VNY", "TEB ⇄ VNY", "TEB → VNY → SFO, LAS → TEB". */
  private routeText(session: Session, shape: RouteShape): string {
    if (shape.type === 'none') return session.title || this.text.routeNotSet;
    const arrow = shape.type === 'round_trip' ? ' ⇄ ' : ' → ';
    return shape.chains
      .map((chain) => chain.map((code) => this.airport(code)).join(arrow))
      .join(', ');
  }

  private routeSentence(session: Session, shape: RouteShape): string {
    const text = this.text;
    if (shape.type === 'none') return session.title || text.routeNotSet;
    const chains = shape.chains.map((chain) => chain.map((code) => this.airport(code)));
    const [from = '', to = ''] = chains[0] ?? [];
    return shape.type === 'round_trip' ? text.roundTrip(from, to) : text.route(chains);
  }

  private datesText(shape: RouteShape, length: 'short' | 'long'): string | null {
    if (!shape.dates) return null;
    const { first, last } = shape.dates;
    return last
      ? this.formatter.calendarRange(first, last, this.now, length)
      : this.formatter.calendarDate(first, this.now, length);
  }

  private threadsText(
    session: Session,
    phrase: FlightRequestCardStrings['operatorsReplied'],
  ): string {
    return phrase(
      session.repliedThreadCount,
      session.threadCount,
      this.formatter.number(session.repliedThreadCount),
      this.formatter.number(session.threadCount),
    );
  }

  private airport(code: string): string {
    return this.airportName?.(code) || code;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'flight-request-card': FlightRequestCard;
  }
}
