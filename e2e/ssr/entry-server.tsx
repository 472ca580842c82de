// Server side of the SSR fixture: renders the demo app as a server-rendering framework would, with
// a client created for the request. No cookies reach that client; the hooks render `initializing`.
import { createB2BClient } from '@orgauth/core';
import { OrgAuthProvider } from '@orgauth/react';
import { renderToString } from 'react-dom/server';
import { App } from '../../packages/demo/src/app.js';

/** The markup of the demo app for one request. */
export function render(options: { publicToken: string; baseUrl: string }): string {
  const client = createB2BClient(options);
  try {
    return renderToString(
      <OrgAuthProvider client={client}>
        <App />
      </OrgAuthProvider>,
    );
  } finally {
    client.destroy();
  }
}
