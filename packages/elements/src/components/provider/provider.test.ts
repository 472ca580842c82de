import { createTestClient, fixtureMember, fixtureMemberSession, fixtureOrganization } from '@orgauth/core/testing';
import { afterEach, describe, expect, it, vi } from 'vitest';
import '../../define.js';
import { find, mount, textOf, untilStep } from '../../internal/test-helpers.js';
import type { OrgAuthLogin } from '../login/login.js';
import { OrgAuthProvider } from './provider.js';

afterEach(() => {
  document.body.replaceChildren();
  vi.unstubAllGlobals();
});

describe('<orgauth-provider>', () => {
  it('hands its client to an <orgauth-login> inside it, through shadow-free nesting', async () => {
    const { client } = createTestClient({
      state: {
        status: 'signed-in',
        member: fixtureMember(),
        organization: fixtureOrganization(),
        session: fixtureMemberSession(),
        fromCache: false,
      },
    });
    const provider = new OrgAuthProvider();
    provider.client = client;
    await mount(provider);
    const wrapper = document.createElement('section');
    const login = document.createElement('orgauth-login');
    wrapper.append(login);
    provider.append(wrapper);
    await login.updateComplete;
    expect(find(login, '[part~="card"]').dataset.step).toBe('signed-in');
    expect(textOf(find(login, '.intro'))).toBe('ada@acme.test in Acme Inc.');
  });

  it('lets consumers wait for a client set later, then updates them', async () => {
    const reportError = vi.fn();
    vi.stubGlobal('reportError', reportError);
    const provider = new OrgAuthProvider();
    await mount(provider);
    const login = document.createElement('orgauth-login') as OrgAuthLogin;
    provider.append(login);
    await login.updateComplete;
    expect(find(login, '[part~="card"]').getAttribute('aria-busy')).toBe('true');
    expect(reportError).not.toHaveBeenCalled();
    provider.client = createTestClient().client;
    await untilStep(login, 'email');
    provider.client = createTestClient({
      state: {
        status: 'signed-in',
        member: fixtureMember(),
        organization: fixtureOrganization(),
        session: fixtureMemberSession(),
        fromCache: false,
      },
    }).client;
    await untilStep(login, 'signed-in');
  });

  it('works when written as markup before the elements upgrade', async () => {
    document.body.innerHTML =
      '<orgauth-provider><p><orgauth-login theme="dark"></orgauth-login></p></orgauth-provider>';
    const provider = document.querySelector('orgauth-provider') as OrgAuthProvider;
    provider.client = createTestClient().client;
    const login = document.querySelector('orgauth-login') as OrgAuthLogin;
    await untilStep(login, 'email');
    expect(login.theme).toBe('dark');
  });
});
