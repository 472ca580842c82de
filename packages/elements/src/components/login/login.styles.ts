import { css } from 'lit';

/**
 * Styles of `<orgauth-login>`, over the shared theme (`themeStyles`: the `--_orgauth-*` variables and
 * their dark palette). Everything sits in one cascade layer so `::part()` rules beat it without
 * specificity fights.
 */
export const loginStyles = css`
  @layer orgauth-component {
    :host {
      display: block;
      box-sizing: border-box;
      inline-size: 100%;
      max-inline-size: var(--orgauth-width, 400px);
      min-inline-size: min(100%, 360px);
      color: var(--_orgauth-text);
      font-family: var(--_orgauth-font);
      font-size: var(--orgauth-font-size, 15px);
      line-height: 1.45;
    }
    *,
    *::before,
    *::after {
      box-sizing: inherit;
    }
    .card {
      position: relative;
      display: flex;
      flex-direction: column;
      gap: calc(var(--_orgauth-space) * 0.75);
      padding: calc(var(--_orgauth-space) * 1.75);
      background: var(--_orgauth-bg);
      border: 1px solid var(--_orgauth-border);
      border-radius: calc(var(--_orgauth-radius) * 1.5);
      box-shadow: var(--orgauth-card-shadow, 0 1px 2px rgb(0 0 0 / 6%), 0 8px 24px rgb(0 0 0 / 6%));
    }
    .logo-box {
      display: flex;
      justify-content: center;
    }
    .logo-box:not(.card > *) {
      margin-block-end: var(--_orgauth-space);
    }
    .logo-image {
      display: block;
      max-block-size: 48px;
      max-inline-size: 100%;
    }
    .heading {
      margin: 0;
      font-size: 1.3em;
      font-weight: 650;
      line-height: 1.25;
    }
    .heading:focus {
      outline: none;
    }
    .intro,
    .hint,
    .empty {
      margin: 0;
      color: var(--_orgauth-muted);
    }
    .hint {
      font-size: 0.875em;
    }
    form,
    .actions {
      display: flex;
      flex-direction: column;
      gap: calc(var(--_orgauth-space) * 0.5);
    }
    label {
      font-weight: 550;
      font-size: 0.925em;
    }
    input {
      font: inherit;
      color: var(--_orgauth-text);
      background: var(--_orgauth-bg);
      border: 1px solid var(--_orgauth-border);
      border-radius: var(--_orgauth-radius);
      padding: 0.6em 0.75em;
      inline-size: 100%;
    }
    input:focus-visible,
    button:focus-visible {
      outline: 2px solid var(--_orgauth-primary);
      outline-offset: 2px;
    }
    .code {
      font-size: 1.4em;
      font-variant-numeric: tabular-nums;
      letter-spacing: 0.35em;
      text-align: center;
    }
    input[readonly] {
      color: var(--_orgauth-muted);
    }
    input[aria-invalid='true'] {
      border-color: var(--_orgauth-danger);
    }
    .error,
    .field-error {
      color: var(--_orgauth-danger);
      font-size: 0.9em;
    }
    /* Empty live regions leave the layout (no flex gap) but stay in the accessibility tree: a screen
       reader announces a change only to a region that already exists (internal/alert.ts). */
    .error:empty,
    .field-error:empty,
    .status:empty {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip-path: inset(50%);
      white-space: nowrap;
    }
    .status {
      color: var(--_orgauth-muted);
      font-size: 0.9em;
    }
    .status.success {
      color: var(--_orgauth-success);
    }
    button {
      display: inline-flex;
      align-items: center;
      justify-content: center;
      gap: 0.5em;
      font: inherit;
      font-weight: var(--orgauth-button-font-weight, 600);
      border-radius: var(--orgauth-button-radius, var(--_orgauth-radius));
      padding: var(--orgauth-button-padding, 0.65em 1em);
      cursor: pointer;
      border: 1px solid transparent;
    }
    button:disabled {
      cursor: default;
      opacity: 0.65;
    }
    .primary {
      background: var(--orgauth-button-background, var(--_orgauth-primary));
      color: var(--orgauth-button-color, var(--_orgauth-on-primary));
    }
    .secondary {
      background: var(--orgauth-button-secondary-background, transparent);
      color: var(--orgauth-button-secondary-color, var(--_orgauth-text));
      border-color: var(--_orgauth-border);
    }
    .link {
      background: none;
      color: var(--_orgauth-primary);
      padding: 0.25em;
      font-weight: 500;
    }
    .email,
    .organization {
      font-weight: 600;
      color: var(--_orgauth-text);
      overflow-wrap: anywhere;
    }
    .org-list {
      list-style: none;
      margin: 0;
      padding: 0;
      display: flex;
      flex-direction: column;
      gap: calc(var(--_orgauth-space) * 0.5);
      max-block-size: 320px;
      overflow: auto;
    }
    .org-button {
      inline-size: 100%;
      display: grid;
      grid-template-columns: 1fr auto;
      justify-items: start;
      text-align: start;
      gap: 0.1em 0.5em;
      background: var(--_orgauth-surface);
      color: var(--_orgauth-text);
      border-color: var(--_orgauth-border);
    }
    .org-button:hover:not(:disabled) {
      border-color: var(--_orgauth-primary);
    }
    .org-name {
      overflow-wrap: anywhere;
    }
    .org-hint {
      grid-column: 1;
      font-weight: 400;
      font-size: 0.85em;
      color: var(--_orgauth-muted);
      overflow-wrap: anywhere;
    }
    .sso-button {
      inline-size: 100%;
    }
    .org-button .spinner {
      grid-column: 2;
      grid-row: 1 / span 2;
      align-self: center;
    }
    .progress {
      display: flex;
      align-items: center;
      gap: 0.75em;
    }
    .spinner {
      inline-size: 1em;
      block-size: 1em;
      border: 2px solid currentColor;
      border-inline-end-color: transparent;
      border-radius: 50%;
      animation: orgauth-spin 0.7s linear infinite;
      flex: none;
    }
    @media (prefers-reduced-motion: reduce) {
      .spinner {
        animation-duration: 2s;
      }
    }
    @keyframes orgauth-spin {
      to {
        transform: rotate(360deg);
      }
    }
  }
`;
