import { SLUG_ERRORS } from '@orgauth/core';
import { describe, expect, it } from 'vitest';
import { AUTH_METHODS, POLICIES } from '../components/organization-settings/settings-form.js';
import { roleName } from './account-words.js';
import { DEFAULT_ERROR_MESSAGES } from './signed-in-error-messages.js';
import { DEFAULT_MEMBERS_MESSAGES, resolveMembersMessages } from './members-messages.js';
import { DEFAULT_SETTINGS_MESSAGES, resolveSettingsMessages } from './settings-messages.js';

describe('the panels’ word tables', () => {
  it('have words for every member status and default role', () => {
    for (const status of ['active', 'invited', 'pending', 'deleted'])
      expect(DEFAULT_MEMBERS_MESSAGES[`status.${status}` as keyof typeof DEFAULT_MEMBERS_MESSAGES]).toMatch(/\w/);
    expect(roleName(DEFAULT_MEMBERS_MESSAGES, 'stytch_admin')).toBe('Admin');
    expect(roleName(DEFAULT_MEMBERS_MESSAGES, 'billing-manager')).toBe('billing-manager');
    expect(roleName(DEFAULT_MEMBERS_MESSAGES, 'constructor')).toBe('constructor');
  });

  it('have words for every sign-in method, policy and slug problem the settings form can show', () => {
    const words = DEFAULT_SETTINGS_MESSAGES as Record<string, string>;
    for (const method of AUTH_METHODS) expect(words[`settings.method.${method}`], method).toMatch(/\w/);
    for (const policy of POLICIES) {
      expect(words[`settings.jit.${policy}`], policy).toMatch(/\w/);
      expect(words[`settings.invites.${policy}`], policy).toMatch(/\w/);
    }
    for (const error of SLUG_ERRORS) expect(words[`settings.${error}`], error).toMatch(/\w/);
  });

  it('merge overrides key by key and share the login’s error words', () => {
    const m = resolveMembersMessages({ 'members.heading': 'People', errors: { unauthorized_action: 'No.' } });
    expect(m['members.heading']).toBe('People');
    expect(m['members.invite']).toBe(DEFAULT_MEMBERS_MESSAGES['members.invite']);
    expect(m.errors.unauthorized_action).toBe('No.');
    expect(resolveSettingsMessages().errors.invalid_email).toBe(DEFAULT_ERROR_MESSAGES.invalid_email);
  });
});
