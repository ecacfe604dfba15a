import {
  FLIGHT_REQUEST_STAGES,
  type ChatSessionsClient,
  type FlightRequestStage,
  type Session,
  type TripType,
} from '@chat-sessions/sdk';
import { consume } from '@lit/context';
import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { ChatSessionEditEvent } from '../actions/session-edit-event.js';
import { writeSessionPatch } from '../actions/session-patch.js';
import { chatSessionsClientContext, sessionListContext } from '../context.js';
import { PreferencesController } from '../controllers/preferences-controller.js';
import type { SessionListSource } from '../controllers/session-list-source.js';
import type { StringsOverride } from '../types.js';
import { Formatter } from '../internal/format.js';
import { chatRequestEditorStyles } from './chat-request-editor.styles.js';
import { ChatRequestEditorCloseEvent, type ChatAirportChangeEvent } from './events.js';
import {
  changesBetween,
  checkForm,
  draftOf,
  hasChanges,
  newLeg,
  type LegDraft,
  type RequestDraft,
} from './request-form.js';
import { defaultRequestEditorStrings, type RequestEditorStrings } from './strings.js';

const TRIP_TYPES: readonly TripType[] = ['one_way', 'round_trip', 'multi_leg'];
const MAX_LEGS = 12;

/** A save the database refused because the session changed since the editor opened it. */
interface Conflict {
  /** The session as it is now. */
  readonly theirs: Session;
  /** What changed, one line per field. */
  readonly changes: readonly string[];
}

/**
 * Edits a flight request: the client / deal name (the session's title), trip type, legs (each
 * with airports picked by code, airport name or city, a date and an optional local time),
 * passengers and stage. Checked with the SDK's own schemas before anything is sent, and by
 * the database after. Saved through the shared list of a `<chat-sessions-provider>` (every card
 * shows the change at once) or the client, with the version the editor opened: if someone
 * changed the request meanwhile, the database answers `conflict`, and the editor shows what
 * changed and lets the broker save their changes over it or take the newer version.
 *
 * Enter in a field saves (Enter in an airport field picks a suggestion first). Escape closes
 * the airport suggestions if open, else cancels; with unsaved changes it asks first ("Discard
 * your changes?", "Keep editing" focused; Escape again keeps editing). Cancel discards at once.
 * Loaded on demand by `<chat-session-view>` ("Edit request") and `<chat-sidebar>` (the card
 * menu's "Edit request…"), so it stays out of the first load (and out of the self-contained
 * bundle's entry: it is a lazy chunk).
 *
 * @summary Edit a flight request's name, trip, legs, passengers and stage.
 *
 * @event chat-session-edit - `ChatSessionEditEvent`: Save with changes, before they are sent.
 *   Cancelable (then the editor closes and saves nothing). Bubbles, composed.
 * @event chat-request-editor-close - `ChatRequestEditorCloseEvent`: saved (with the stored
 *   session) or cancelled. Not composed.
 *
 * @csspart form - The form.
 * @csspart heading - "Edit request".
 * @csspart label - Each field's label.
 * @csspart input - Each text, date, time and number field.
 * @csspart select - The trip type and stage selects.
 * @csspart hint - Help under a field.
 * @csspart error - Why a field is not valid.
 * @csspart legs - The legs' fieldset.
 * @csspart leg - One leg's fieldset.
 * @csspart airport - An airport picker (`<chat-airport-picker>`).
 * @csspart conflict - What someone else changed, with the two ways on.
 * @csspart problem - Why the database refused the save.
 * @csspart discard - "Discard your changes?", asked by Escape with unsaved changes.
 * @csspart keep-editing-button - Back to the form, changes kept (focused when asked).
 * @csspart discard-button - Closes without saving.
 * @csspart save-button - Saves.
 * @csspart cancel-button - Closes without saving.
 *
 * @cssprop --chat-request-editor-accent - The Save button. Default: `--chat-color-accent`.
 * @cssprop --chat-request-editor-error-color - Errors. Default: `--chat-color-danger`.
 */
export class ChatRequestEditor extends LitElement {
  static override shadowRootOptions: ShadowRootInit = {
    ...LitElement.shadowRootOptions,
    delegatesFocus: true,
  };

