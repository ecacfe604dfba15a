import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import type { CreateSessionInput, TripType } from '@chat-sessions/sdk';
import type { QuickCreateDraft } from '../chat-sidebar/quick-create.js';
import { resolveStrings } from '../internal/strings.js';
import type { AirportNameResolver, StringsOverride } from '../types.js';
import {
  createInputFromModel,
  modelFromDraft,
  openQuestion,
  problemsOf,
  withLegField,
  type PreviewChoices,
  type PreviewLeg,
  type PreviewModel,
  type OpenQuestion,
  type PreviewProblems,
} from './preview-model.js';
import { quickCreatePreviewStyles } from './quick-create-preview.styles.js';
import { defaultQuickCreatePreviewStrings, type QuickCreatePreviewStrings } from './strings.js';

/**
 * Where a pick is remembered: by the words asked about, the same for a departure and an
 * arrival ("London" picked as LGW once is LGW on the way back too); dates on their own.
 */
function pickKey(field: 'from' | 'to' | 'date', text: string): string {
  return field === 'date' ? `date:${text}` : `airport:${text}`;
}

/** Reads a draft from the broker's text (quick create's reader: endpoint, host parser or SDK). */
export type QuickCreateReader = (text: string, signal: AbortSignal) => Promise<QuickCreateDraft>;

/** The broker pressed Enter in the preview: create now. Not composed. */
export class QuickCreatePreviewSubmitEvent extends Event {
  static readonly eventName = 'chat-quick-create-preview-submit';
  constructor() {
    super(QuickCreatePreviewSubmitEvent.eventName, { bubbles: true });
  }
}

/** The broker pressed Escape in the preview, or its close button: close it. Not composed. */
export class QuickCreatePreviewCancelEvent extends Event {
  static readonly eventName = 'chat-quick-create-preview-cancel';
  constructor() {
    super(QuickCreatePreviewCancelEvent.eventName, { bubbles: true });
  }
}

const TRIP_TYPES: readonly TripType[] = ['one_way', 'round_trip', 'multi_leg'];

/** `London Heathrow Airport, London` read for `London` → `Heathrow`: what tells choices apart. */
function shortName(label: string, said: string): { code: string; name: string } {
  const [code = label, rest = ''] = label.split(' · ');
  let name = rest.replace(/,[^,]*$/, '').replace(/\b(?:International\s+)?Airport\b/gi, '');
  const prefix = `${said.trim()} `;
  if (name.toLowerCase().startsWith(prefix.toLowerCase()) && name.length > prefix.length)
    name = name.slice(prefix.length);
  return { code, name: name.replace(/\s+/g, ' ').trim() || rest };
}

/**
 * What quick create understood from the broker's text, shown as they type and corrected in
 * place: route legs (an airport with several readings, such as "London", offered as choices),
 * dates (a date with two readings as choices; any date can be changed), passengers and trip
 * type, each problem marked. Enter creates what the preview shows (`createInput`) once nothing
 * is left to choose; until then it goes to the first open choice and says what to settle
 * (nothing the text said is dropped without the broker knowing). Escape closes it. Loaded lazily by `<chat-sidebar>`'s quick create; not a public element.
 *
 * @summary Quick create's preview: what the text says, with choices for what it leaves open.
 *
 * @event chat-quick-create-preview-submit - `QuickCreatePreviewSubmitEvent`: Enter. Not composed.
 * @event chat-quick-create-preview-cancel - `QuickCreatePreviewCancelEvent`: Escape, or the close
 *   button (`part="close-button"`, for touch). Not composed.
 *
 * @csspart base - The preview's box. Inside: `kind`, `summary`, `trip-type`, `passengers`,
 *   `leg`, `choices` / `choice` (an airport's or a date's readings), `date`, `issues`, `ask`
 *   (what Enter found left to choose), `keys`.
 */
export class ChatQuickCreatePreview extends LitElement {
  static override styles = quickCreatePreviewStyles;

  /** The broker's text. */
  @property() text = '';

  /** Reads a draft from text; the preview shows nothing without one. */
  @property({ attribute: false }) reader: QuickCreateReader | null = null;

  /** Names airports next to their codes (`TEB` → `Teterboro`). */
  @property({ attribute: false }) airportName: AirportNameResolver | null = null;

