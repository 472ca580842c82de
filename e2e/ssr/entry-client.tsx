// Browser side of the SSR fixture: hydrates the server's markup with a client created from the page's
// meta tags (the OrgAuth server is on another origin).
import { createB2BClient } from '@orgauth/core';
import { OrgAuthProvider } from '@orgauth/react';
import { hydrateRoot } from 'react-dom/client';
import { App } from '../../packages/demo/src/app.js';

const meta = (name: string) => document.querySelector<HTMLMetaElement>(`meta[name="${name}"]`)?.content ?? '';
const client = createB2BClient({ publicToken: meta('orgauth-public-token'), baseUrl: meta('orgauth-base-url') });

hydrateRoot(
  document.getElementById('root')!,
  <OrgAuthProvider client={client}>
    <App />
  </OrgAuthProvider>,
);
