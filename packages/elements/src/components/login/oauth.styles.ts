import { css } from 'lit';

/**
 * Styles of the OAuth provider buttons and the "or" divider of `<orgauth-login>`, in the same
 * cascade layer as `loginStyles` so `::part(oauth-button)` and `::part(divider)` rules beat them.
 * The buttons are secondary buttons (`--orgauth-button-secondary-*` style them); the mark sits at
 * the start and the words stay centred.
 */
export const oauthStyles = css`
  @layer orgauth-component {
    .oauth-list {
      list-style: none;
      margin: 0;
      padding: 0;
      display: flex;
      flex-direction: column;
      gap: calc(var(--_orgauth-space) * 0.5);
    }
    .oauth-button {
      position: relative;
      inline-size: 100%;
      padding-inline: 2.75em;
    }
    .oauth-button:hover:not(:disabled) {
      border-color: var(--_orgauth-primary);
    }
    .oauth-button svg {
      position: absolute;
      inset-inline-start: 0.9em;
      inline-size: 1.25em;
      block-size: 1.25em;
    }
    .divider {
      display: flex;
      align-items: center;
      gap: 0.75em;
      margin: 0;
      color: var(--_orgauth-muted);
      font-size: 0.875em;
    }
    .divider::before,
    .divider::after {
      content: '';
      flex: 1;
      border-block-start: 1px solid var(--_orgauth-border);
    }
  }
`;
