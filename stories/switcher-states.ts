/**
 * The screens of `<orgauth-organization-switcher>` that need stories: `coverage.test.ts` checks that
 * each has a light and a dark one (a story names its state in `parameters.switcherState`), and
 * `switcher-stories.test.ts` that each shows what it says.
 */
export const SWITCHER_STATES = [
  'closed', // the button with the current organization
  'open', // the menu: the current organization, a membership, an invitation, a domain to join
  'loading', // the list is being loaded
  'empty', // no organization but the current one
  'error', // the list failed: words and "Try again"
  'switching', // a switch in progress
] as const;

/** One of {@link SWITCHER_STATES}. */
export type SwitcherStoryState = (typeof SWITCHER_STATES)[number];

/** What each state shows inside the element: a selector, with words in it for `words`. */
export const SWITCHER_SHOWS: Record<SwitcherStoryState, { selector: string; words?: true }> = {
  closed: { selector: '#button[aria-expanded="false"] [part="name"]', words: true },
  open: { selector: '[data-membership="eligible_to_join_by_email_domain"] [part~="item-hint"]', words: true },
  loading: { selector: '[role="status"] .spinner' },
  empty: { selector: '[role="status"]', words: true },
  error: { selector: '[part~="retry-item"]', words: true },
  switching: { selector: '[role="menuitemradio"][aria-disabled="true"] .spinner' },
};
