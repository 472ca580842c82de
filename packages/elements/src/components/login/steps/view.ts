import type { EmailMethod, LoginProduct, LoginState, LoginStep, OAuthProviderConfig } from '@orgauth/core';
import type { OAuthProviderType, OrganizationBySlug } from '@orgauth/core/protocol';
import type { TemplateResult } from 'lit';
import type { OrgAuthMessages } from '../../../i18n/messages.js';
import type { OrgAuthLayout } from '../../../theming/appearance.js';
import type { CreateFormState } from '../create-form.js';
import type { FactorState } from '../factors/factor-state.js';

/** The login state narrowed to one step. */
export type StepState<K extends LoginStep> = Extract<LoginState, { step: K }>;

/**
 * What a step render function gets from `<orgauth-login>`: the words, the actions (which call the
 * login controller) and the bits of view state that belong to the element rather than the machine.
 * Step functions stay pure: state in, template out.
 */
export interface LoginView {
  readonly messages: OrgAuthMessages;
  /** `appearance.layout`: where the OAuth buttons go, the logo. */
  readonly layout: OrgAuthLayout;
  /** True after a resend succeeded on the current "Check your email" screen. */
  readonly resent: boolean;
  /** The create-organization form's field values. */
  readonly createForm: CreateFormState;
  /** True while sign-out is in flight. */
  readonly signingOut: boolean;
  /** A failure outside the machine's state (sign-out), shown on the current step. */
  readonly localError: unknown;
  /** The ways in the login offers, in order (`config.products`). */
  readonly products: readonly LoginProduct[];
  /** False with `disableCreateOrganization`: "Create an organization" is hidden. */
  readonly canCreateOrganization: boolean;
  /** The digits typed into the code field so far. */
  readonly code: string;
  /** Seconds until "Resend code" is offered; 0 when it is. */
  readonly resendIn: number;
  /** Sends a link or a code (`method`, default the first email product). */
  submitEmail(email: string, method?: EmailMethod): void;
  /** Takes what was typed or pasted into the code field: digits only, at most six; the sixth submits. */
  setCode(value: string): void;
  /** Redeems the code in the field. */
  submitCode(): void;
  resend(): void;
  back(): void;
  chooseOrganization(organizationId: string): void;
  startCreate(): void;
  setOrganizationName(name: string): void;
  setOrganizationSlug(slug: string): void;
  submitCreate(): void;
  signOut(): void;
  reset(): void;
  /** "Continue with SSO" on the email step. */
  openSsoEmail(): void;
  submitSsoEmail(email: string): void;
  /** Leaves for the IdP of this connection (after the cancelable `orgauth-navigate`). */
  startSso(connectionId: string): void;
  /** "Continue with email" on the organization page: the discovery email step. */
  continueWithEmail(): void;
  /**
   * The OAuth buttons to show: none without `oauth` in `products`; in discovery (`null`) every
   * configured provider; on an organization's page only those the organization allows.
   */
  oauthProviders(organization: OrganizationBySlug | null): readonly OAuthProviderConfig[];
  /** Leaves for the provider's sign-in page (after the cancelable `orgauth-navigate`). */
  startOAuth(provider: OAuthProviderType): void;
  /** "Use a password" on the email step: the password step, with the email typed so far. */
  openPassword(email: string): void;
  /**
   * A password or second-factor step, rendered by the lazily loaded screens (factors/index.ts); the
   * progress indicator until they are there.
   */
  renderFactor(state: FactorState): TemplateResult;
}
