import type { OAuthProviderType } from '@orgauth/core/protocol';

/**
 * One person a stand-in provider can sign in as, with the claims that provider would vouch for.
 * The catalogue is listed for developers and tests in the stand-ins page of docs/ (its people tables).
 */
export interface StandInPerson {
  /** Value of the picker button; also the provider's stable subject (`sub`, GitHub user id). */
  subject: string;
  name: string;
  givenName: string;
  familyName: string;
  email: string;
  emailVerified: boolean;
  /** Google Workspace `hd`; absent for a consumer account. */
  hd?: string;
  /** Microsoft: the tenant id (`tid`) and whether the tenant verified the email's domain (`xms_edov`). */
  tenantId?: string;
  tenantName?: string;
  edov?: boolean;
  /** GitHub: login, numeric id and organizations. */
  login?: string;
  orgs?: ReadonlyArray<{ id: number; login: string }>;
  /** Slack workspace or HubSpot portal. */
  team?: { id: string; name: string; domain: string };
  hub?: { id: number; domain: string };
}

/** Microsoft tenant ids of the catalogue (Entra tenant ids are GUIDs). */
export const STAND_IN_TENANTS = {
  acme: '11111111-1111-4111-8111-111111111111',
  globex: '22222222-2222-4222-8222-222222222222',
} as const;

const ACME_ORG = { id: 5001, login: 'acme-corp' };
const GLOBEX_ORG = { id: 5002, login: 'globex-inc' };
const ACME_TEAM = { id: 'T0ACME0001', name: 'Acme', domain: 'acme-test' };
const GLOBEX_TEAM = { id: 'T0GLOBEX01', name: 'Globex', domain: 'globex-test' };

const person = (subject: string, name: string, email: string, extra: Partial<StandInPerson> = {}): StandInPerson => {
  const [givenName = '', familyName = ''] = name.split(' ');
  return { subject, name, givenName, familyName, email, emailVerified: true, ...extra };
};

/** The people each stand-in offers on its picker, in order. */
export const STAND_IN_PEOPLE: Readonly<Record<OAuthProviderType, readonly StandInPerson[]>> = {
  google: [
    person('100000000000000000001', 'Ada Lovelace', 'ada@acme.test', { hd: 'acme.test' }),
    person('100000000000000000002', 'Grace Hopper', 'grace@acme.test', { hd: 'acme.test' }),
    person('100000000000000000003', 'Alan Turing', 'alan@globex.test', { hd: 'globex.test' }),
    person('100000000000000000004', 'Katherine Johnson', 'katherine.johnson@gmail.test'),
    person('100000000000000000005', 'Eve Unverified', 'eve@acme.test', { emailVerified: false }),
  ],
  microsoft: [
    person('ms-sub-ada', 'Ada Lovelace', 'ada@acme.test', {
      tenantId: STAND_IN_TENANTS.acme,
      tenantName: 'Acme',
      edov: true,
    }),
    person('ms-sub-grace', 'Grace Hopper', 'grace@acme.test', {
      tenantId: STAND_IN_TENANTS.acme,
      tenantName: 'Acme',
      edov: true,
    }),
    person('ms-sub-alan', 'Alan Turing', 'alan@globex.test', {
      tenantId: STAND_IN_TENANTS.globex,
      tenantName: 'Globex',
      edov: true,
    }),
    // A Globex account whose email claims acme.test, a domain Globex never verified: no xms_edov.
    person('ms-sub-pat', 'Pat Unverified', 'pat@acme.test', {
      tenantId: STAND_IN_TENANTS.globex,
      tenantName: 'Globex',
      edov: false,
    }),
  ],
  github: [
    person('1001', 'Ada Lovelace', 'ada@acme.test', { login: 'ada-l', orgs: [ACME_ORG] }),
    person('1002', 'Grace Hopper', 'grace@acme.test', { login: 'grace-h', orgs: [ACME_ORG, GLOBEX_ORG] }),
    person('1003', 'Alan Turing', 'alan@globex.test', { login: 'alan-t', orgs: [GLOBEX_ORG] }),
    person('1004', 'Katherine Johnson', 'katherine.johnson@gmail.test', { login: 'katherine-j', orgs: [] }),
    person('1005', 'Mallory Unverified', 'mallory@acme.test', {
      login: 'mallory-u',
      orgs: [ACME_ORG],
      emailVerified: false,
    }),
  ],
  slack: [
    person('U0ADA00001', 'Ada Lovelace', 'ada@acme.test', { team: ACME_TEAM }),
    person('U0GRACE001', 'Grace Hopper', 'grace@acme.test', { team: ACME_TEAM }),
    person('U0ALAN0001', 'Alan Turing', 'alan@globex.test', { team: GLOBEX_TEAM }),
  ],
  hubspot: [
    person('2001', 'Ada Lovelace', 'ada@acme.test', { hub: { id: 1234567, domain: 'acme.test' } }),
    person('2002', 'Grace Hopper', 'grace@acme.test', { hub: { id: 1234567, domain: 'acme.test' } }),
    person('2003', 'Alan Turing', 'alan@globex.test', { hub: { id: 7654321, domain: 'globex.test' } }),
  ],
};

/** The person `subject` of `provider`'s catalogue, or `undefined`. */
export function findStandInPerson(provider: OAuthProviderType, subject: string): StandInPerson | undefined {
  return STAND_IN_PEOPLE[provider].find((p) => p.subject === subject);
}

/** What the picker shows next to a person's name: the claims that matter for that provider's policies. */
export function describePerson(provider: OAuthProviderType, p: StandInPerson): string {
  const unverified = p.emailVerified ? '' : ', email unverified';
  switch (provider) {
    case 'google':
      return `${p.email}${p.hd === undefined ? ', no Workspace (no hd)' : `, Workspace hd ${p.hd}`}${unverified}`;
    case 'microsoft':
      return `${p.email}, tenant ${p.tenantName} (${p.tenantId})${p.edov ? ', domain verified' : ', domain NOT verified by the tenant'}`;
    case 'github':
      return `@${p.login}, ${p.email}${unverified}, orgs: ${(p.orgs ?? []).map((o) => o.login).join(', ') || 'none'}`;
    case 'slack':
      return `${p.email}, workspace ${p.team?.name} (${p.team?.id})`;
    case 'hubspot':
      return `${p.email}, portal ${p.hub?.id} (${p.hub?.domain})`;
  }
}
