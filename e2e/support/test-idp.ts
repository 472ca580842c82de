import { expect, type APIRequestContext, type Page } from '@playwright/test';
import { backendAuth } from './backend.js';
import { serverOrigin } from './origins.js';

/** The connection ids `--dev` seeded (cli/demo-sso.ts): Demo SSO Co's SAML and OIDC, Locked Co's SAML. */
export async function demoSsoConnections(
  request: APIRequestContext,
): Promise<{ saml: string; oidc: string; lockedSaml: string }> {
  const connections = async (slug: string) => {
    const res = await request.get(`${serverOrigin()}/v1/b2b/sso/${slug}`, { headers: backendAuth() });
    if (!res.ok()) throw new Error(`GET /v1/b2b/sso/${slug} answered ${res.status()}: ${await res.text()}`);
    return (await res.json()) as {
      saml_connections: { connection_id: string }[];
      oidc_connections: { connection_id: string }[];
    };
  };
  const demo = await connections('demo-sso');
  const locked = await connections('locked-co');
  return {
    saml: demo.saml_connections[0]!.connection_id,
    oidc: demo.oidc_connections[0]!.connection_id,
    lockedSaml: locked.saml_connections[0]!.connection_id,
  };
}

/** The built-in test IdP's sign-in page (SAML and OIDC share it). */
export class TestIdpPage {
  constructor(readonly page: Page) {}

  async expectFor(orgName: string): Promise<void> {
    await expect(this.page.getByRole('heading', { name: `Sign in to ${orgName}` })).toBeVisible();
  }

  /** Clicks a demo person ("Ada Lovelace", "Grace Hopper", …). */
  async choose(fullName: string): Promise<void> {
    await this.page.getByRole('button', { name: new RegExp(`^${fullName} —`) }).click();
  }

  /** Types a user instead. */
  async type(email: string, firstName: string, lastName: string): Promise<void> {
    await this.page.getByLabel('Email').fill(email);
    await this.page.getByLabel('First name').fill(firstName);
    await this.page.getByLabel('Last name').fill(lastName);
    await this.page.getByRole('button', { name: 'Sign in', exact: true }).click();
  }
}