  /**
   * How long typing must pause before the text is read, in ms. Quick create waits longer when
   * a metadata endpoint reads it (each read is a request counted against the broker's limit).
   */
  @property({ type: Number }) delay = 150;

  /** BCP 47 locale for dates. Empty: the viewer's. */
  @property() locale = '';

  /** Overrides for any of the preview's strings. */
  @property({ attribute: false }) strings: StringsOverride<QuickCreatePreviewStrings> = {};

  @state() private model: PreviewModel | null = null;
  /** The text `model` was read from. */
  @state() private modelText = '';
  /** Enter was pressed with something left to choose: the preview says what, until it is settled. */
  @state() private asked = false;

  /** The broker's picks by what they answer (`from:London` → `LCY`), kept while they type on. */
  private readonly picks = new Map<string, string>();
  private text$: QuickCreatePreviewStrings = defaultQuickCreatePreviewStrings;
  private problems: PreviewProblems = { fields: new Set(), passengers: false, count: 0 };
  private timer: ReturnType<typeof setTimeout> | undefined;
  private reading: AbortController | null = null;

  /** True when the preview shows what the current text says. */
  get current(): boolean {
    return this.model !== null && this.modelText === this.text.trim();
  }

  /**
   * What to create from the preview, as corrected; null while it is not `current`; false when
   * something is left to choose (an airport, a date's reading, a date or passengers to correct):
   * then focus goes to it and the preview says what to settle, and nothing is created.
   */
  createInput(): CreateSessionInput | null | false {
    if (!this.current || !this.model) return null;
    const open = openQuestion(this.model, problemsOf(this.model));
    if (!open) return createInputFromModel(this.model);
    this.asked = true;
    this.focusOn(open);
    return false;
  }

  /** Moves focus to where `open` is settled: its picked (else first) choice, or its field. */
  private focusOn(open: OpenQuestion): void {
    const root = this.renderRoot;
    const target =
      open.field === 'passengers'
        ? root.querySelector<HTMLElement>('#passengers')
        : open.field === 'date' && !open.choices
          ? root.querySelector<HTMLElement>(`#leg${open.leg}-date`)
          : (root.querySelector<HTMLElement>(
              `input[name="leg${open.leg}-${open.field}"]:checked`,
            ) ?? root.querySelector<HTMLElement>(`input[name="leg${open.leg}-${open.field}"]`));
    target?.focus();
  }

