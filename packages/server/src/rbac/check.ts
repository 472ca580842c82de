import type { Db } from '../db/schema.js';
import { apiError, badRequest } from '../lib/api-error.js';
import { optionalObject, requiredString, type Body } from '../lib/validate.js';
import { memberRoleIds } from '../members/index.js';
import type { LoadedSession } from '../sessions/index.js';
import { isAuthorized } from './authorize.js';
import { loadRbacPolicy } from './store.js';

/** Stytch's `authorization_check` of a backend `sessions/authenticate`. */
export interface AuthorizationCheck {
  organization_id: string;
  resource_id: string;
  action: string;
}

/** Stytch's `AuthorizationVerdict`: always `authorized: true`, since a refusal is an error. */
export interface AuthorizationVerdict {
  authorized: true;
  granting_roles: string[];
}

/**
 * Reads `authorization_check` from a `sessions/authenticate` body: `undefined` when absent.
 * @throws ApiError 400 `bad_request` when it is not `{organization_id, resource_id, action}`.
 */
export function readAuthorizationCheck(body: Body): AuthorizationCheck | undefined {
  const check = optionalObject(body, 'authorization_check');
  if (check === undefined) return undefined;
  const field = (key: string) => requiredString(check, key, { max: 256 });
  const read = {
    organization_id: field('organization_id'),
    resource_id: field('resource_id'),
    action: field('action'),
  };
  if (Object.values(read).some((value) => value === ''))
    throw badRequest('authorization_check needs organization_id, resource_id and action.');
  return read;
}

/**
 * Judges `check` for the session's member, as Stytch's API does: the session must belong to the
 * named organization, and one of the member's roles must grant the action (or `*`) on the resource.
 * @returns the verdict, with every role that grants it.
 * @throws ApiError 403 `unauthorized_action` naming which of the two failed.
 */
export async function authorizationVerdict(
  db: Db,
  { member, organization }: Pick<LoadedSession, 'member' | 'organization'>,
  check: AuthorizationCheck,
): Promise<AuthorizationVerdict> {
  if (check.organization_id !== organization.id)
    throw apiError(
      'unauthorized_action',
      'The session belongs to a different organization than authorization_check names.',
    );
  const policy = await loadRbacPolicy(db, member.project_id);
  const granting = memberRoleIds(member, organization).filter((role) =>
    isAuthorized(policy, [role], check.resource_id, check.action),
  );
  if (granting.length === 0) {
    throw apiError(
      'unauthorized_action',
      `The member's roles do not grant "${check.action}" on "${check.resource_id}".`,
    );
  }
  return { authorized: true, granting_roles: granting };
}
