import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { APIRequestContext } from '@playwright/test';
import { serverOrigin } from './origins.js';

/** The test project's credentials, as the server wrote them to its data directory. */
export function projectCredentials(): { project_id: string; secret: string; public_token: string } {
  const dir = process.env.ORGAUTH_E2E_DATA_DIR;
  if (!dir) throw new Error('ORGAUTH_E2E_DATA_DIR is not set (it is set by e2e/playwright.config.ts)');
  return JSON.parse(readFileSync(join(dir, 'project.json'), 'utf8'));
}

/** `Authorization` of the backend API (project id and secret), as a customer's backend sends it. */
export function backendAuth(): { authorization: string } {
  const { project_id, secret } = projectCredentials();
  return { authorization: `Basic ${Buffer.from(`${project_id}:${secret}`).toString('base64')}` };
}

/** Creates an organization through the backend API (secret auth), as a customer's backend would. */
export async function createOrganization(request: APIRequestContext, name: string, slug: string) {
  const res = await request.post(`${serverOrigin()}/v1/b2b/organizations`, {
    headers: backendAuth(),
    data: { organization_name: name, organization_slug: slug },
  });
  if (!res.ok()) throw new Error(`create organization answered ${res.status()}: ${await res.text()}`);
  return (await res.json()).organization as { organization_id: string; organization_slug: string };
}

/** A value unique to this test attempt, for emails and slugs. */
export function unique(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
}
