import {
  type AppContext,
  apiOk,
  type AppDeps,
  authenticateLimit,
  defineRoutes,
  type FeatureRoutes,
  limitSmsRecipient,
  readBody,
  sdkOk,
  sendLimit,
} from '../http/index.js';
import { optionalString, type Body } from '../lib/validate.js';
import { organizationOfBody } from '../organizations/index.js';
import { readHeldSessionCredentials } from '../sessions/index.js';
import type { MemberProof } from './sms-gate.js';
import { authenticateSmsOtp } from './sms-authenticate.js';
import { sendSmsOtp } from './sms-send.js';

/** The body's `intermediate_session_token` (the SDK copies its IST cookie there); absent or `''` is none. */
const istOf = (body: Body) => optionalString(body, 'intermediate_session_token', { max: 16_384 }) || undefined;

/** SDK proofs: the IST in the body, and the session cookie the SDK sends as the Basic password (ambient). */
const sdkProof = (c: AppContext, body: Body): MemberProof => ({
  ist: istOf(body),
  session: { credentials: { token: c.get('sessionToken') }, mode: 'ambient' },
});

/** Backend proofs: the IST and the `session_token` / `session_jwt` of the body (explicit). */
const backendProof = (body: Body): MemberProof => ({
  ist: istOf(body),
  session: { credentials: readHeldSessionCredentials(body), mode: 'explicit' },
});

/**
 * SMS one-time codes, a second factor (docs/wire-protocol.md §2.2; backend §5.2): send and
 * authenticate on both APIs. Sends are limited per member and client IP by the declared rule and per
 * number in the handler (http/rate-limit.ts `sendPerPhone`); wrong codes count as failures against
 * the member (AUTH-01).
 */
export function smsOtpRoutes(deps: AppDeps): FeatureRoutes {
  const sdk = defineRoutes();
  const api = defineRoutes();
  const send = async (c: AppContext, proof: (body: Body) => MemberProof) => {
    const body = await readBody(c);
    const project = c.get('project');
    const organization = await organizationOfBody(deps.db, project.id, body);
    return sendSmsOtp(deps, project, body, organization, {
      proof: proof(body),
      countRecipient: (phone) => limitSmsRecipient(c, phone),
    });
  };
  const authenticate = async (c: AppContext, proof: (body: Body) => MemberProof) => {
    const body = await readBody(c);
    const project = c.get('project');
    const organization = await organizationOfBody(deps.db, project.id, body);
    return authenticateSmsOtp(deps, project, body, organization, proof(body));
  };

  sdk.post('/b2b/otps/sms/send', { action: 'OTPsSmsSend', limit: sendLimit('member_id') }, async (c) => {
    await send(c, (body) => sdkProof(c, body));
    return sdkOk(c, {});
  });
  sdk.post(
    '/b2b/otps/sms/authenticate',
    { action: 'OTPsSmsAuthenticate', limit: authenticateLimit('member_id') },
    async (c) => {
      const payload = await authenticate(c, (body) => sdkProof(c, body));
      c.header('Cache-Control', 'no-store');
      return sdkOk(c, payload);
    },
  );

  api.post('/otps/sms/send', { action: 'OTPsSmsSend', limit: sendLimit('member_id') }, async (c) =>
    apiOk(c, await send(c, backendProof)),
  );
  api.post(
    '/otps/sms/authenticate',
    { action: 'OTPsSmsAuthenticate', limit: authenticateLimit('member_id') },
    async (c) => apiOk(c, await authenticate(c, backendProof)),
  );
  return { sdk: sdk.app, backend: api.app };
}
