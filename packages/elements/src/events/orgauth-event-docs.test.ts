import { describe, expect, it } from 'vitest';
import markdown from '../../../../docs/events.md?raw';
import type { OrgAuthEventType } from './orgauth-event.js';

// Every type once: the compiler fails this object when `OrgAuthEventMap` gains or loses a key.
const TYPES = {
  step_changed: true,
  email_sent: true,
  email_resent: true,
  code_sent: true,
  code_resent: true,
  code_verified: true,
  organizations_discovered: true,
  organization_created: true,
  organization_page_loaded: true,
  sso_connections_listed: true,
  navigate: true,
  sso_started: true,
  oauth_started: true,
  password_reset_sent: true,
  mfa_enrolled: true,
  recovery_codes_shown: true,
  signed_in: true,
  session_ended: true,
  switcher_opened: true,
  organization_switched: true,
  create_organization_chosen: true,
  member_invited: true,
  invite_resent: true,
  invite_revoked: true,
  member_roles_changed: true,
  member_removed: true,
  member_reactivated: true,
  organization_updated: true,
  error: true,
} as const satisfies Record<OrgAuthEventType, true>;

describe('docs/events.md', () => {
  it('has one table row per orgauth-event type, and no other', () => {
    const rows = [...markdown.matchAll(/^\| `([a-z_]+)` \|/gm)].map((m) => m[1]);
    expect(rows).toEqual(Object.keys(TYPES));
  });
});
