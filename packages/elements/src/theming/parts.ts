// One name per line would make a long file of a plain list.
// biome-ignore format: a list of names
/** Every `::part()` of the OrgAuth elements, as `appearance.elements` names it (camelCase). */
export const ELEMENT_KEYS = [
  'actionButton', 'actionsCell', 'admissionHint', 'authMethods', 'avatar', 'button', 'cancelButton',
  'card', 'cell', 'choice', 'codeInput', 'confirmButton', 'copyButton', 'count', 'createButton',
  'createItem', 'dangerButton', 'dialog', 'dialogActions', 'dialogBody', 'dialogHeading', 'divider',
  'downloadButton', 'emailButton', 'emailCell', 'empty', 'error', 'field', 'fieldError',
  'forgotPasswordButton', 'form', 'heading', 'hint', 'initials', 'input', 'intro', 'inviteButton',
  'inviteForm', 'item', 'itemHint', 'itemName', 'label', 'linkButton', 'loadMore', 'logo', 'logoBox',
  'logoImage', 'menu', 'methodButton', 'methods', 'mfaMethodButton', 'mfaMethods', 'name', 'nameCell',
  'oauthButton', 'oauthButtons', 'oauthMark', 'organizationItem', 'orgButton', 'orgHint', 'orgList',
  'orgName', 'panel', 'passwordButton', 'passwordInput', 'passwordRow', 'passwordToggle', 'phoneInput',
  'reactivateButton', 'readOnly', 'recoveryCodeButton', 'recoveryCodeInput', 'recoveryCodes',
  'removeButton', 'resendButton', 'resendCountdown', 'retryButton', 'retryItem', 'revokeButton',
  'roleEditor', 'rolePicker', 'rolesButton', 'rolesCell', 'row', 'saveRolesButton', 'search',
  'searchInput', 'secondaryButton', 'select', 'separator', 'signOutButton', 'signOutItem', 'spinner',
  'ssoButton', 'ssoEmailButton', 'ssoList', 'status', 'statusBadge', 'statusCell', 'strength',
  'strengthFeedback', 'strengthMeter', 'subheading', 'submitButton', 'table', 'tableWrap', 'totpKey',
  'totpQr',
] as const;
