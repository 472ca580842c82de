import type { B2BClient } from '@orgauth/core';
import {
  createTestClient,
  fixtureAuthenticateResponse,
  fixtureErrorEnvelope,
  fixtureMember,
  fixtureMfaRequiredResponse,
  fixtureOrganization,
  fixtureStrengthCheckResponse,
  fixtureTotpCreateResponse,
  type ScriptedReply,
} from '@orgauth/core/testing';

// The clients behind the password and second-factor stories: Acme's page (`organization-slug`)
// requires a second factor, and its scripted server answers the way to each step.

const OK = { request_id: 'request-id-story-ok', status_code: 200 };

/** A whole 1×1 PNG, so the QR image loads in the stories (a real QR code would need an encoder). */
const QR_PNG =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGNgAAAAAgABc3UBGAAAAABJRU5ErkJggg==';

/** Acme's slug on the stories' page. */
export const FACTOR_SLUG = 'acme';

/** Acme with a second factor required, `methods` allowed. */
const acme = (methods: ('totp' | 'sms_otp')[]) =>
  fixtureOrganization({
    organization_slug: FACTOR_SLUG,
    mfa_policy: 'REQUIRED_FOR_ALL',
    mfa_methods: methods.length === 2 ? 'ALL_ALLOWED' : 'RESTRICTED',
    allowed_mfa_methods: methods,
  });

/** A client on Acme's page whose password sign-in owes a second factor, the rest as `replies` says. */
function acmeClient(
  methods: ('totp' | 'sms_otp')[],
  replies: Record<string, ScriptedReply> = {},
  member = fixtureMember(),
): B2BClient {
  const organization = acme(methods);
  return createTestClient({
    replies: {
      'POST /b2b/organizations/search': { ...OK, organization },
      'POST /b2b/passwords/authenticate': fixtureMfaRequiredResponse({ organization, member }),
      'POST /b2b/passwords/email/reset/start': OK,
      'POST /b2b/totp': fixtureTotpCreateResponse({ qr_code: QR_PNG }),
      'POST /b2b/totp/authenticate': fixtureAuthenticateResponse(),
      'POST /b2b/otps/sms/send': OK,
      ...replies,
    },
  }).client;
}

/** The password step (and "Forgot password?"): nothing enrolled, the app required. */
export const passwordClient = () => acmeClient(['totp']);
/** A wrong password. */
export const wrongPasswordClient = () =>
  acmeClient(['totp'], { 'POST /b2b/passwords/authenticate': fixtureErrorEnvelope('unauthorized_credentials', 401) });
/** Both factors allowed, nothing enrolled: the choice. */
export const chooseClient = () => acmeClient(['totp', 'sms_otp']);
/** Only texted codes allowed: the phone number first. */
export const smsClient = () => acmeClient(['sms_otp']);
/** The app enrolled: its code, or a recovery code. */
export const totpEnrolledClient = () =>
  acmeClient(['totp'], {}, fixtureMember({ totp_registration_id: 'member-totp-test-1', mfa_enrolled: true }));

/** The page a reset email leads to; its strength checks answer "fair, with advice". */
export function resetClient(): B2BClient {
  return createTestClient({
    href: 'http://localhost:3000/?stytch_token_type=multi_tenant_passwords&token=story-reset-token',
    replies: {
      'POST /b2b/passwords/strength_check': fixtureStrengthCheckResponse({
        valid_password: false,
        score: 2,
        zxcvbn_feedback: {
          warning: 'Straight rows of keys are easy to guess.',
          suggestions: ['Add another word or two. Uncommon words are better.'],
        },
      }),
    },
  }).client;
}
