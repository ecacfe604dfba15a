import { html } from 'lit';

// Small decorative icons. Always inside an element with aria-hidden: what they mean is in the
// card's accessible name.

export const pinIcon = html`<svg viewBox="0 0 16 16" fill="currentColor" aria-hidden="true" focusable="false"><path d="M9.8 1.3a1 1 0 0 1 1.4 0l3.5 3.5a1 1 0 0 1 0 1.4l-.7.7a1 1 0 0 1-1 .25L10.6 9.5l.3 2.3a1 1 0 0 1-.3.8l-.7.7a.5.5 0 0 1-.7 0L6.4 10.5 2.9 14a.6.6 0 0 1-.9-.9l3.5-3.5-2.8-2.8a.5.5 0 0 1 0-.7l.7-.7a1 1 0 0 1 .8-.3l2.3.3 2.35-2.4a1 1 0 0 1 .25-1z"/></svg>`;

export const pauseIcon = html`<svg viewBox="0 0 16 16" fill="currentColor" aria-hidden="true" focusable="false"><rect x="3" y="2" width="3.5" height="12" rx="1"/><rect x="9.5" y="2" width="3.5" height="12" rx="1"/></svg>`;

export const checkIcon = html`<svg viewBox="0 0 16 16" fill="none" stroke="currentColor" stroke-width="2.2" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true" focusable="false"><path d="M2.5 8.5l3.5 3.5 7.5-8"/></svg>`;

export const archiveIcon = html`<svg viewBox="0 0 16 16" fill="currentColor" aria-hidden="true" focusable="false"><path d="M1 2.5A1 1 0 0 1 2 1.5h12a1 1 0 0 1 1 1V5H1zM2 6h12v7.5a1 1 0 0 1-1 1H3a1 1 0 0 1-1-1zm4 2v1.5h4V8z"/></svg>`;