  static override styles = chatRequestEditorStyles;

  /** The English strings every override is laid over. */
  static readonly defaultStrings: Readonly<RequestEditorStrings> = defaultRequestEditorStrings;

  private readonly preferences = new PreferencesController(this, 'requestEditor');

  /** The flight request to edit (the form is filled from it when its id changes). */
  @property({ attribute: false }) session: Session | null = null;

  /** The SDK client. Without it, the one of the enclosing `<chat-sessions-provider>`. */
  @property({ attribute: false }) client: ChatSessionsClient | null = null;

  /** The shared session list to save through (optimistic). Without it, the provider's. */
  @property({ attribute: false }) list: SessionListSource | null = null;

  /** BCP 47 locale. Empty: the viewer's (or the provider's). */
  @property() locale = '';

  /** Overrides for any of the editor's strings. */
  @property({ attribute: false }) strings: StringsOverride<RequestEditorStrings> = {};

  @consume({ context: chatSessionsClientContext, subscribe: true })
  @state()
  private providedClient: ChatSessionsClient | undefined;

  @consume({ context: sessionListContext, subscribe: true })
  @state()
  private providedList: SessionListSource | undefined;

  @state() private draft: RequestDraft | null = null;
  /** The session as the form was filled from it (what the broker's edits are measured against). */
  @state() private opened: Session | null = null;
  /** The version the next save expects (newer than `opened` after "save mine over theirs"). */
  @state() private expectedVersion = 0;
  @state() private errors: ReadonlyMap<string, string> = new Map();
  @state() private saving = false;
  @state() private problem = '';
  @state() private conflict: Conflict | null = null;
  /** Escape was pressed with unsaved changes: "Discard your changes?" shows. */
  @state() private confirmingDiscard = false;

  private text: RequestEditorStrings = defaultRequestEditorStrings;
  private focusAfterUpdate: string | null = null;
  /** Where focus was when Escape asked to discard ("Keep editing" brings it back). */
  private focusBeforeDiscard: HTMLElement | null = null;

  protected override willUpdate(changed: PropertyValues<this>): void {
    this.text = this.preferences.strings(defaultRequestEditorStrings, this.strings);
    const session = this.session;
    if (changed.has('session') && session && session.id !== this.opened?.id) this.reset(session);
  }

  protected override firstUpdated(): void {
    // In a dialog opened before the editor rendered (the sidebar's), `autofocus` lands here.
    if (this.hasAttribute('autofocus')) this.shadowRoot?.getElementById('title')?.focus();
  }

  protected override updated(): void {
    const id = this.focusAfterUpdate;
    if (id === null) return;
    this.focusAfterUpdate = null;
    this.shadowRoot?.getElementById(id)?.focus();
  }

  /** Fills the form from `session`, dropping any edits. */
  private reset(session: Session): void {
    this.opened = session;
    this.expectedVersion = session.version;
    this.draft = draftOf(session);
    this.errors = new Map();
    this.problem = '';
    this.conflict = null;
    this.confirmingDiscard = false;
  }

  private change(patch: Partial<RequestDraft>): void {
    if (this.draft) this.draft = { ...this.draft, ...patch };
  }

  private changeLeg(key: number, patch: Partial<LegDraft>): void {
    if (!this.draft) return;
    this.change({
      legs: this.draft.legs.map((leg) => (leg.key === key ? { ...leg, ...patch } : leg)),
    });
  }

  /** Saves the broker's changes (against `opened`), expecting `expectedVersion`. */
  async save(): Promise<void> {
    const draft = this.draft;
    const opened = this.opened;
    if (!draft || !opened || this.saving) return;
    this.confirmingDiscard = false;
    const check = checkForm(draft, opened, this.text);
    this.errors = check.errors;
    this.problem = '';
    if (check.errors.size > 0) {
      this.focusAfterUpdate = [...check.errors.keys()][0] ?? null;
      return;
    }
    if (!check.patch) {
      this.close(null);
      return;
    }
    // The host may take the change over (and save it its own way).
    if (!this.dispatchEvent(new ChatSessionEditEvent(opened, check.patch))) {
      this.close(null);
      return;
    }
    this.saving = true;
    const result = await writeSessionPatch(
      { list: this.list ?? this.providedList, client: this.client ?? this.providedClient },
      opened.id,
      check.patch,
      this.expectedVersion,
    );
    this.saving = false;
    if (result.data) {
      this.close(result.data);
      return;
    }
    if (result.error && 'code' in result.error && result.error.code === 'conflict') {
      await this.showConflict(opened);
      return;
    }
    this.problem = this.text.failed(result.error?.message ?? '');
    this.focusAfterUpdate = 'problem';
  }

