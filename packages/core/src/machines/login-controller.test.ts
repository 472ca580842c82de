import { describe, expect, it, vi } from 'vitest';
import { initialLoginState } from './login-machine.js';
import type { LoginState } from './login-state.js';
import {
  fixtureAuthenticateResponse,
  fixtureDiscoveredOrganization,
  fixtureDiscoveryResponse,
  fixtureMember,
  fixtureMemberSession,
  fixtureOrganization,
} from '../testing/fixtures.js';
import { fixtureErrorEnvelope } from '../testing/scripted-transport.js';
import { createTestClient } from '../testing/test-client.js';

const LINK = 'http://localhost:3000/?stytch_token_type=discovery&token=tok';
const SEND = 'POST /b2b/magic_links/email/discovery/send';
const AUTH = 'POST /b2b/magic_links/discovery/authenticate';

function setup(options: Parameters<typeof createTestClient>[0] = {}) {
  const test = createTestClient(options);
  const login = test.client.createLogin();
  const steps: LoginState[] = [];
  const off = login.subscribe((state) => steps.push(state));
  return { ...test, login, steps, off };
}

describe('createLoginController', () => {
  it('sends the email, shows busy, then email-sent; resend and back work', async () => {
    const { login, steps, transport } = setup({ replies: { [SEND]: { request_id: 'r', status_code: 200 } } });
    await login.submitEmail('  ada@acme.test ');
    expect(steps.map((s) => [s.step, 'busy' in s && s.busy])).toEqual([
      ['email', true],
      ['email-sent', false],
    ]);
    expect(transport.requests[0]!.body).toMatchObject({ email_address: 'ada@acme.test' });
    await login.resend();
    expect(transport.requests).toHaveLength(2);
    await login.back();
    expect(login.getState()).toEqual({ step: 'email', email: 'ada@acme.test', busy: false, error: null, flow: null });
  });

  it('sends one request for a double submit', async () => {
    const { login, transport } = setup({ replies: { [SEND]: { request_id: 'r', status_code: 200 } } });
    await Promise.all([login.submitEmail('ada@acme.test'), login.submitEmail('ada@acme.test')]);
    expect(transport.requests).toHaveLength(1);
    expect(login.getState()).toMatchObject({ step: 'email-sent', email: 'ada@acme.test' });
  });

  it('rejects a malformed email on the step without a request', async () => {
    const { login, transport } = setup();
    await login.submitEmail('not-an-email');
    // The error the server answers for that address, so UIs word it from their table of error types.
    expect(login.getState()).toMatchObject({
      step: 'email',
      email: 'not-an-email',
      busy: false,
      error: { code: 'api_error', errorType: 'invalid_email' },
    });
    expect(transport.requests).toEqual([]);
  });

  it('keeps an API failure on the email step', async () => {
    const { login } = setup({ replies: { [SEND]: fixtureErrorEnvelope('invalid_email', 400) } });
    await login.submitEmail('ada@acme.test');
    expect(login.getState()).toMatchObject({
      step: 'email',
      busy: false,
      error: { code: 'api_error', errorType: 'invalid_email' },
    });
  });

  it('handles a redirect: authenticating → choose-organization → signed-in', async () => {
    const org = fixtureDiscoveredOrganization();
    const { login, steps, transport } = setup({
      href: LINK,
      replies: {
        [AUTH]: fixtureDiscoveryResponse({ discovered_organizations: [org] }),
        'POST /b2b/discovery/intermediate_sessions/exchange': fixtureAuthenticateResponse(),
      },
    });
    await login.start();
    expect(steps[0]).toEqual({ step: 'authenticating', flow: null });
    expect(login.getState()).toMatchObject({
      step: 'choose-organization',
      email: 'ada@acme.test',
      organizations: [org],
    });
    const choosing = login.chooseOrganization(org.organization.organization_id);
    expect(login.getState()).toMatchObject({ busyOrganizationId: org.organization.organization_id });
    await choosing;
    expect(login.getState()).toMatchObject({ step: 'signed-in', member: { email_address: 'ada@acme.test' } });
    expect(steps.filter((s) => s.step === 'signed-in')).toHaveLength(1);
    expect(transport.requests[1]!.body).toMatchObject({ organization_id: org.organization.organization_id });
  });

  it('shows an empty list with create, creates an organization, and can go back', async () => {
    const { login, transport } = setup({
      replies: { [AUTH]: fixtureDiscoveryResponse({ discovered_organizations: [] }) },
    });
    await login.start(LINK);
    expect(login.getState()).toMatchObject({ step: 'choose-organization', organizations: [] });
    login.startCreate();
    expect(login.getState()).toMatchObject({ step: 'create-organization', email: 'ada@acme.test', organizations: [] });
    await login.back();
    expect(login.getState()).toMatchObject({ step: 'choose-organization', organizations: [] });
    login.startCreate();
    await login.createOrganization({ organization_name: ' ', organization_slug: 'acme' });
    expect(login.getState()).toMatchObject({
      step: 'create-organization',
      busy: false,
      error: { errorType: 'invalid_organization_name' },
    });
    await login.createOrganization({ organization_name: 'Acme', organization_slug: 'Not Valid' });
    expect(login.getState()).toMatchObject({
      step: 'create-organization',
      busy: false,
      error: { errorType: 'invalid_organization_slug' },
    });
    expect(transport.requests.map((r) => r.path)).toEqual(['/b2b/magic_links/discovery/authenticate']);
    transport.reply(
      'POST /b2b/discovery/organizations/create',
      fixtureAuthenticateResponse({ organization: fixtureOrganization({ organization_name: 'Acme' }) }),
    );
    await login.createOrganization({ organization_name: 'Acme', organization_slug: 'acme' });
    expect(login.getState()).toMatchObject({ step: 'signed-in', organization: { organization_name: 'Acme' } });
  });

  it('shows the error step for a used link, and reset starts over', async () => {
    const { login, client } = setup({ replies: { [AUTH]: fixtureErrorEnvelope('magic_link_not_found', 404) } });
    await login.start(LINK);
    expect(login.getState()).toMatchObject({ step: 'error', error: { errorType: 'magic_link_not_found' } });
    await login.reset();
    expect(login.getState()).toEqual({ step: 'email', email: '', busy: false, error: null, flow: null });
    expect(client.store.getState().status).toBe('signed-out');
  });

  it('stays on the email step without a token, and shows redirect_error for unhandled types', async () => {
    const { login, steps, transport, client } = setup();
    await login.start('http://localhost:3000/');
    expect(steps).toEqual([]);
    expect(login.getState()).toBe(initialLoginState);
    expect(transport.requests).toEqual([]);
    // start() runs once per login: the same promise, not a second look at another URL.
    expect(login.start('http://localhost:3000/?token=t&stytch_token_type=multi_tenant_impersonation')).toBe(
      login.start(),
    );
    const other = client.createLogin();
    await other.start('http://localhost:3000/?token=t&stytch_token_type=multi_tenant_impersonation');
    expect(other.getState()).toMatchObject({ step: 'error', error: { code: 'redirect_error' } });
    expect(transport.requests).toEqual([]);
  });

  it('follows the client store: signed-in from the start, back to email on sign-out', async () => {
    const state = {
      status: 'signed-in',
      member: fixtureMember(),
      organization: fixtureOrganization(),
      session: fixtureMemberSession(),
      fromCache: true,
    } as const;
    const { login, client } = setup({ state, replies: { 'POST /b2b/sessions/revoke': {} } });
    expect(login.getState()).toMatchObject({ step: 'signed-in', member: state.member });
    await client.session.revoke();
    expect(login.getState()).toEqual({ step: 'email', email: '', busy: false, error: null, flow: null });
  });

  it('forgets the client store after the last unsubscribe', () => {
    const { client, off } = setup();
    const listener = vi.fn();
    off();
    const second = client.createLogin();
    const stop = second.subscribe(listener);
    client.store.setState(
      {
        status: 'signed-in',
        member: fixtureMember(),
        organization: fixtureOrganization(),
        session: fixtureMemberSession(),
        fromCache: false,
      },
      true,
    );
    expect(listener).toHaveBeenCalledTimes(1);
    stop();
    client.store.setState({ status: 'signed-out' }, true);
    expect(listener).toHaveBeenCalledTimes(1);
  });
});
