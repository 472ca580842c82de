'use client';

import { useMember, useOrganization } from '@orgauth/react';

/** The signed-in member and organization, through the hooks. */
export function Member() {
  const member = useMember();
  const organization = useOrganization();
  if (!member) return null;
  return (
    <p>
      <span data-testid="member-email">{member.email_address}</span> @{' '}
      <span data-testid="organization-name">{organization?.organization_name}</span>
    </p>
  );
}
