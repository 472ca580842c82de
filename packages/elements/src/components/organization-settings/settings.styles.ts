import { css } from 'lit';

/** Styles of `<orgauth-organization-settings>` beyond the shared panel: the form's grid of fields. */
export const settingsStyles = css`
  @layer orgauth-component {
    :host {
      max-inline-size: var(--orgauth-panel-width, 640px);
    }
    form {
      display: flex;
      flex-direction: column;
      gap: var(--_orgauth-space);
    }
    .field {
      display: flex;
      flex-direction: column;
      gap: 0.3em;
    }
    .methods {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(10em, 1fr));
      gap: 0.35em 1em;
      padding-inline-start: 1.5em;
    }
  }
`;
