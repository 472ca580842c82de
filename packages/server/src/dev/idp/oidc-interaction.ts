import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type Provider from 'oidc-provider';
import type { DevIdpStore } from './idp-store.js';
import { CHOOSER_CSP, chooserCsp, readChosenUser, renderIdpError, renderUserChooser } from './user-chooser.js';

/** A person signed in at the dev provider (kept in memory, keyed by subject). */
export interface DevOidcAccount {
  email: string;
  firstName: string;
  lastName: string;
}

/** A stable subject per email: the second sign-in as ada@… is the same identity as the first. */
export const subjectOf = (email: string) =>
  `dev-${createHash('sha256').update(email.toLowerCase()).digest('hex').slice(0, 32)}`;

/** What the interaction pages need. */
export interface InteractionDeps {
  provider: Provider;
  store: DevIdpStore;
  accounts: Map<string, DevOidcAccount>;
  path: string;
}

function send(res: ServerResponse, status: number, html: string, csp = CHOOSER_CSP): void {
  res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'content-security-policy': csp,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
  });
  res.end(html);
}

async function readForm(req: IncomingMessage): Promise<Record<string, string>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > 64 * 1024) throw new Error('form too large');
    chunks.push(chunk);
  }
  return Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString('utf8')));
}

/**
 * Signs the browser's previous provider session out before a new login completes. Each sign-in at
 * the test IdP stands alone: switching from ada to grace must not go through oidc-provider's
 * "log the other account out?" step, and nothing of ada's session may carry over to grace.
 */
async function forgetSession(provider: Provider, uid: string, sessionId: string): Promise<void> {
  const interaction = await provider.Interaction.find(uid);
  if (interaction?.session) {
    delete interaction.session;
    await interaction.save(Math.max(1, (interaction.exp ?? 0) - Math.floor(Date.now() / 1000)));
  }
  await (await provider.Session.find(sessionId))?.destroy();
}

/**
 * The dev provider's login interaction (`<path>/interaction/{uid}`): GET shows the user chooser,
 * POST signs the chosen person in, grants the requested scopes and hands back to oidc-provider,
 * which redirects to the client with the code. The interaction is bound to the browser by
 * oidc-provider's interaction cookie (interactionDetails refuses a stranger's uid).
 */
export async function handleInteraction(
  deps: InteractionDeps,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  let details;
  try {
    details = await deps.provider.interactionDetails(req, res);
  } catch {
    send(
      res,
      400,
      renderIdpError('This sign-in has expired or belongs to another browser. Start again from the application.'),
    );
    return;
  }
  const clientId = String(details.params.client_id ?? '');
  const client = await deps.store.findClient(clientId);
  const org = { orgName: client?.org_name ?? 'the application', domain: client?.domain ?? 'example.test' };
  if (req.method === 'GET') {
    // The POST ends in redirects to the provider, our callback, then the app: `form-action` must allow the app.
    send(
      res,
      200,
      renderUserChooser({ ...org, protocol: 'OIDC', action: `${deps.path}/interaction/${details.uid}`, hidden: {} }),
      chooserCsp(await deps.store.appOrigins()),
    );
    return;
  }
  if (req.method !== 'POST') {
    send(res, 405, renderIdpError('Method not allowed.'));
    return;
  }
  const user = readChosenUser(await readForm(req));
  if (!user) {
    send(res, 400, renderIdpError('Choose a person or type an email address.'));
    return;
  }
  const accountId = subjectOf(user.email);
  deps.accounts.set(accountId, user);
  // Typed-in people accumulate in memory: keep the most recent thousand.
  if (deps.accounts.size > 1000) deps.accounts.delete(deps.accounts.keys().next().value as string);
  if (details.session) await forgetSession(deps.provider, details.uid, details.session.cookie);
  const grant = details.grantId ? await deps.provider.Grant.find(details.grantId) : undefined;
  const next = grant?.accountId === accountId ? grant : new deps.provider.Grant({ accountId, clientId });
  const scope = typeof details.params.scope === 'string' ? details.params.scope : 'openid';
  next.addOIDCScope(
    scope
      .split(' ')
      .filter((s) => ['openid', 'email', 'profile'].includes(s))
      .join(' '),
  );
  const grantId = await next.save();
  await deps.provider.interactionFinished(
    req,
    res,
    { login: { accountId }, consent: { grantId } },
    { mergeWithLastSubmission: false },
  );
}
