import { describe, expect, it } from 'vitest';
import { parseAuthenticateUrl, stripAuthenticateParams } from './redirect.js';

describe('parseAuthenticateUrl', () => {
  it('reads a discovery token', () => {
    expect(parseAuthenticateUrl('https://app.test/auth?stytch_token_type=discovery&token=t%2Bx%3D')).toEqual({
      handled: true,
      tokenType: 'discovery',
      token: 't+x=',
    });
  });

  it('handles organization links (login, signup and invite), SSO and OAuth tokens', () => {
    for (const tokenType of ['multi_tenant_magic_links', 'sso', 'oauth', 'discovery_oauth'])
      expect(parseAuthenticateUrl(`https://app.test/?stytch_token_type=${tokenType}&token=t`)).toEqual({
        handled: true,
        tokenType,
        token: 't',
      });
  });

  it('marks token types this client does not handle yet', () => {
    expect(parseAuthenticateUrl('https://app.test/auth?token=t&stytch_token_type=multi_tenant_passwords')).toEqual({
      handled: false,
      tokenType: 'multi_tenant_passwords',
      token: 't',
    });
    expect(parseAuthenticateUrl('https://app.test/auth?token=t&stytch_token_type=weird')).toMatchObject({
      handled: false,
      tokenType: 'weird',
    });
  });

  it('leaves password reset links to the reset screen, discovery ones included (docs/wire-protocol.md §4)', () => {
    expect(
      parseAuthenticateUrl('https://app.test/?token=t&stytch_token_type=discovery&stytch_redirect_type=reset_password'),
    ).toEqual({ handled: false, tokenType: 'discovery', token: 't', redirectType: 'reset_password' });
    expect(
      parseAuthenticateUrl(
        'https://app.test/?token=t&stytch_token_type=multi_tenant_passwords&stytch_redirect_type=reset_password',
      ),
    ).toMatchObject({ handled: false, tokenType: 'multi_tenant_passwords' });
    expect(
      stripAuthenticateParams(
        'https://app.test/r?token=t&stytch_token_type=discovery&stytch_redirect_type=reset_password&x=1',
      ),
    ).toBe('https://app.test/r?x=1');
  });

  it.each([
    'https://app.test/auth',
    'https://app.test/?token=t',
    'https://app.test/?stytch_token_type=discovery',
    'https://app.test/?token=&stytch_token_type=discovery',
    'not a url',
  ])('returns null for %s', (href) => expect(parseAuthenticateUrl(href)).toBeNull());
});

describe('stripAuthenticateParams', () => {
  it('drops only the token parameters', () => {
    expect(stripAuthenticateParams('https://app.test/auth?a=1&token=t&stytch_token_type=discovery#h')).toBe(
      'https://app.test/auth?a=1#h',
    );
    expect(stripAuthenticateParams('https://app.test/auth?token=t&stytch_token_type=discovery')).toBe(
      'https://app.test/auth',
    );
  });

  it('drops a refusal with its words', () => {
    expect(
      stripAuthenticateParams('https://app.test/?org=a&stytch_error=oauth_not_allowed&stytch_error_description=No+way'),
    ).toBe('https://app.test/?org=a');
  });

  it('leaves a URL without them as it was', () => {
    expect(stripAuthenticateParams('https://app.test/auth?a=1#h')).toBe('https://app.test/auth?a=1#h');
  });
});