  /** Reads the newer version and shows what changed since the form was filled. */
  private async showConflict(opened: Session): Promise<void> {
    const client = this.client ?? this.providedClient;
    const newer = client ? await client.sessions.get(opened.id) : null;
    const theirs = newer?.data ?? null;
    if (!theirs) {
      this.problem = this.text.failed(newer?.error?.message ?? 'conflict');
      this.focusAfterUpdate = 'problem';
      return;
    }
    this.conflict = {
      theirs,
      changes: changesBetween(
        opened,
        theirs,
        this.text,
        Formatter.for(this.preferences.locale(this.locale)),
      ),
    };
    this.focusAfterUpdate = 'reapply';
  }

  private handleReapply(): void {
    const conflict = this.conflict;
    if (!conflict) return;
    // The broker's edits (measured against what they opened) go over the newer version.
    this.expectedVersion = conflict.theirs.version;
    this.conflict = null;
    void this.save();
  }

  private handleUseTheirs(): void {
    const conflict = this.conflict;
    if (!conflict) return;
    this.reset(conflict.theirs);
    this.focusAfterUpdate = 'title';
  }

  private close(saved: Session | null): void {
    const returnFocus = this.matches(':focus-within');
    this.dispatchEvent(new ChatRequestEditorCloseEvent(saved, returnFocus));
  }

  /** The form differs from what was opened, or an airport field holds text not taken yet. */
  private hasUnsavedChanges(): boolean {
    const { draft, opened } = this;
    if (!draft || !opened) return false;
    if (hasChanges(draft, opened)) return true;
    const pickers = this.shadowRoot?.querySelectorAll('chat-airport-picker') ?? [];
    return [...pickers].some((picker) => picker.hasPendingText);
  }

  /** Escape: closes, unless that would lose changes; then asks, and Escape again keeps editing. */
  private dismiss(): void {
    if (this.confirmingDiscard) {
      this.handleKeepEditing();
      return;
    }
    if (!this.hasUnsavedChanges()) {
      this.close(null);
      return;
    }
    const active = this.shadowRoot?.activeElement;
    this.focusBeforeDiscard = active instanceof HTMLElement ? active : null;
    this.confirmingDiscard = true;
    // After the update, not in it: leaving an airport field takes its text (a change).
    void this.updateComplete.then(() => this.shadowRoot?.getElementById('keep-editing')?.focus());
  }

  private handleKeepEditing(): void {
    const field = this.focusBeforeDiscard;
    const inQuestion = !!this.shadowRoot?.activeElement?.closest("[part~='discard']");
    this.confirmingDiscard = false;
    this.focusBeforeDiscard = null;
    // Back to the field Escape was pressed in (unless the broker went to another one meanwhile).
    if (inQuestion) {
      if (field?.isConnected) field.focus();
      else this.focusAfterUpdate = 'title';
    }
  }

  private handleSubmit(event: SubmitEvent): void {
    event.preventDefault();
    void this.save();
  }

  private handleKeyDown(event: KeyboardEvent): void {
    if (event.key === 'Escape' && !event.defaultPrevented) {
      // Also keeps a native <dialog> around the editor open: the editor answers Escape itself.
      event.preventDefault();
      this.dismiss();
    } else if (
      event.key === 'Enter' &&
      !event.defaultPrevented &&
      (event.composedPath()[0] as HTMLElement).localName === 'input'
    ) {
      // Enter in a field saves (an airport field's own Enter picks first and stops here).
      event.preventDefault();
      void this.save();
    }
  }

