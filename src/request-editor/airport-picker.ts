import type { AirportEntry } from '@chat-sessions/sdk/metadata';
import { css, html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { requestEditorFieldStyles } from './chat-request-editor.styles.js';
import { ChatAirportChangeEvent } from './events.js';
import { airportCode, loadAirports, type AirportLookup } from './airports.js';
import { defaultRequestEditorStrings, type RequestEditorStrings } from './strings.js';

/** How many suggestions the list shows. */
const SUGGESTIONS = 6;

/**
 * An airport field with type-ahead (the ARIA combobox pattern): the broker types a code
 * ("MVY", "KTEB"), part of an airport's name ("Teterboro") or a city ("Van Nuys"), and picks
 * from the suggestions with ↑/↓ and Enter (or a click); Escape closes the list. What was typed
 * is kept as a code when nothing is picked, so the editor's validation can say what is wrong.
 * The chosen airport's name and city show under the field. The airport dataset (the parser's)
 * is loaded on first use. Internal to `<chat-request-editor>`.
 *
 * @event chat-airport-change - `ChatAirportChangeEvent`: the code changed. Not composed.
 */
export class ChatAirportPicker extends LitElement {
  static override shadowRootOptions: ShadowRootInit = {
    ...LitElement.shadowRootOptions,
    delegatesFocus: true,
  };

  static override styles = [
    requestEditorFieldStyles,
    css`
      :host {
        display: block;
        position: relative;
        min-width: 0;
      }
      [part~='listbox'] {
        position: absolute;
        z-index: 2;
        left: 0;
        right: 0;
        max-height: 14em;
        margin: 2px 0 0;
        padding: 2px;
        overflow: auto;
        list-style: none;
        border: 1px solid var(--_border-color);
        border-radius: var(--_radius);
        background: var(--_background);
        box-shadow: 0 4px 16px rgb(0 0 0 / 0.16);
      }
      [part~='option'] {
        padding: 4px 6px;
        border-radius: 3px;
        cursor: pointer;
        overflow-wrap: anywhere;
      }
      [part~='option'][aria-selected='true'] {
        background: var(--_hover-background);
        outline: 2px solid var(--_focus-ring-color);
        outline-offset: -2px;
      }
      /* A touch screen: 44 px options (touchTargetStyles), their names centred. */
      @media (pointer: coarse) {
        [part~='option'] {
          display: flex;
          align-items: center;
        }
      }
    `,
  ];

  /** The airport code (IATA or ICAO). */
  @property() value = '';

  /** The field's visible label ("From"). */
  @property() label = '';

  /** Why the value is not valid ('' when it is). */
  @property() error = '';

  /** The editor's strings. */
  @property({ attribute: false }) strings: RequestEditorStrings = defaultRequestEditorStrings;

  @state() private typed = '';
  @state() private options: readonly AirportEntry[] = [];
  @state() private active = -1;
  @state() private open = false;
  @state() private airports: AirportLookup | null = null;

  @query('input') private input!: HTMLInputElement | null;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('value') && this.value !== this.typed.trim().toUpperCase()) {
      this.typed = this.value;
    }
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void loadAirports().then((airports) => (this.airports = airports));
  }

  /** The suggestions for what is typed now. */
  private suggest(): void {
    const text = this.typed.trim();
    this.options = text && this.airports ? this.airports.search(text, SUGGESTIONS) : [];
    this.active = this.options.length > 0 ? 0 : -1;
    this.open = text.length > 0;
  }

  private pick(airport: AirportEntry): void {
    const code = airportCode(airport);
    this.typed = code;
    this.open = false;
    this.commit(code);
  }

  /** Takes `code` as the value (telling the editor) if it changed. */
  private commit(code: string): void {
    if (code === this.value) return;
    this.value = code;
    this.dispatchEvent(new ChatAirportChangeEvent(code));
  }

  private handleInput(event: Event): void {
    this.typed = (event.target as HTMLInputElement).value;
    if (this.airports) this.suggest();
    else
      void loadAirports().then((airports) => {
        this.airports = airports;
        this.suggest();
      });
  }

  private handleKeyDown(event: KeyboardEvent): void {
    const count = this.options.length;
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowUp': {
        event.preventDefault();
        if (!this.open) {
          this.suggest();
          return;
        }
        if (count === 0) return;
        const step = event.key === 'ArrowDown' ? 1 : -1;
        this.active = (this.active + step + count) % count;
        return;
      }
      case 'Enter': {
        const chosen = this.open ? this.options[this.active] : undefined;
        event.preventDefault();
        if (chosen) this.pick(chosen);
        else this.commitTyped();
        return;
      }
      case 'Escape':
        if (this.open) {
          // Closes the list only; a second Escape reaches the editor.
          event.stopPropagation();
          event.preventDefault();
          this.open = false;
        }
        return;
      default:
    }
  }

  /** What was typed, as a code (validation says if it is not one). */
  private commitTyped(): void {
    this.open = false;
    this.commit(this.typed.trim().toUpperCase());
  }

  private handleBlur(): void {
    this.commitTyped();
  }

  private renderName(): TemplateResult | typeof nothing {
    if (!this.value || !this.airports) return nothing;
    const airport = this.airports.describe(this.value);
    if (!airport) return html`<span part="hint" id="name">${this.strings.unknownAirport}</span>`;
    const place = airport.city && airport.city !== airport.name ? `, ${airport.city}` : '';
    return html`<span part="hint airport-name" id="name">${airport.name}${place}</span>`;
  }

  protected override render(): TemplateResult {
    const text = this.strings;
    const open = this.open;
    const activeId = open && this.active >= 0 ? `option-${this.active}` : '';
    return html`
      <label part="label" for="input">${this.label}</label>
      <input
        id="input"
        part="input"
        type="text"
        role="combobox"
        autocomplete="off"
        spellcheck="false"
        aria-autocomplete="list"
        aria-expanded=${open ? 'true' : 'false'}
        aria-controls="listbox"
        aria-activedescendant=${activeId || nothing}
        aria-invalid=${this.error ? 'true' : 'false'}
        aria-describedby="error name"
        placeholder=${text.airportPlaceholder}
        .value=${this.typed}
        @input=${this.handleInput}
        @keydown=${this.handleKeyDown}
        @blur=${this.handleBlur}
      />
      <ul part="listbox" id="listbox" role="listbox" aria-label=${text.airportSuggestions} ?hidden=${!open}>
        ${
          open && this.options.length === 0
            ? html`<li part="option-empty" role="option" aria-disabled="true" aria-selected="false">
              ${text.noAirports}
            </li>`
            : this.options.map((airport, index) => {
                const code = airportCode(airport);
                return html`<li
                  part="option"
                  id="option-${index}"
                  role="option"
                  aria-selected=${index === this.active ? 'true' : 'false'}
                  data-code=${code}
                  @mousedown=${(event: Event) => event.preventDefault()}
                  @click=${() => this.pick(airport)}
                >
                  ${text.airportOption(code, airport.name, airport.city)}
                </li>`;
              })
        }
      </ul>
      ${this.renderName()}
      <span part="error" id="error">${this.error}</span>
    `;
  }

  /** Something is typed that is not the value yet (not picked, nor taken as a code). */
  get hasPendingText(): boolean {
    return this.typed.trim().toUpperCase() !== this.value;
  }

  /** Moves focus into the field. */
  override focus(options?: FocusOptions): void {
    // Focused right after being added (Add leg), it may not have rendered its field yet.
    if (this.input) this.input.focus(options);
    else void this.updateComplete.then(() => this.input?.focus(options));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'chat-airport-picker': ChatAirportPicker;
  }
}
