import { css } from 'lit';

/**
 * Shared styles of the signed-in panels (members, settings), over `themeStyles`: the card, headings,
 * fields, buttons, live regions and the confirmation dialog. In the elements' cascade layer, so
 * `::part()` rules win without specificity fights. No inline styles anywhere (strict CSP).
 */
export const panelStyles = css`
  @layer orgauth-component {
    :host {
      display: block;
      box-sizing: border-box;
      inline-size: 100%;
      max-inline-size: var(--orgauth-panel-width, 960px);
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
      display: flex;
      flex-direction: column;
      gap: calc(var(--_orgauth-space) * 0.75);
      padding: calc(var(--_orgauth-space) * 1.5);
      background: var(--_orgauth-bg);
      border: 1px solid var(--_orgauth-border);
      border-radius: calc(var(--_orgauth-radius) * 1.5);
      box-shadow: var(--orgauth-card-shadow, 0 1px 2px rgb(0 0 0 / 6%), 0 8px 24px rgb(0 0 0 / 6%));
    }
    .heading {
      margin: 0;
      font-size: 1.3em;
      font-weight: 650;
    }
    .subheading {
      margin: 0;
      font-size: 1.05em;
      font-weight: 650;
    }
    .hint,
    .empty,
    .muted {
      margin: 0;
      color: var(--_orgauth-muted);
    }
    .hint {
      font-size: 0.875em;
    }
    label,
    legend {
      font-weight: 550;
      font-size: 0.925em;
    }
    input,
    select,
    textarea {
      font: inherit;
      color: var(--_orgauth-text);
      background: var(--_orgauth-bg);
      border: 1px solid var(--_orgauth-border);
      border-radius: var(--_orgauth-radius);
      padding: 0.55em 0.7em;
      inline-size: 100%;
    }
    input[type='checkbox'],
    input[type='radio'] {
      inline-size: auto;
      accent-color: var(--_orgauth-primary);
    }
    input[readonly],
    select:disabled,
    textarea[readonly] {
      color: var(--_orgauth-muted);
      background: var(--_orgauth-surface);
    }
    [aria-invalid='true'] {
      border-color: var(--_orgauth-danger);
    }
    :focus-visible {
      outline: 2px solid var(--_orgauth-primary);
      outline-offset: 2px;
    }
    fieldset {
      margin: 0;
      padding: 0;
      border: 0;
      display: flex;
      flex-direction: column;
      gap: 0.35em;
    }
    .choice {
      display: flex;
      align-items: center;
      gap: 0.5em;
      font-weight: 400;
    }
    .error,
    .field-error {
      color: var(--_orgauth-danger);
      font-size: 0.9em;
    }
    .status {
      color: var(--_orgauth-muted);
      font-size: 0.9em;
    }
    .status.success {
      color: var(--_orgauth-success);
    }
    /* Empty live regions leave the layout but stay in the accessibility tree (internal/alert.ts). */
    .error:empty,
    .field-error:empty,
    .status:empty {
      position: absolute;
      inline-size: 1px;
      block-size: 1px;
      overflow: hidden;
      clip-path: inset(50%);
      white-space: nowrap;
    }
    button {
      display: inline-flex;
      align-items: center;
      justify-content: center;
      gap: 0.5em;
      font: inherit;
      font-weight: var(--orgauth-button-font-weight, 600);
      border-radius: var(--orgauth-button-radius, var(--_orgauth-radius));
      padding: var(--orgauth-button-padding, 0.5em 0.9em);
      cursor: pointer;
      border: 1px solid transparent;
    }
    button:disabled,
    button[aria-disabled='true'] {
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
    .danger {
      background: var(--_orgauth-danger);
      color: var(--_orgauth-bg);
    }
    .danger-text {
      color: var(--_orgauth-danger);
    }
    .row-actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5em;
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
