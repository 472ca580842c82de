'use client';

/**
 * `@orgauth/react/account`: the signed-in surfaces as React components. A subpath of its own, so
 * apps that show only the login never load them.
 */
export { OrganizationMembers, OrganizationSettings } from './account-panels.js';
export type { OrganizationMembersProps, OrganizationSettingsProps } from './account-panels.js';
