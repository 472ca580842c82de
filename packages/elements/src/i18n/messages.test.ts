import { OrgAuthApiError, OrgAuthError } from '@orgauth/core';
import { API_ERROR_TYPES } from '@orgauth/core/protocol';
import { html, render } from 'lit';
import { describe, expect, it } from 'vitest';
import { errorMessage, format } from './format.js';
import { SIGNED_IN_ERROR_MESSAGES, DEFAULT_ERROR_MESSAGES } from './signed-in-error-messages.js';
import { LOGIN_ERROR_MESSAGES } from './error-messages.js';
import { DEFAULT_MESSAGES, resolveMessages } from './messages.js';

describe('message table', () => {
  it('has words for every API error type and every SDK error code', () => {
    for (const type of API_ERROR_TYPES) expect(DEFAULT_ERROR_MESSAGES[type], type).toMatch(/\w/);
    for (const code of [
      'api_error',
      'network_error',
      'invalid_usage',
      'no_session',
      'redirect_error',
      'no_sso_connection',
      'no_pkce_verifier',
    ] as const) {
      expect(DEFAULT_ERROR_MESSAGES[code], code).toMatch(/\w/);
    }
  });

  it('splits the error words between the sign-in and the account, each key in one table', () => {
    const signIn = Object.keys(LOGIN_ERROR_MESSAGES);
    const account = Object.keys(SIGNED_IN_ERROR_MESSAGES);
    expect(signIn.filter((k) => account.includes(k))).toEqual([]);
    expect([...signIn, ...account].sort()).toEqual(Object.keys(DEFAULT_ERROR_MESSAGES).sort());
    // The login renders with the sign-in's words; an account-only error falls back to api_error.
    expect(resolveMessages().errors).toEqual(LOGIN_ERROR_MESSAGES);
    expect(errorMessage(new OrgAuthApiError('invalid_cursor', 400, 'r', 'x'), resolveMessages())).toBe(
      LOGIN_ERROR_MESSAGES.api_error,
    );
  });

  it('merges overrides key by key, error strings included', () => {
    const messages = resolveMessages({ 'email.heading': 'Welcome back', errors: { too_many_requests: 'Slow down.' } });
    expect(messages['email.heading']).toBe('Welcome back');
    expect(messages['email.submit']).toBe(DEFAULT_MESSAGES['email.submit']);
    expect(messages.errors.too_many_requests).toBe('Slow down.');
    expect(messages.errors.invalid_email).toBe(DEFAULT_ERROR_MESSAGES.invalid_email);
  });
});

describe('errorMessage', () => {
  const messages = resolveMessages();
  const apiError = (type: (typeof API_ERROR_TYPES)[number]) =>
    new OrgAuthApiError(type, 400, 'request-id', `server said ${type}`);

  it('uses the error_type of API errors, never the server text', () => {
    expect(errorMessage(apiError('magic_link_not_found'), messages)).toBe(DEFAULT_ERROR_MESSAGES.magic_link_not_found);
    expect(errorMessage(apiError('organization_slug_already_used'), messages)).toBe('That URL is taken. Try another.');
    expect(errorMessage(apiError('too_many_requests'), messages)).not.toContain('server said');
  });

  it('uses the code of SDK errors', () => {
    expect(errorMessage(new OrgAuthError('network_error', 'fetch failed'), messages)).toBe(
      DEFAULT_ERROR_MESSAGES.network_error,
    );
    expect(errorMessage(new OrgAuthError('redirect_error', 'x'), messages)).toBe(DEFAULT_ERROR_MESSAGES.redirect_error);
  });

  it('shows usage errors as written, since they address the developer', () => {
    expect(errorMessage(new OrgAuthError('invalid_usage', 'set the client'), messages)).toBe('set the client');
  });

  it.each([
    'constructor',
    '__proto__',
    'toString',
    'hasOwnProperty',
    'valueOf',
    'isPrototypeOf',
    'sso_not_a_real_type',
  ])('an error type without its own words (%s) gets the generic line, never a prototype member', (type) => {
    const error = new OrgAuthApiError(type as (typeof API_ERROR_TYPES)[number], 400, 'request-id', 'x');
    expect(errorMessage(error, messages)).toBe(DEFAULT_ERROR_MESSAGES.api_error);
    const code = new OrgAuthError(type as 'api_error', 'x');
    expect(errorMessage(code, messages)).toBe(DEFAULT_ERROR_MESSAGES.api_error);
  });

  it('keeps the words of known types when overrides are merged in', () => {
    const custom = resolveMessages({ errors: { session_not_found: 'Gone.' } });
    expect(errorMessage(apiError('session_not_found'), custom)).toBe('Gone.');
    expect(errorMessage(apiError('pkce_mismatch'), custom)).toBe(DEFAULT_ERROR_MESSAGES.pkce_mismatch);
  });

  it('falls back to the generic line for foreign errors', () => {
    expect(errorMessage(new TypeError('boom'), messages)).toBe(DEFAULT_ERROR_MESSAGES.api_error);
  });
});

describe('format', () => {
  it('puts values in placeholders as separate text nodes', () => {
    const host = document.createElement('p');
    render(html`${format('Sent to {email}!', { email: '<img src=x onerror=alert(1)>' })}`, host);
    expect(host.textContent).toBe('Sent to <img src=x onerror=alert(1)>!');
    expect(host.querySelector('img')).toBeNull();
  });

  it('leaves a placeholder named like a prototype member visible', () => {
    expect(format('{constructor} {toString} {x}', { x: 1 })).toEqual([
      '',
      '{constructor}',
      ' ',
      '{toString}',
      ' ',
      1,
      '',
    ]);
  });

  it('accepts templates as values and leaves unknown placeholders visible', () => {
    const host = document.createElement('p');
    render(html`${format('{who} in {org} {missing}', { who: html`<b>ada</b>`, org: 'Acme' })}`, host);
    expect(host.querySelector('b')?.textContent).toBe('ada');
    expect(host.textContent).toBe('ada in Acme {missing}');
  });
});
