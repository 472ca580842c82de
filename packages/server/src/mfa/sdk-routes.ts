import type { Hono } from 'hono';
import {
  type AppContext,
  type AppDeps,
  type AppEnv,
  authenticateLimit,
  defineRoutes,
  readBody,
  sdkOk,
} from '../http/index.js';
import { apiError, ApiError } from '../lib/api-error.js';
import type { Body } from '../lib/validate.js';
import { type LoadedSession, loadLiveSession } from '../sessions/index.js';
import { istOf, type TargetMember } from './caller.js';
import { deleteMemberTotp } from './member-factors.js';
import {
  authenticateTotp,
  createTotp,
  getRecoveryCodes,
  recoverWithCode,
  rotateMemberRecoveryCodes,
} from './service.js';

/** The live session the browser holds (Basic password), or `undefined`: a dead cookie is no proof. */
async function ambientSession(deps: AppDeps, projectId: string, token: string | undefined, now: number) {
  if (token === undefined) return undefined;
  try {
    return await loadLiveSession(deps.db, projectId, { token }, now);
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return undefined;
    throw error;
  }
}

/** The member of the browser's session: recovery-code management acts on oneself only. */
function sessionMember(loaded: LoadedSession | undefined): TargetMember & { loaded: LoadedSession } {
  if (loaded === undefined) throw apiError('session_not_found', 'Sign in first: this needs your session.');
  return { member: loaded.member, organization: loaded.organization, loaded };
}

/**
 * The SDK's TOTP and recovery-code routes (docs/wire-protocol.md §2): Stytch's paths and shapes. A
 * factor is created or checked for the member of the sign-in's IST (body) or of the session (Basic
 * password); code checks are rate-limited per member (http/rate-limit.ts, AUTH-01).
 */
export function sdkMfaRoutes(deps: AppDeps): Hono<AppEnv> {
  const sdk = defineRoutes();
  const proofOf = async (c: AppContext, body: Body) => ({
    ist: istOf(body),
    session: await ambientSession(deps, c.get('project').id, c.get('sessionToken'), deps.now()),
  });

  sdk.post('/b2b/totp', { action: 'TOTPsCreate' }, async (c) => {
    const body = await readBody(c);
    return sdkOk(c, await createTotp(deps, c.get('project'), body, await proofOf(c, body)));
  });
  sdk.post(
    '/b2b/totp/authenticate',
    { action: 'TOTPsAuthenticate', limit: authenticateLimit('member_id') },
    async (c) => {
      const body = await readBody(c);
      return sdkOk(c, await authenticateTotp(deps, c.get('project'), body, { proof: await proofOf(c, body) }));
    },
  );
  sdk.get('/b2b/recovery_codes', { action: 'RecoveryCodesGet' }, async (c) => {
    const target = sessionMember(await ambientSession(deps, c.get('project').id, c.get('sessionToken'), deps.now()));
    return sdkOk(c, await getRecoveryCodes(deps.db, deps.secretBox, target));
  });
  sdk.post(
    '/b2b/recovery_codes/recover',
    { action: 'RecoveryCodesRecover', limit: authenticateLimit('member_id') },
    async (c) => {
      const body = await readBody(c);
      return sdkOk(c, await recoverWithCode(deps, c.get('project'), body, { proof: await proofOf(c, body) }));
    },
  );
  sdk.post('/b2b/recovery_codes/rotate', { action: 'RecoveryCodesRotate' }, async (c) => {
    await readBody(c);
    const now = deps.now();
    const target = sessionMember(await ambientSession(deps, c.get('project').id, c.get('sessionToken'), now));
    return sdkOk(c, await rotateMemberRecoveryCodes(deps.db, deps.secretBox, target, now));
  });
  sdk.delete('/b2b/organizations/members/deleteTOTP', { action: 'OrganizationsMembersDeleteTOTP' }, async (c) => {
    await readBody(c);
    const now = deps.now();
    const target = sessionMember(await ambientSession(deps, c.get('project').id, c.get('sessionToken'), now));
    return sdkOk(c, await deleteMemberTotp(deps.db, target, now));
  });
  return sdk.app;
}
