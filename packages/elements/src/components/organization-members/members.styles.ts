import { css } from 'lit';

/** Styles of `<orgauth-organization-members>` beyond the shared panel: toolbar, table, badges, dialog. */
export const membersStyles = css`
  @layer orgauth-component {
    .toolbar {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: 0.5em;
    }
    .invite,
    .search {
      display: flex;
      flex-direction: column;
      gap: 0.35em;
    }
    .invite {
      padding: var(--_orgauth-space);
      border: 1px solid var(--_orgauth-border);
      border-radius: var(--_orgauth-radius);
      background: var(--_orgauth-surface);
    }
    .search input {
      max-inline-size: 24em;
    }
    .table-wrap {
      overflow-x: auto;
    }
    table {
      inline-size: 100%;
      border-collapse: collapse;
    }
    th,
    td {
      text-align: start;
      vertical-align: top;
      padding: 0.55em 0.6em;
      border-block-end: 1px solid var(--_orgauth-border);
    }
    thead th {
      font-size: 0.85em;
      font-weight: 600;
      color: var(--_orgauth-muted);
      background: var(--_orgauth-surface);
    }
    tbody th {
      font-weight: 600;
    }
    .email {
      overflow-wrap: anywhere;
    }
    tr[data-status='deleted'] {
      color: var(--_orgauth-muted);
    }
    .badge {
      display: inline-block;
      padding: 0.1em 0.55em;
      border-radius: 999px;
      font-size: 0.85em;
      border: 1px solid var(--_orgauth-border);
      background: var(--_orgauth-surface);
    }
    .badge[data-status='invited'],
    .badge[data-status='pending'] {
      border-color: var(--_orgauth-primary);
    }
    .dialog {
      max-inline-size: min(28em, calc(100vw - 2em));
      padding: calc(var(--_orgauth-space) * 1.25);
      color: var(--_orgauth-text);
      background: var(--_orgauth-bg);
      border: 1px solid var(--_orgauth-border);
      border-radius: calc(var(--_orgauth-radius) * 1.5);
    }
    .dialog::backdrop {
      background: rgb(0 0 0 / 45%);
    }
    .dialog-heading {
      margin: 0 0 0.5em;
      font-size: 1.1em;
    }
    .dialog-actions {
      display: flex;
      flex-wrap: wrap;
      justify-content: flex-end;
      gap: 0.5em;
      margin-block-start: var(--_orgauth-space);
    }
  }
`;