  /** What Enter asks for, in words: "Not created yet: Which London? …". */
  private askText(open: OpenQuestion): string {
    const text = this.text$;
    if (open.field === 'passengers') return text.askFix(text.passengers, text.passengersOutOfRange);
    if (open.field !== 'date') return text.askChoice(text.whichAirport(open.choices.text));
    return open.choices
      ? text.askChoice(text.whichDate(open.choices.text))
      : text.askFix(text.date, text.dateBeforePrevious);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.timer);
    this.reading?.abort();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    this.text$ = resolveStrings(defaultQuickCreatePreviewStrings, this.strings);
    if (changed.has('text') || changed.has('reader') || changed.has('delay')) this.schedule();
    this.problems = this.model
      ? problemsOf(this.model)
      : { fields: new Set(), passengers: false, count: 0 };
  }

  private schedule(): void {
    clearTimeout(this.timer);
    const text = this.text.trim();
    if (text === this.modelText && this.model) return;
    this.timer = setTimeout(() => void this.read(text), this.delay);
  }

  private async read(text: string): Promise<void> {
    this.reading?.abort();
    const reader = this.reader;
    if (!text || !reader) return;
    const reading = new AbortController();
    this.reading = reading;
    try {
      const draft = await reader(text, reading.signal);
      if (reading.signal.aborted) return;
      this.model = this.withPicks(modelFromDraft(draft));
      this.modelText = text;
    } catch {
      // The text stays; Enter still creates from it (quick create reads it again).
    }
  }

  /** A fresh reading with the broker's earlier picks applied where the same words are asked about. */
  private withPicks(model: PreviewModel): PreviewModel {
    let next = model;
    model.legs.forEach((leg, index) => {
      for (const field of ['from', 'to', 'date'] as const) {
        const choices = leg.choices[field];
        const picked = choices && this.picks.get(pickKey(field, choices.text));
        if (picked && choices.options.some((option) => option.value === picked))
          next = withLegField(next, index, field, picked);
      }
    });
    return next;
  }

  private set(model: PreviewModel): void {
    this.model = model;
  }

  /** Escape or the close button: the sidebar closes the preview and puts focus in the field. */
  private readonly cancel = (): void => {
    this.dispatchEvent(new QuickCreatePreviewCancelEvent());
  };

  private handleKeyDown(event: KeyboardEvent): void {
    if (event.isComposing || event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      this.cancel();
    } else if (event.key === 'Enter' && !(event.composedPath()[0] instanceof HTMLButtonElement)) {
      event.preventDefault();
      this.dispatchEvent(new QuickCreatePreviewSubmitEvent());
    }
  }

  // ─── Rendering ──────────────────────────────────────────────────────────────────────────

  private dateText(date: string): string {
    const format = new Intl.DateTimeFormat(this.locale || undefined, {
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      timeZone: 'UTC',
    });
    return format.format(new Date(`${date}T00:00:00Z`));
  }

  private renderChoices(
    index: number,
    field: 'from' | 'to' | 'date',
    choices: PreviewChoices,
    value: string | null,
    legend: string,
  ): TemplateResult {
    const text = this.text$;
    const open = value === null || this.problems.fields.has(`${index}:${field}`);
    // Asked while open; once answered, the words it answers ("From: London").
    const question = !open
      ? choices.text
      : field === 'date'
        ? text.whichDate(choices.text)
        : text.whichAirport(choices.text);
    return html`<fieldset part="choices-group">
      <legend class=${open ? 'problem' : 'label'}>
        ${open ? html`<span class="marker" aria-hidden="true">⚠</span>` : nothing}${legend}:
        ${question}
      </legend>
      <div part="choices">
        ${choices.options.map((option) => {
          const label =
            field === 'date'
              ? { code: this.dateText(option.value), name: '' }
              : shortName(option.label, choices.text);
          return html`<label part="choice" title=${option.label}>
            <input
              type="radio"
              name=${`leg${index}-${field}`}
              value=${option.value}
              .checked=${live(value === option.value)}
              @change=${() => {
                this.picks.set(pickKey(field, choices.text), option.value);
                // The same words elsewhere (a round trip's return leg) take the same pick.
                this.set(
                  this.withPicks(withLegField(this.model ?? empty, index, field, option.value)),
                );
              }}
            /><span class="code">${label.code}</span>${
              label.name ? html`<span class="name">${label.name}</span>` : nothing
            }
          </label>`;
        })}
      </div>
    </fieldset>`;
  }

  private renderAirport(leg: PreviewLeg, index: number, field: 'from' | 'to'): TemplateResult {
    const text = this.text$;
    const legend = field === 'from' ? text.from : text.to;
    const choices = leg.choices[field];
    const code = leg[field];
    if (choices) return this.renderChoices(index, field, choices, code, legend);
    const name = code ? this.airportName?.(code) : null;
    return html`<span class="label">${legend}</span>
      <span class="value"
        >${
          code
            ? html`<span class="code">${code}</span>${name ? html` <span class="name">${name}</span>` : nothing}`
            : html`<span class="problem">${text.notSet}</span>`
        }</span
      >`;
  }

  private renderLeg(leg: PreviewLeg, index: number, count: number): TemplateResult {
    const text = this.text$;
    const id = `leg${index}-date`;
    const dateProblem = this.problems.fields.has(`${index}:date`) && leg.date !== null;
    return html`<li part="leg">
      ${count > 1 ? html`<span class="leg-title">${text.leg(index + 1)}</span>` : nothing}
      ${this.renderAirport(leg, index, 'from')} ${this.renderAirport(leg, index, 'to')}
      <label class="label" for=${id}>${text.date}</label>
      <span class="date-value">
        <input
          part="date"
          id=${id}
          type="date"
          .value=${live(leg.date ?? '')}
          aria-invalid=${dateProblem ? 'true' : 'false'}
          aria-describedby=${dateProblem ? `${id}-problem` : nothing}
          @change=${(event: Event) =>
            this.set(
              withLegField(
                this.model ?? empty,
                index,
                'date',
                (event.target as HTMLInputElement).value,
              ),
            )}
        /><span class="name" part="date-text"
          >${leg.date ? this.dateText(leg.date) : ''}${leg.time ? ` · ${leg.time}` : ''}</span
        >
        ${
          dateProblem
            ? html`<span class="problem" id=${`${id}-problem`}>${text.dateBeforePrevious}</span>`
            : nothing
        }
      </span>
      ${
        leg.choices.date
          ? this.renderChoices(index, 'date', leg.choices.date, leg.date, text.date)
          : nothing
      }
    </li>`;
  }

  private renderFlight(model: PreviewModel): TemplateResult {
    const text = this.text$;
    const problems = this.problems;
    return html`<div class="row">
        <label class="label" for="trip-type">${text.tripType}</label>
        <span class="value">
          <select
            part="trip-type"
            id="trip-type"
            @change=${(event: Event) => {
              const value = (event.target as HTMLSelectElement).value as TripType | '';
              this.set({ ...model, tripType: value || null });
            }}
          >
            <option value="" ?selected=${model.tripType === null}>${text.tripTypeNotSet}</option>
            ${TRIP_TYPES.map(
              (type) =>
                html`<option value=${type} ?selected=${model.tripType === type}>
                  ${text.tripTypes[type]}
                </option>`,
            )}
          </select>
        </span>
        <label class="label" for="passengers">${text.passengers}</label>
        <span class="value">
          <input
            part="passengers"
            id="passengers"
            type="number"
            inputmode="numeric"
            min="1"
            max="999"
            .value=${live(model.passengers === null ? '' : String(model.passengers))}
            aria-invalid=${problems.passengers ? 'true' : 'false'}
            aria-describedby=${problems.passengers ? 'passengers-problem' : nothing}
            @input=${(event: Event) => {
              const raw = (event.target as HTMLInputElement).value;
              this.set({ ...model, passengers: raw === '' ? null : Number(raw) });
            }}
          />
          ${
            problems.passengers
              ? html`<span class="problem" id="passengers-problem">${text.passengersOutOfRange}</span>`
              : nothing
          }
        </span>
      </div>
      ${model.legs.length === 0 ? html`<p class="problem">${text.noRoute}</p>` : nothing}
      <ol class="legs">
        ${model.legs.map((leg, index) => this.renderLeg(leg, index, model.legs.length))}
      </ol>`;
  }

  protected override render(): TemplateResult {
    const text = this.text$;
    const model = this.model;
    const count = this.problems.count + (model?.issues.length ?? 0);
    const open = model ? openQuestion(model, this.problems) : null;
    return html`<section
      part="base"
      aria-label=${text.label}
      aria-busy=${this.current ? 'false' : 'true'}
      @keydown=${this.handleKeyDown}
    >
      ${
        model
          ? html`<div class="head">
              <span part="kind">
                ${model.kind === 'general' ? text.generalChat : text.flightRequest}
              </span>
              <span part="summary" class=${count > 0 ? 'warn' : ''} role="status"
                >${model.kind === 'general' ? '' : text.problems(count)}</span
              >
            </div>
            ${
              model.kind === 'general'
                ? html`<p class="name">${text.generalHint(model.title)}</p>`
                : this.renderFlight(model)
            }
            ${
              model.issues.length > 0
                ? html`<ul part="issues">
                  ${model.issues.map((issue) => html`<li>${issue.message}</li>`)}
                </ul>`
                : nothing
            }`
          : html`<p part="summary" role="status">${text.reading}</p>`
      }
      ${
        this.asked && open
          ? html`<p part="ask" class="problem" role="alert">${this.askText(open)}</p>`
          : nothing
      }
      <p part="keys">${open ? text.keysToChoose : text.keys}</p>
      <button
        part="close-button"
        class="close"
        type="button"
        aria-label=${text.close}
        title=${text.close}
        @click=${this.cancel}
      >
        ×
      </button>
    </section>`;
  }
}

const empty: PreviewModel = {
  kind: 'flight_request',
  title: '',
  tripType: null,
  passengers: null,
  legs: [],
  issues: [],
};

declare global {
  interface HTMLElementTagNameMap {
    'chat-quick-create-preview': ChatQuickCreatePreview;
  }
}
