/** Organizations: store, search, settings, admin changes, request input, wire shape and routes. */
export { deleteOrganization, mergeMetadata, updateOrganization } from './admin.js';
export { AUTH_METHODS, readOrganizationFields } from './input.js';
export { organizationRoutes } from './routes.js';
export { toOrganization } from './serialize.js';
export { admittedOAuthTenant, extraSettings } from './settings.js';
export {
  findOrganization,
  getOrganization,
  insertOrganization,
  type NewOrganization,
  organizationOfBody,
} from './store.js';
export { readExternalId, readOrganizationPatch } from './update-input.js';