  private handleTripType(event: Event): void {
    const value = (event.target as HTMLSelectElement).value as TripType | '';
    const draft = this.draft;
    if (!draft) return;
    const [first] = draft.legs;
    // A round trip gets its return leg, from where the first one lands.
    const legs =
      value === 'round_trip' && draft.legs.length === 1 && first
        ? [...draft.legs, newLeg(first)]
        : draft.legs;
    this.change({ tripType: value, legs });
  }

  private handleAddLeg(): void {
    const draft = this.draft;
    if (!draft || draft.legs.length >= MAX_LEGS) return;
    const last = draft.legs.at(-1);
    const leg = { ...newLeg(), from: last?.to ?? '' };
    this.change({ legs: [...draft.legs, leg] });
    this.focusAfterUpdate = `leg-${leg.key}-${leg.from ? 'to' : 'from'}`;
  }

  private handleRemoveLeg(key: number): void {
    const draft = this.draft;
    if (!draft) return;
    const index = draft.legs.findIndex((leg) => leg.key === key);
    const legs = draft.legs.filter((leg) => leg.key !== key);
    this.change({ legs });
    // Focus stays in the legs: the next leg's Remove, else the previous one's, else Add leg.
    const next = legs[index] ?? legs[index - 1];
    this.focusAfterUpdate = next ? `remove-${next.key}` : 'add-leg';
  }

  /** A leg's date or local time: its label, the input and its error. */
  private renderLegField(leg: LegDraft, id: string, field: 'date' | 'time'): TemplateResult {
    const fieldId = `${id}-${field}`;
    return html`<div>
      <label part="label" for=${fieldId}>${this.text[field]}</label>
      <input
        id=${fieldId}
        part="input"
        type=${field}
        .value=${leg[field]}
        aria-invalid=${this.errors.has(fieldId) ? 'true' : 'false'}
        aria-describedby="${fieldId}-error"
        @change=${(event: Event) =>
          this.changeLeg(leg.key, { [field]: (event.target as HTMLInputElement).value })}
      />
      ${this.renderError(fieldId)}
    </div>`;
  }

  private renderError(id: string): TemplateResult {
    return html`<span part="error" id="${id}-error">${this.errors.get(id) ?? ''}</span>`;
  }

  private renderLeg(leg: LegDraft, position: number): TemplateResult {
    const text = this.text;
    const id = `leg-${leg.key}`;
    return html`<fieldset part="leg">
      <legend>${text.leg(position)}</legend>
      <div class="pair">
        ${(['from', 'to'] as const).map(
          (end) => html`<chat-airport-picker
            id="${id}-${end}"
            part="airport"
            exportparts="input: airport-input, option: airport-option, listbox: airport-listbox"
            label=${end === 'from' ? text.from : text.to}
            .value=${leg[end]}
            .strings=${text}
            error=${this.errors.get(`${id}-${end}`) ?? ''}
            @chat-airport-change=${(event: ChatAirportChangeEvent) =>
              this.changeLeg(leg.key, { [end]: event.code })}
          ></chat-airport-picker>`,
        )}
      </div>
      <div class="pair">
        ${this.renderLegField(leg, id, 'date')} ${this.renderLegField(leg, id, 'time')}
      </div>
      <div class="buttons">
        <button
          id="remove-${leg.key}"
          part="remove-leg-button"
          type="button"
          @click=${() => this.handleRemoveLeg(leg.key)}
        >
          ${text.removeLeg(position)}
        </button>
      </div>
    </fieldset>`;
  }

  private renderConflict(): TemplateResult | typeof nothing {
    const conflict = this.conflict;
    if (!conflict) return nothing;
    const text = this.text;
    return html`<div part="conflict" role="alert">
      <p>${text.conflictHeading}</p>
      <ul>
        ${conflict.changes.map((line) => html`<li>${line}</li>`)}
      </ul>
      <div class="buttons">
        <button id="reapply" part="reapply-button" type="button" @click=${this.handleReapply}>
          ${text.reapply}
        </button>
        <button part="use-theirs-button" type="button" @click=${this.handleUseTheirs}>
          ${text.useTheirs}
        </button>
      </div>
    </div>`;
  }

