import { createTestClient, fixtureOrganization } from '@orgauth/core/testing';
import type { OrgAuthEvent } from '@orgauth/elements';
import { act, cleanup, render, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { Login } from './components.js';

// <Login> passes the password and second-factor steps through: the screens' words in `messages`,
// and their `orgauth-event` types on `onEvent`.

afterEach(cleanup);

const OK = { request_id: 'r', status_code: 200 };
const acme = fixtureOrganization({ organization_slug: 'acme', mfa_policy: 'REQUIRED_FOR_ALL' });

const shown = <T extends Element>(root: ShadowRoot, selector: string) =>
  waitFor(
    () => {
      const found = root.querySelector<T>(selector);
      if (!found) throw new Error(`no ${selector} yet`);
      return found;
    },
    { timeout: 5000 },
  );

describe('<Login> with passwords', () => {
  it('takes the screens’ words in messages and reports password_reset_sent on onEvent', async () => {
    const { client } = createTestClient({
      replies: {
        'POST /b2b/organizations/search': { ...OK, organization: acme },
        'POST /b2b/passwords/email/reset/start': OK,
      },
    });
    const events: OrgAuthEvent['detail'][] = [];
    const { container } = render(
      <Login
        client={client}
        organizationSlug="acme"
        config={{ products: ['passwords'] }}
        messages={{ 'password.heading': 'Your Acme password', 'password.forgot': 'Reset it' }}
        onEvent={(event: OrgAuthEvent) => events.push(event.detail)}
      />,
    );
    const root = container.querySelector('orgauth-login')!.shadowRoot!;
    const open = await shown<HTMLButtonElement>(root, '[part~="password-button"]');
    await act(async () => open.click());
    const email = await shown<HTMLInputElement>(root, '#email');
    expect(root.querySelector('.heading')?.textContent).toBe('Your Acme password');
    email.value = 'ada@acme.test';
    const forgot = [...root.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Reset it')!;
    await act(async () => forgot.click());
    await waitFor(() =>
      expect(events).toContainEqual({ type: 'password_reset_sent', data: { email: 'ada@acme.test', sends: 1 } }),
    );
  });
});
