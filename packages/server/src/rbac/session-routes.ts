import type { Hono } from 'hono';
import { type AppDeps, type AppEnv, defineRoutes, readBody, sdkOk } from '../http/index.js';
import { getMember } from '../members/index.js';
import { revokeSessionsForMember } from '../sessions/index.js';
import { sessionCaller } from './caller.js';

/**
 * `POST /sdk/v1/b2b/sessions/revoke/{member_id}` (docs/wire-protocol.md §2.6 `session.revokeForMember`):
 * signs a member of the session's organization out everywhere. The caller's own member needs
 * `stytch.self revoke-sessions` (every member holds it), anyone else `stytch.member revoke-sessions`;
 * a member id of another organization is `member_not_found` (docs/security.md TEN-08).
 */
export function sdkSessionRevokeRoutes(deps: AppDeps): Hono<AppEnv> {
  const sdk = defineRoutes();
  sdk.post('/b2b/sessions/revoke/:member_id', { action: 'SessionsRevokeForMember' }, async (c) => {
    await readBody(c);
    const caller = await sessionCaller(c, deps);
    const member = await getMember(deps.db, caller.organization.id, c.req.param('member_id'));
    const self = member.id === caller.member.id;
    caller.require([{ resource: self ? 'stytch.self' : 'stytch.member', action: 'revoke-sessions' }]);
    await revokeSessionsForMember(deps.db, caller.session.project_id, member.id, deps.now());
    return sdkOk(c, {});
  });
  return sdk.app;
}
