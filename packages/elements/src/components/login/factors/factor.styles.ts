import { css } from 'lit';

/**
 * Styles of the password and multi-factor screens, adopted by `<orgauth-login>` when the screens
 * module loads (in the same `orgauth-component` layer as login.styles.ts, so `::part()` still wins).
 */
export const factorStyles = css`
  @layer orgauth-component {
    .password-row,
    .key-row,
    .code-actions {
      display: flex;
      gap: calc(var(--_orgauth-space) * 0.5);
      align-items: stretch;
    }
    .password-row input {
      flex: 1;
      min-inline-size: 0;
    }
    .toggle {
      padding: 0.4em 0.6em;
    }
    .strength {
      display: flex;
      flex-direction: column;
      gap: 0.25em;
    }
    .strength-meter {
      inline-size: 100%;
      block-size: 0.5em;
    }
    .strength-feedback ul {
      margin: 0;
      padding-inline-start: 1.2em;
    }
    .qr {
      align-self: center;
      inline-size: 180px;
      block-size: 180px;
      image-rendering: pixelated;
      background: #fff;
      padding: 8px;
      border-radius: var(--_orgauth-radius);
    }
    .key,
    .codes code {
      font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
      font-size: 1em;
      overflow-wrap: anywhere;
    }
    .key-row {
      flex-wrap: wrap;
      align-items: center;
    }
    /* The groups of four stay whole; on a narrow card the copy button moves under the key. */
    .key {
      flex: 1 1 12em;
      letter-spacing: 0.05em;
      word-spacing: 0.2em;
      overflow-wrap: normal;
    }
    .codes {
      margin: 0;
      padding: var(--_orgauth-space);
      padding-inline-start: calc(var(--_orgauth-space) * 2.5);
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(10em, 1fr));
      gap: 0.25em 1em;
      background: var(--_orgauth-surface);
      border: 1px solid var(--_orgauth-border);
      border-radius: var(--_orgauth-radius);
    }
    .code-actions > button {
      flex: 1;
    }
    .recovery {
      font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
    }
  }
`;