  private renderDiscard(): TemplateResult | typeof nothing {
    if (!this.confirmingDiscard) return nothing;
    const text = this.text;
    return html`<div part="discard" role="alertdialog" aria-labelledby="discard-question">
      <p id="discard-question">${text.discardQuestion}</p>
      <div class="buttons">
        <button
          id="keep-editing"
          part="keep-editing-button"
          type="button"
          @click=${this.handleKeepEditing}
        >
          ${text.keepEditing}
        </button>
        <button part="discard-button" type="button" @click=${() => this.close(null)}>
          ${text.discard}
        </button>
      </div>
    </div>`;
  }

  protected override render(): TemplateResult | typeof nothing {
    const draft = this.draft;
    if (!draft) return nothing;
    const text = this.text;
    const invalid = this.errors.size;
    return html`<form
      part="form"
      aria-labelledby="heading"
      novalidate
      @submit=${this.handleSubmit}
      @keydown=${this.handleKeyDown}
    >
      <p part="heading" id="heading">${text.heading}</p>
      <span part="error" role="status">${invalid > 0 ? text.invalid(invalid) : ''}</span>
      <div>
        <label part="label" for="title">${text.title}</label>
        <input
          id="title"
          part="input"
          type="text"
          maxlength="200"
          .value=${draft.title}
          aria-invalid=${this.errors.has('title') ? 'true' : 'false'}
          aria-describedby="title-hint title-error"
          @input=${(event: Event) => this.change({ title: (event.target as HTMLInputElement).value })}
        />
        <span part="hint" id="title-hint">${text.titleHint}</span>
        ${this.renderError('title')}
      </div>
      <div class="pair">
        <div>
          <label part="label" for="tripType">${text.tripType}</label>
          <select id="tripType" part="select" @change=${this.handleTripType}>
            <option value="" ?selected=${draft.tripType === ''}>${text.tripTypeNotSet}</option>
            ${TRIP_TYPES.map(
              (type) =>
                html`<option value=${type} ?selected=${draft.tripType === type}>${text.tripTypes[type]}</option>`,
            )}
          </select>
        </div>
        <div>
          <label part="label" for="passengers">${text.passengers}</label>
          <input
            id="passengers"
            part="input"
            type="number"
            inputmode="numeric"
            min="1"
            max="999"
            .value=${draft.passengers}
            aria-invalid=${this.errors.has('passengers') ? 'true' : 'false'}
            aria-describedby="passengers-error"
            @input=${(event: Event) =>
              this.change({ passengers: (event.target as HTMLInputElement).value })}
          />
          ${this.renderError('passengers')}
        </div>
      </div>
      <fieldset part="legs">
        <legend>${text.legs}</legend>
        ${repeat(
          draft.legs,
          (leg) => leg.key,
          (leg, index) => this.renderLeg(leg, index + 1),
        )}
        ${this.renderError('legs')}
        <div class="buttons">
          <button
            id="add-leg"
            part="add-leg-button"
            type="button"
            ?hidden=${draft.legs.length >= MAX_LEGS}
            @click=${this.handleAddLeg}
          >
            ${text.addLeg}
          </button>
        </div>
      </fieldset>
      <div>
        <label part="label" for="stage">${text.stage}</label>
        <select
          id="stage"
          part="select"
          @change=${(event: Event) =>
            this.change({ stage: (event.target as HTMLSelectElement).value as FlightRequestStage })}
        >
          ${FLIGHT_REQUEST_STAGES.map(
            (stage) =>
              html`<option value=${stage} ?selected=${draft.stage === stage}>${text.stageLabels[stage]}</option>`,
          )}
        </select>
      </div>
      ${this.renderConflict()} ${this.renderDiscard()}
      ${
        this.problem
          ? html`<p part="problem" id="problem" role="alert" tabindex="-1">${this.problem}</p>`
          : nothing
      }
      <div class="buttons">
        <button
          part="save-button"
          type="submit"
          aria-disabled=${this.saving ? 'true' : 'false'}
        >
          ${this.saving ? text.saving : text.save}
        </button>
        <button part="cancel-button" type="button" @click=${() => this.close(null)}>
          ${text.cancel}
        </button>
      </div>
    </form>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'chat-request-editor': ChatRequestEditor;
  }
}
