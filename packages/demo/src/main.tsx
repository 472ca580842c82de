import { createB2BClient } from '@orgauth/core';
import { OrgAuthProvider } from '@orgauth/react';
import { createRoot } from 'react-dom/client';
import { App } from './app.js';

// A customer would paste their public token and their OrgAuth server's URL here; the server that
// hosts the demo (or the e2e suite's app server) writes both into the page.
const meta = (name: string) => document.querySelector<HTMLMetaElement>(`meta[name="${name}"]`)?.content ?? '';
const publicToken = meta('orgauth-public-token');
// The server may live on another origin than this page (app.example.com vs auth.example.com). An
// unreplaced placeholder (the page served by a plain dev server) means "this origin".
const configuredBaseUrl = meta('orgauth-base-url');
const baseUrl = /^https?:\/\//.test(configuredBaseUrl) ? configuredBaseUrl : window.location.origin;
const here = `${window.location.origin}/`;

const client = createB2BClient({
  publicToken,
  baseUrl,
  // Sign-in links and SSO return to this page, on the app's own origin.
  redirectUrls: { discovery: here, login: here, signup: here },
});

createRoot(document.getElementById('root')!).render(
  <OrgAuthProvider client={client}>
    <App />
  </OrgAuthProvider>,
);
