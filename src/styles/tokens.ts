import { unsafeCSS, type CSSResult } from 'lit';

// Theming has two tiers (see STYLE.md): hosts set the global `--chat-*` tokens below; each
// element maps them to its own `--<element>-*` custom properties, and those to private `--_*`
// names its styles use. The defaults live here, once.

/**
 * Every global token and its default. A dark theme is a set of token values, nothing more:
 * `--chat-color-surface: #16191d; --chat-color-text: #e6e9ed; --chat-color-accent: #6ea8ff; …`.
 */
export const TOKEN_DEFAULTS = {
  'font-family': "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif",
  'font-size': '0.875rem',
  radius: '8px',
  'color-surface': '#ffffff',
  'color-surface-hover': '#f2f4f7',
  'color-surface-selected': '#e8f0fe',
  'color-text': '#1d232b',
  'color-text-muted': '#545e69',
  'color-border': '#d5dbe1',
  'color-accent': '#0a5bd3',
  'color-on-accent': '#ffffff',
  'color-danger': '#b42318',
} as const;

/** A global token's name without `--chat-`: `color-accent`, `radius`, … (plus `color-focus-ring`). */
export type ChatToken = keyof typeof TOKEN_DEFAULTS | 'color-focus-ring';

function tokenValue(name: ChatToken): string {
  // The focus ring follows the accent unless set on its own.
  if (name === 'color-focus-ring')
    return `var(--chat-color-focus-ring, ${tokenValue('color-accent')})`;
  return `var(--chat-${name}, ${TOKEN_DEFAULTS[name]})`;
}

/** `var(--chat-<name>, <default>)`, for use inside a `css` template. Built from constants only. */
export function chatToken(name: ChatToken): CSSResult {
  return unsafeCSS(tokenValue(name));
}

/**
 * One private property of an element: its own public custom property (the suffix after the
 * element's prefix; null when it has none) and what it falls back to (a global token, or a CSS
 * value such as another private property).
 */
export type TokenMapping = readonly [
  own: string | null,
  fallback: ChatToken | { readonly css: string },
];

/**
 * The element's `:host` block mapping its public custom properties to private `--_*` names:
 * `elementTokens('chat-sidebar', { accent: ['accent', 'color-accent'] })` gives
 * `:host { --_accent: var(--chat-sidebar-accent, var(--chat-color-accent, <default>)); }`.
 * Every element maps its tokens with this one helper; the `@cssprop` list of each element
 * documents its own names.
 */
export function elementTokens(
  prefix: string,
  mappings: Readonly<Record<string, TokenMapping>>,
): CSSResult {
  const lines = Object.entries(mappings).map(([name, [own, fallback]]) => {
    const base = typeof fallback === 'string' ? tokenValue(fallback) : fallback.css;
    const value = own === null ? base : `var(--${prefix}-${own}, ${base})`;
    return `--_${name}: ${value};`;
  });
  return unsafeCSS(`:host { ${lines.join(' ')} }`);
}

/** The font every element uses: `--chat-font-family` and `--chat-font-size`. */
export const fontStyles = unsafeCSS(
  `font-family: ${tokenValue('font-family')}; font-size: ${tokenValue('font-size')};`,
);

/**
 * The dark theme: the colour tokens' values on a dark surface, defined once. Every pair a text
 * sits on passes WCAG AA (4.5:1): text and muted text on surface, hover and selected surfaces;
 * on-accent on accent; accent and danger on surface.
 */
export const DARK_TOKEN_VALUES: Readonly<Partial<Record<ChatToken, string>>> = {
  'color-surface': '#16191d',
  'color-surface-hover': '#21262d',
  'color-surface-selected': '#1b2b45',
  'color-text': '#e6e9ed',
  'color-text-muted': '#a9b2bd',
  'color-border': '#3a424c',
  'color-accent': '#7cb0ff',
  'color-on-accent': '#0b1220',
  'color-danger': '#ff9b91',
};

function declarations(values: Readonly<Partial<Record<ChatToken, string>>>): string {
  return Object.entries(values)
    .map(([name, value]) => `--chat-${name}: ${value};`)
    .join(' ');
}

/**
 * `theme="light|dark|auto"` for an element that holds others (`<chat-workspace>`): `dark` sets
 * the dark token values on the host (inherited by everything inside), `auto` does so while the
 * viewer prefers a dark colour scheme, `light` keeps the defaults (and whatever the page set).
 * A host's own `chat-workspace { --chat-color-… }` rule still wins over these.
 */
export const themeStyles: CSSResult = unsafeCSS(`
:host([theme='light']) { color-scheme: light; }
:host([theme='dark']) { color-scheme: dark; ${declarations(DARK_TOKEN_VALUES)} }
@media (prefers-color-scheme: dark) {
  :host([theme='auto']) { color-scheme: dark; ${declarations(DARK_TOKEN_VALUES)} }
}
`);

/**
 * `density="compact"`: the custom properties that make the session list dense (smaller card
 * padding and gaps) and the `--chat-density: compact` switch the cards read (with a style
 * container query) to put their details and stage on one line.
 */
export const compactDensityDeclarations = unsafeCSS(
  [
    '--chat-density: compact;',
    '--chat-sidebar-gap: 2px;',
    '--flight-request-card-padding: 3px 10px;',
    '--general-chat-card-padding: 3px 10px;',
    '--chat-font-size: 0.8125rem;',
  ].join(' '),
);
