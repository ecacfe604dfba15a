import { css } from 'lit';
import { chatToken, elementTokens, themeStyles } from '../styles/tokens.js';
import { touchTargetStyles } from '../styles/touch-targets.js';

const tokens = elementTokens('chat-workspace', {
  background: ['background', 'color-surface'],
  color: ['color', 'color-text'],
  muted: ['muted-color', 'color-text-muted'],
  border: ['border-color', 'color-border'],
  accent: [null, 'color-accent'],
  'on-accent': [null, 'color-on-accent'],
  hover: [null, 'color-surface-hover'],
  radius: [null, 'radius'],
  'focus-ring': [null, 'color-focus-ring'],
  'list-width': ['list-width', { css: 'clamp(300px, 30%, 420px)' }],
  'threads-width': ['threads-width', { css: 'clamp(300px, 28%, 380px)' }],
});

export const chatWorkspaceStyles = [
  themeStyles,
  tokens,
  css`
    :host {
      position: relative;
      display: block;
      box-sizing: border-box;
      width: 100%;
      min-width: 0;
      height: 100%;
      min-height: 0;
      overflow: hidden;
      background: var(--_background);
      color: var(--_color);
      font-family: ${chatToken('font-family')};
      font-size: ${chatToken('font-size')};
      line-height: 1.35;
    }

    :host([hidden]) {
      display: none;
    }

    *,
    *::before,
    *::after {
      box-sizing: border-box;
    }

    [hidden] {
      display: none !important;
    }

    [part~='base'] {
      display: grid;
      grid-template-columns: minmax(0, 1fr);
      grid-template-rows: minmax(0, 1fr);
      height: 100%;
      min-height: 0;
    }

    :host([layout='medium']) [part~='base'] {
      grid-template-columns: minmax(260px, min(var(--_list-width), 42%)) minmax(0, 1fr);
    }

    :host([layout='wide']) [part~='base'] {
      grid-template-columns: var(--_list-width) minmax(0, 1fr);
    }

    :host([layout='wide']) [part~='base'].with-threads {
      grid-template-columns: var(--_list-width) minmax(0, 1fr) var(--_threads-width);
    }

    .pane {
      display: flex;
      flex-direction: column;
      min-width: 0;
      min-height: 0;
      overflow: hidden;
      background: var(--_background);
    }

    [part~='list-pane'] > chat-sidebar,
    [part~='session-pane'] > chat-session-view {
      flex: 1 1 auto;
      min-height: 0;
    }

    :host(:not([layout='narrow'])) [part~='list-pane'] {
      border-right: 1px solid var(--_border);
    }

    :host([layout='wide']) [part~='threads-pane'] {
      border-left: 1px solid var(--_border);
    }

    /* Medium: the threads are a drawer over the conversation's right side. */
    :host([layout='medium']) [part~='threads-pane'] {
      position: absolute;
      z-index: 2;
      top: 0;
      right: 0;
      bottom: 0;
      width: min(380px, 88%);
      border-left: 1px solid var(--_border);
      box-shadow: -8px 0 24px rgb(0 0 0 / 0.18);
    }

    [part~='pane-bar'] {
      display: flex;
      flex: none;
      align-items: center;
      gap: 8px;
      min-height: 40px;
      padding: 4px 8px;
      border-bottom: 1px solid var(--_border);
    }

    [part~='pane-heading'] {
      flex: 1 1 auto;
      min-width: 0;
      margin: 0;
      overflow: hidden;
      font-size: 1em;
      font-weight: 600;
      text-overflow: ellipsis;
      white-space: nowrap;
    }

    button {
      font: inherit;
      color: inherit;
    }

    [part~='back-button'],
    [part~='close-threads-button'],
    [part~='main-reply-button'] {
      display: inline-flex;
      align-items: center;
      gap: 4px;
      min-height: 32px;
      padding: 2px 10px;
      border: 1px solid var(--_border);
      border-radius: calc(var(--_radius) - 2px);
      background: var(--_background);
      cursor: pointer;
    }

    [part~='back-button']:hover,
    [part~='close-threads-button']:hover,
    [part~='main-reply-button']:hover {
      background: var(--_hover);
    }

    button:focus-visible {
      outline: 2px solid var(--_focus-ring);
      outline-offset: 2px;
    }

    /* A phone keeps at least half its height for the conversation: the session's header and the
       pane bar are tighter there (one row of actions from 320 px). */
    :host([layout='narrow']) [part~='pane-bar'] {
      min-height: 36px;
      padding: 2px 8px;
    }

    :host([layout='narrow']) [part~='back-button'] {
      min-height: 28px;
    }

    :host([layout='narrow']) chat-session-view::part(header) {
      gap: 4px;
      padding: 6px 10px;
    }

    :host([layout='narrow']) chat-session-view::part(action-button),
    :host([layout='narrow']) chat-session-view::part(threads-toggle) {
      gap: 4px;
      padding: 2px 7px;
      font-size: 0.8125rem;
    }

    /* The status line of a pane shown alone (narrow): no room while it has nothing to say (its
       element makes itself display: contents) or before its lazy chunk defines it. */
    .pane > chat-connection-status {
      flex: none;
      margin: 6px 8px 0;
    }

    .pane > chat-connection-status:not(:defined) {
      display: contents;
    }

    [part~='threads-pane'] > operator-thread-list {
      flex: 1 1 auto;
      min-height: 0;
      overflow: auto;
      scrollbar-gutter: stable;
    }

    :host([layout='narrow']) [part~='threads-pane'] > operator-thread-list {
      --operator-thread-list-transcript-height: max(280px, 50vh);
    }

    /* One reply field at a time: while an operator thread is open beside the conversation, the
       main composer gives way to a line saying where replies go. */
    [part~='base'].thread-open chat-session-view::part(composer) {
      display: none;
    }

    [part~='thread-note'] {
      display: flex;
      flex: none;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: 6px 10px;
      margin: 0 12px 12px;
      padding: 8px 10px;
      border: 1px dashed var(--_border);
      border-radius: var(--_radius);
      color: var(--_muted);
    }

    [part~='empty'] {
      display: grid;
      gap: 8px;
      max-width: 30rem;
      margin: auto;
      padding: 24px;
      color: var(--_muted);
      text-align: center;
    }

    [part~='empty'] h2,
    [part~='empty'] p {
      margin: 0;
    }

    [part~='empty'] .title {
      color: var(--_color);
      font-size: 1.125em;
      font-weight: 600;
    }

    [part~='skip-link'] {
      position: absolute;
      z-index: 3;
      top: 6px;
      left: 6px;
      padding: 6px 12px;
      border: 0;
      border-radius: var(--_radius);
      background: var(--_accent);
      color: var(--_on-accent);
      font-weight: 600;
      cursor: pointer;
      transform: translateY(-200%);
    }

    [part~='skip-link']:focus {
      transform: none;
    }

    @media (prefers-reduced-motion: no-preference) {
      [part~='skip-link'] {
        transition: transform 0.12s ease-out;
      }
    }

    @media (forced-colors: active) {
      [part~='skip-link'] {
        border: 1px solid CanvasText;
      }
    }
  `,
  touchTargetStyles,
];
