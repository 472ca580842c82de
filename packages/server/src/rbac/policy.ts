import type { RbacPermission, RbacPolicy, RbacPolicyResource, RbacPolicyRole } from '@orgauth/core/protocol';
import { badRequest } from '../lib/api-error.js';
import { DEFAULT_RBAC_RESOURCES, DEFAULT_RBAC_ROLES, defaultRbacPolicy } from './default-policy.js';

/**
 * A project environment's custom RBAC policy: what the operator adds to Stytch's default one
 * (`orgauth-server rbac set-policy`). Reserved `stytch_*` roles may appear to gain permissions;
 * reserved `stytch.*` resources may appear only unchanged (so `rbac show`'s output can be set back).
 */
export interface CustomRbacPolicy {
  roles: RbacPolicyRole[];
  resources: RbacPolicyResource[];
  scopes: RbacPolicy['scopes'];
}

// Stytch's identifiers: letters, digits and `_ - . :`; the reserved prefixes are checked apart.
const ID = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$/;
const ACTION = /^(\*|[A-Za-z0-9][A-Za-z0-9_.:*-]{0,127})$/;
const MAX_ITEMS = 100;

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function list(value: unknown, where: string): unknown[] {
  if (value === undefined) return [];
  if (!Array.isArray(value) || value.length > MAX_ITEMS)
    throw badRequest(`${where} must be an array of at most ${MAX_ITEMS} items.`);
  return value;
}

function id(value: unknown, where: string): string {
  if (typeof value !== 'string' || !ID.test(value))
    throw badRequest(`${where} must be 1-128 letters, digits, "_", "-", "." or ":".`);
  return value;
}

function description(value: unknown, where: string): string {
  if (value === undefined) return '';
  if (typeof value !== 'string' || value.length > 512)
    throw badRequest(`${where} must be a string of at most 512 characters.`);
  return value;
}

function actions(value: unknown, where: string): string[] {
  const items = list(value, where);
  if (items.length === 0) throw badRequest(`${where} must list at least one action.`);
  const seen = new Set<string>();
  for (const action of items) {
    if (typeof action !== 'string' || !ACTION.test(action))
      throw badRequest(`${where}: "${String(action)}" is not an action name.`);
    if (seen.has(action)) throw badRequest(`${where}: the action "${action}" is listed twice.`);
    seen.add(action);
  }
  return [...seen];
}

function unique<T>(items: T[], key: (item: T) => string, what: string): void {
  const seen = new Set<string>();
  for (const item of items) {
    if (seen.has(key(item))) throw badRequest(`Duplicate ${what} "${key(item)}".`);
    seen.add(key(item));
  }
}

function readResource(value: unknown, index: number): RbacPolicyResource {
  const where = `resources[${index}]`;
  if (!isObject(value)) throw badRequest(`${where} must be an object.`);
  const resourceId = id(value.resource_id, `${where}.resource_id`);
  const resource = {
    resource_id: resourceId,
    description: description(value.description, `${where}.description`),
    actions: actions(value.actions, `${where}.actions`),
  };
  if (resource.actions.includes('*'))
    throw badRequest(`${where}.actions: "*" is for permissions, not a resource's action.`);
  const reserved = DEFAULT_RBAC_RESOURCES.find((r) => r.resource_id === resourceId);
  if (resourceId.startsWith('stytch.')) {
    const same =
      reserved !== undefined &&
      reserved.actions.length === resource.actions.length &&
      reserved.actions.every((a) => resource.actions.includes(a));
    if (!same)
      throw badRequest(
        `Resource "${resourceId}": resource ids starting with "stytch." are reserved and cannot be changed.`,
      );
  }
  return resource;
}

function readPermissions(value: unknown, where: string, resources: Map<string, string[]>): RbacPermission[] {
  const permissions = list(value, where).map((item, index) => {
    const at = `${where}[${index}]`;
    if (!isObject(item)) throw badRequest(`${at} must be an object.`);
    const resourceId = typeof item.resource_id === 'string' ? item.resource_id : '';
    const known = resources.get(resourceId);
    if (known === undefined)
      throw badRequest(`${at}: unknown resource "${resourceId}" (declare it under "resources").`);
    const granted = actions(item.actions, `${at}.actions`);
    for (const action of granted) {
      if (action !== '*' && !known.includes(action))
        throw badRequest(`${at}: the resource "${resourceId}" has no action "${action}".`);
    }
    return { resource_id: resourceId, actions: granted };
  });
  unique(permissions, (p) => p.resource_id, `resource in ${where}`);
  return permissions;
}

