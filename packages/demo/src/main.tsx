import { createB2BClient } from '@orgauth/core';
import { OrgAuthProvider } from '@orgauth/react';
import { createRoot } from 'react-dom/client';
import { App } from './app.js';

// A customer would paste their public token here; the demo server writes it into the page.
const publicToken = document.querySelector<HTMLMetaElement>('meta[name="orgauth-public-token"]')?.content ?? '';

const client = createB2BClient({
  publicToken,
  baseUrl: window.location.origin,
  redirectUrls: { discovery: `${window.location.origin}/`, login: `${window.location.origin}/`, signup: `${window.location.origin}/` },
});

createRoot(document.getElementById('root')!).render(
  <OrgAuthProvider client={client}>
    <App />
  </OrgAuthProvider>,
);
