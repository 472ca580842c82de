import { css } from 'lit';

/**
 * Styles of `<orgauth-organization-switcher>`, over the shared theme (`themeStyles`). One cascade
 * layer, as the login's, so `::part()` rules win without specificity fights. The panel is
 * `position: fixed` at the viewport's origin; `placePanel` (switcher-position.ts) moves it.
 */
export const switcherStyles = css`
  @layer orgauth-component {
    :host {
      display: inline-block;
      max-inline-size: 100%;
      color: var(--_orgauth-text);
      font-family: var(--_orgauth-font);
      font-size: var(--orgauth-font-size, 15px);
      line-height: 1.4;
    }
    *,
    *::before,
    *::after {
      box-sizing: border-box;
    }
    .button {
      display: inline-flex;
      align-items: center;
      gap: 0.5em;
      max-inline-size: 100%;
      padding: 0.375em 0.625em 0.375em 0.375em;
      color: inherit;
      font: inherit;
      background: var(--orgauth-switcher-background, var(--_orgauth-bg));
      border: 1px solid var(--_orgauth-border);
      border-radius: var(--orgauth-button-radius, var(--_orgauth-radius));
      cursor: pointer;
    }
    .button:focus-visible,
    .item:focus-visible {
      outline: 2px solid var(--_orgauth-primary);
      outline-offset: 2px;
    }
    /* The initials are drawn, not written: as text they would count as the button's visible words, which
       its aria-label ("Acme Inc., switch organization") must start with (axe's label-content-name-mismatch). */
    [part~='initials']::before {
      content: attr(data-initials);
    }
    .name {
      overflow: hidden;
      font-weight: 600;
      white-space: nowrap;
      text-overflow: ellipsis;
    }
    .chevron {
      flex: none;
      inline-size: 0.5em;
      block-size: 0.5em;
      margin-inline-start: 0.25em;
      border-block-end: 2px solid currentColor;
      border-inline-end: 2px solid currentColor;
      transform: translateY(-25%) rotate(45deg);
    }
    .avatar {
      display: inline-grid;
      flex: none;
      place-items: center;
      inline-size: var(--orgauth-avatar-size, 1.75em);
      block-size: var(--orgauth-avatar-size, 1.75em);
      overflow: hidden;
      color: var(--_orgauth-on-primary);
      font-size: 0.8em;
      font-weight: 700;
      background: var(--_orgauth-primary);
      border-radius: calc(var(--_orgauth-radius) * 0.75);
    }
    .avatar img {
      inline-size: 100%;
      block-size: 100%;
      object-fit: cover;
      background: var(--_orgauth-bg);
    }
    .panel {
      position: fixed;
      /* Physical on purpose: switcher-position.ts writes floating-ui's x/y into left/top. A logical
         inset-inline-start would be right: 0 under dir=rtl, and with left set too the panel would
         stretch to the viewport's edge. floating-ui reads the panel's direction itself (bottom-start
         is the button's right edge in right-to-left text). */
      top: 0;
      left: 0;
      z-index: var(--orgauth-switcher-z-index, 1000);
      display: flex;
      flex-direction: column;
      gap: 0.25em;
      inline-size: max-content;
      min-inline-size: min(14em, calc(100vw - 16px));
      max-inline-size: min(var(--orgauth-switcher-width, 22em), calc(100vw - 16px));
      padding: 0.375em;
      overflow-y: auto;
      background: var(--_orgauth-bg);
      border: 1px solid var(--_orgauth-border);
      border-radius: calc(var(--_orgauth-radius) * 1.25);
      box-shadow: var(--orgauth-panel-shadow, 0 4px 12px rgb(0 0 0 / 12%), 0 12px 32px rgb(0 0 0 / 12%));
    }
    .panel[hidden] {
      display: none;
    }
    .menu {
      display: flex;
      flex-direction: column;
      gap: 2px;
    }
    .item {
      display: flex;
      align-items: center;
      gap: 0.625em;
      min-block-size: 2.75em;
      padding: 0.375em 0.5em;
      border-radius: var(--_orgauth-radius);
      cursor: pointer;
      user-select: none;
    }
    .item:hover,
    .item:focus {
      background: var(--_orgauth-surface);
    }
    .item[aria-disabled='true'] {
      cursor: progress;
    }
    .label {
      display: flex;
      flex: 1;
      flex-direction: column;
      min-inline-size: 0;
    }
    .label .name {
      font-weight: 550;
    }
    .hint,
    .status {
      margin: 0;
      color: var(--_orgauth-muted);
      font-size: 0.85em;
    }
    .status {
      display: flex;
      align-items: center;
      gap: 0.5em;
      padding: 0.25em 0.5em;
    }
    .status:empty,
    .error:empty {
      display: none;
    }
    .error {
      padding: 0.25em 0.5em;
      color: var(--_orgauth-danger);
      font-size: 0.85em;
    }
    .check {
      flex: none;
      inline-size: 0.4em;
      block-size: 0.75em;
      margin-inline: 0.3em;
      border-block-end: 2px solid var(--_orgauth-primary);
      border-inline-end: 2px solid var(--_orgauth-primary);
      transform: rotate(45deg);
    }
    .separator {
      margin: 0.25em 0;
      border: 0;
      border-block-start: 1px solid var(--_orgauth-border);
    }
    .spinner {
      flex: none;
      inline-size: 1em;
      block-size: 1em;
      border: 2px solid currentColor;
      border-inline-end-color: transparent;
      border-radius: 50%;
      animation: orgauth-spin 0.7s linear infinite;
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
