import { css } from 'lit';

/**
 * The shared token layer. Page-level `--loyalty-*` tokens feed private `--_*` variables, with
 * light defaults and dark ones under `prefers-color-scheme: dark`.
 */
export const baseStyles = css`
  :host {
    --_text: var(--loyalty-color-text, #1d1d1f);
    --_muted: var(--loyalty-color-muted, #5f6368);
    --_surface: var(--loyalty-color-surface, #ffffff);
    --_border: var(--loyalty-color-border, #dadce0);
    --_accent: var(--loyalty-color-accent, #1a56db);
    --_on-accent: var(--loyalty-color-on-accent, #ffffff);
    --_danger: var(--loyalty-color-danger, #b3261e);
    --_danger-strong: var(--loyalty-color-danger-strong, #b3261e);
    --_skeleton: var(--loyalty-color-skeleton, #e8eaed);
    --_font: var(--loyalty-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    --_size: var(--loyalty-font-size, 1rem);
    --_radius: var(--loyalty-radius, 0.75rem);
    --_space: var(--loyalty-space, 1rem);
    display: block;
    box-sizing: border-box;
    color: var(--_text);
    background: var(--_surface);
    font-family: var(--_font);
    font-size: var(--_size);
    line-height: 1.5;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_space);
  }
  @media (prefers-color-scheme: dark) {
    :host {
      --_text: var(--loyalty-color-text, #e8eaed);
      --_muted: var(--loyalty-color-muted, #a8adb4);
      --_surface: var(--loyalty-color-surface, #1f2023);
      --_border: var(--loyalty-color-border, #3c4043);
      --_accent: var(--loyalty-color-accent, #8ab4f8);
      --_on-accent: var(--loyalty-color-on-accent, #0b1a33);
      --_danger: var(--loyalty-color-danger, #f2b8b5);
      --_skeleton: var(--loyalty-color-skeleton, #3c4043);
    }
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  .state {
    margin: 0;
    color: var(--_muted);
  }
  .state p {
    margin: 0 0 calc(var(--_space) / 2);
  }
  .error {
    color: var(--_danger);
  }
  button {
    font: inherit;
    color: var(--_on-accent);
    background: var(--_accent);
    border: 0;
    border-radius: calc(var(--_radius) / 1.5);
    padding: 0.375em 1em;
    cursor: pointer;
    min-height: 2.25em;
  }
  button:focus-visible {
    outline: 3px solid var(--_accent);
    outline-offset: 2px;
  }
  button.secondary {
    color: var(--_accent);
    background: transparent;
    border: 1px solid var(--_border);
  }
  button.danger {
    color: #fff;
    background: var(--_danger-strong);
  }
  button:disabled {
    opacity: 0.6;
    cursor: not-allowed;
  }
  dialog {
    color: var(--_text);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_space);
    max-width: min(28rem, calc(100vw - 2rem));
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 0.4);
  }
  dialog h2 {
    margin: 0 0 calc(var(--_space) / 2);
    font-size: 1.125em;
  }
  .dialog-actions {
    display: flex;
    justify-content: flex-end;
    gap: calc(var(--_space) / 2);
    margin-top: var(--_space);
  }
  .bone {
    display: inline-block;
    height: 1em;
    width: var(--w, 6em);
    max-width: 100%;
    vertical-align: middle;
    border-radius: 0.25em;
    background: var(--_skeleton);
    animation: pulse 1.5s ease-in-out infinite;
  }
  @keyframes pulse {
    50% {
      opacity: 0.5;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .bone {
      animation: none;
    }
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
`;
