import type { Hono } from 'hono';
import { type AppDeps, type AppEnv, apiOk, authenticateLimit, defineRoutes, readBody } from '../http/index.js';
import type { Body } from '../lib/validate.js';
import { proveHeldSession, readCustomClaims, readHeldSessionCredentials } from '../sessions/index.js';
import { istOf, memberOfBody } from './caller.js';
import { deleteMemberTotp } from './member-factors.js';
import {
  authenticateTotp,
  createTotp,
  getRecoveryCodes,
  recoverWithCode,
  rotateMemberRecoveryCodes,
} from './service.js';
import { migrateTotp } from './totp-migrate.js';

/**
 * The backend's TOTP and recovery-code routes, on the paths the official `stytch` Node SDK calls
 * (`/v1/b2b/totp`, `/v1/b2b/recovery_codes/...`). The project secret stands for the member when
 * creating or rotating; a second-factor check still needs the sign-in's IST or a session of the
 * member (body `session_token` / `session_jwt`), so it completes a sign-in and never starts one.
 */
export function backendMfaRoutes(deps: AppDeps): Hono<AppEnv> {
  const api = defineRoutes();
  const callOf = async (projectId: string, body: Body) => {
    const held = { credentials: readHeldSessionCredentials(body), mode: 'explicit' as const };
    const proven = await proveHeldSession(deps.db, deps.keys, projectId, held, {}, 0, deps.now());
    return { proof: { ist: istOf(body), session: proven?.loaded }, customClaims: readCustomClaims(body) };
  };

  api.post('/totp', { action: 'TOTPsCreate' }, async (c) =>
    apiOk(c, await createTotp(deps, c.get('project'), await readBody(c), undefined)),
  );
  api.post('/totp/migrate', { action: 'TOTPsMigrate' }, async (c) =>
    apiOk(c, await migrateTotp(deps, c.get('project'), await readBody(c))),
  );
  api.post('/totp/authenticate', { action: 'TOTPsAuthenticate', limit: authenticateLimit('member_id') }, async (c) => {
    const body = await readBody(c);
    return apiOk(c, await authenticateTotp(deps, c.get('project'), body, await callOf(c.get('project').id, body)));
  });
  api.post(
    '/recovery_codes/recover',
    { action: 'RecoveryCodesRecover', limit: authenticateLimit('member_id') },
    async (c) => {
      const body = await readBody(c);
      return apiOk(c, await recoverWithCode(deps, c.get('project'), body, await callOf(c.get('project').id, body)));
    },
  );
  api.post('/recovery_codes/rotate', { action: 'RecoveryCodesRotate' }, async (c) => {
    const target = await memberOfBody(deps.db, c.get('project').id, await readBody(c));
    return apiOk(c, await rotateMemberRecoveryCodes(deps.db, deps.secretBox, target, deps.now()));
  });
  api.get('/recovery_codes/:organization_id/:member_id', { action: 'RecoveryCodesGet' }, async (c) => {
    const target = await memberOfBody(deps.db, c.get('project').id, c.req.param());
    return apiOk(c, await getRecoveryCodes(deps.db, deps.secretBox, target));
  });
  api.delete(
    '/organizations/:organization_id/members/:member_id/totp',
    { action: 'OrganizationsMembersDeleteTOTP' },
    async (c) => {
      await readBody(c);
      const target = await memberOfBody(deps.db, c.get('project').id, c.req.param());
      return apiOk(c, await deleteMemberTotp(deps.db, target, deps.now()));
    },
  );
  return api.app;
}
