'use client';

import { createB2BClient } from '@orgauth/core';
import { OrgAuthProvider } from '@orgauth/react';
import type { ReactNode } from 'react';

// The client is created once per module (per request on the server, once in the browser); its
// settings are public values inlined at build time.
const appUrl = process.env.NEXT_PUBLIC_APP_URL ?? 'http://localhost:3000/';
const client = createB2BClient({
  publicToken: process.env.NEXT_PUBLIC_ORGAUTH_PUBLIC_TOKEN ?? '',
  baseUrl: process.env.NEXT_PUBLIC_ORGAUTH_BASE_URL ?? 'http://localhost:4000',
  redirectUrls: { discovery: appUrl, login: appUrl, signup: appUrl },
});

/** Puts the OrgAuth client above the page: a client component, because the client is not serializable. */
export function Providers({ children }: { children: ReactNode }) {
  return <OrgAuthProvider client={client}>{children}</OrgAuthProvider>;
}