/** True when `permissions` grant every action `required` grants (`*` only by `*`). */
function covers(permissions: RbacPermission[], required: RbacPermission): boolean {
  const held = permissions.find((p) => p.resource_id === required.resource_id)?.actions ?? [];
  return held.includes('*') || required.actions.every((action) => action !== '*' && held.includes(action));
}

function readRole(value: unknown, index: number, resources: Map<string, string[]>): RbacPolicyRole {
  const where = `roles[${index}]`;
  if (!isObject(value)) throw badRequest(`${where} must be an object.`);
  const roleId = id(value.role_id, `${where}.role_id`);
  const role = {
    role_id: roleId,
    description: description(value.description, `${where}.description`),
    permissions: readPermissions(value.permissions, `${where}.permissions`, resources),
  };
  if (roleId.startsWith('stytch_')) {
    const reserved = DEFAULT_RBAC_ROLES.find((r) => r.role_id === roleId);
    if (reserved === undefined) throw badRequest(`Role "${roleId}": role ids starting with "stytch_" are reserved.`);
    const lost = reserved.permissions.find((p) => !covers(role.permissions, p));
    if (lost !== undefined) {
      throw badRequest(
        `Role "${roleId}" would lose its default permission ${lost.resource_id}: ${lost.actions.join(', ')}; reserved roles may only gain permissions.`,
      );
    }
    if (role.description === '') role.description = reserved.description;
  }
  return role;
}

/**
 * Validates an operator's policy document `{roles?, resources?, scopes?}` and returns its custom
 * part. Refused: an unknown top-level key, a malformed or duplicate id, a permission on an undeclared
 * resource or action, a changed `stytch.*` resource, an unknown `stytch_*` role, and a reserved role
 * without its default permissions.
 * @throws ApiError 400 `bad_request` whose message names the offending item.
 */
export function readCustomPolicy(document: unknown): CustomRbacPolicy {
  if (!isObject(document)) throw badRequest('The policy must be a JSON object with "roles" and "resources".');
  const extra = Object.keys(document).filter((key) => !['roles', 'resources', 'scopes'].includes(key));
  if (extra.length > 0) throw badRequest(`Unknown policy field "${extra[0]}": use roles, resources and scopes.`);
  const resources = list(document.resources, 'resources').map(readResource);
  unique(resources, (r) => r.resource_id, 'resource_id');
  const known = new Map<string, string[]>(
    [...DEFAULT_RBAC_RESOURCES, ...resources].map((r) => [r.resource_id, [...r.actions]]),
  );
  const roles = list(document.roles, 'roles').map((role, index) => readRole(role, index, known));
  unique(roles, (r) => r.role_id, 'role_id');
  const scopes = list(document.scopes, 'scopes').map((value, index) => {
    const where = `scopes[${index}]`;
    if (!isObject(value)) throw badRequest(`${where} must be an object.`);
    return {
      scope: id(value.scope, `${where}.scope`),
      description: description(value.description, `${where}.description`),
      permissions: readPermissions(value.permissions, `${where}.permissions`, known),
    };
  });
  unique(scopes, (s) => s.scope, 'scope');
  return { roles, resources: resources.filter((r) => !r.resource_id.startsWith('stytch.')), scopes };
}

/**
 * The effective policy: Stytch's default resources, then the custom ones; the reserved roles (as
 * customised, if they were), then the custom roles; the custom scopes.
 */
export function mergePolicy(custom: CustomRbacPolicy): RbacPolicy {
  const base = defaultRbacPolicy();
  const customised = new Map(custom.roles.map((role) => [role.role_id, role]));
  return {
    roles: [
      ...base.roles.map((role) => customised.get(role.role_id) ?? role),
      ...custom.roles.filter((role) => !role.role_id.startsWith('stytch_')),
    ],
    resources: [...base.resources, ...custom.resources],
    scopes: custom.scopes,
  };
}
