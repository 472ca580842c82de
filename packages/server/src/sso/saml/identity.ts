import type { Profile } from '@node-saml/node-saml';
import type { SsoConnectionsTable } from '../../db/schema.js';
import { parseJson } from '../../lib/json.js';

/** Who the IdP says signed in, as {@link completeSsoLogin} takes it. */
export interface SsoIdentity {
  subject: string;
  email: string | undefined;
  name: string | undefined;
  attributes: Record<string, unknown>;
}

/** Attribute names IdPs commonly use, tried when the connection maps none for a field. */
const DEFAULT_NAMES = {
  email: [
    'email',
    'mail',
    'emailAddress',
    'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress',
    'urn:oid:0.9.2342.19200300.100.1.3',
  ],
  first_name: [
    'first_name',
    'firstName',
    'givenName',
    'given_name',
    'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/givenname',
    'urn:oid:2.5.4.42',
  ],
  last_name: [
    'last_name',
    'lastName',
    'surname',
    'sn',
    'family_name',
    'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/surname',
    'urn:oid:2.5.4.4',
  ],
  full_name: ['full_name', 'name', 'displayName', 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name'],
} as const;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function first(value: unknown): string | undefined {
  const v = Array.isArray(value) ? value[0] : value;
  return typeof v === 'string' && v.trim() !== '' ? v.trim().slice(0, 1024) : undefined;
}

/**
 * Reads the identity from node-saml's VALIDATED profile only (never from the raw XML): NameID is the
 * subject; the connection's `attribute_mapping` ({email, first_name, last_name, full_name}) names the
 * attributes for email and name, falling back to common names; email falls back to the NameID when
 * that is an email address.
 */
export function samlIdentity(profile: Profile, connection: SsoConnectionsTable): SsoIdentity {
  const attributes = (profile.attributes ?? {}) as Record<string, unknown>;
  const mapping = parseJson<Record<string, unknown>>(connection.attribute_mapping, {});
  const pick = (field: keyof typeof DEFAULT_NAMES): string | undefined => {
    const mapped = mapping[field];
    if (typeof mapped === 'string' && mapped !== '') return first(attributes[mapped]);
    for (const name of DEFAULT_NAMES[field]) {
      const value = first(attributes[name]);
      if (value !== undefined) return value;
    }
    return undefined;
  };
  const subject = typeof profile.nameID === 'string' ? profile.nameID.trim() : '';
  const email = pick('email') ?? (EMAIL.test(subject) ? subject : undefined);
  const parts = [pick('first_name'), pick('last_name')].filter((p): p is string => p !== undefined);
  const name = parts.length > 0 ? parts.join(' ') : pick('full_name');
  return { subject, email, name, attributes };
}
