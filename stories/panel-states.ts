/**
 * The screens of `<orgauth-organization-members>` and `<orgauth-organization-settings>` that need
 * stories: `coverage.test.ts` checks that each has a light and a dark one (a story names its screen
 * in `parameters.panelState`), and `panel-stories.test.ts` that each shows what it says.
 */
export const MEMBERS_STATES = [
  'admin', // every member with every action the admin may take
  'member', // a member who may list but change nothing: no controls
  'not-allowed', // a member who may not list: words instead
  'empty', // nobody yet
  'loading', // the first page on its way
  'error', // the list failed: words and "Try again"
  'confirm', // the confirmation dialog before removing a member
  'invite', // the invite form with its role picker
] as const;

/** One of {@link MEMBERS_STATES}. */
export type MembersStoryState = (typeof MEMBERS_STATES)[number];

export const SETTINGS_STATES = [
  'admin', // every field editable
  'read-only', // a member without update permissions
  'loading', // the organization on its way
  'error', // the load failed: words and "Try again"
  'invalid', // a save stopped by the fields' checks
  'saved', // a save announced
] as const;

/** One of {@link SETTINGS_STATES}. */
export type SettingsStoryState = (typeof SETTINGS_STATES)[number];

/** What a screen shows inside its element: a selector, with words in it for `words`, and none of `absent`. */
export interface PanelShows {
  selector: string;
  words?: true;
  absent?: string;
}

export const MEMBERS_SHOWS: Record<MembersStoryState, PanelShows> = {
  admin: { selector: 'tbody [part~="remove-button"]', words: true },
  member: { selector: 'tbody tr', words: true, absent: 'button' },
  'not-allowed': { selector: '[part~="empty"]', words: true, absent: 'table' },
  empty: { selector: '[part~="empty"]', words: true },
  loading: { selector: '[role="status"] .spinner' },
  error: { selector: '[role="alert"]', words: true },
  confirm: { selector: 'dialog[open] #confirm-heading', words: true },
  invite: { selector: '[part~="role-picker"] [part~="choice"]', words: true },
};

export const SETTINGS_SHOWS: Record<SettingsStoryState, PanelShows> = {
  admin: { selector: 'button[type="submit"]', words: true },
  'read-only': { selector: '[part~="read-only"]', words: true, absent: 'button[type="submit"]' },
  loading: { selector: '[role="status"] .spinner' },
  error: { selector: '[role="alert"]', words: true },
  invalid: { selector: '#slug[aria-invalid="true"] ~ .field-error', words: true },
  saved: { selector: '[role="status"]', words: true },
};
