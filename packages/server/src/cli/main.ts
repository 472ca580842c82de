#!/usr/bin/env node
import cluster from 'node:cluster';
import { allowDemoSite, createDemoSite, withDemoSite } from './demo-site.js';
import { USAGE, parseCliArgs } from './args.js';
import { EMAIL_USAGE, runEmailCommand } from './email-commands.js';
import { runKeysCommand } from './keys-command.js';
import { PROJECT_USAGE, isProjectCommand, runProjectCommand } from './project-commands.js';
import { RBAC_USAGE, runRbacCommand } from './rbac-commands.js';
import { SSO_USAGE, runSsoCommand } from './sso-commands.js';
import { listen, type FetchHandler } from '../http/listen.js';
import { DEFAULT_MAIL_FROM, parseMailFrom } from '../mail/mail-from.js';
import { setUpDevSso, standInProviders } from '../dev/index.js';
import { TWILIO_BASE_URL, twilioOptionsFromEnv } from '../sms/index.js';
import { createOrgAuthServer, type OrgAuthServer, type ServerOptions } from '../server.js';
import { runPrimary } from './workers.js';

/** What the start banner shows. */
interface Banner {
  shown: string;
  port: number;
  project: OrgAuthServer['project'];
  workers: number;
  demoPages?: string[] | undefined;
  devBanner?: string[] | undefined;
  standIns?: string[] | undefined;
}

/** `orgauth-server`: runs the auth server on Node (see `--help`). */
async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  if (argv[0] === 'keys') {
    process.exitCode = await runKeysCommand(argv.slice(1), {
      out: (s) => void process.stdout.write(s),
      err: (s) => void process.stderr.write(s),
      env: process.env,
    });
    return;
  }
  if (argv[0] === 'rbac') {
    process.exitCode = await runRbacCommand(argv, {
      out: (s) => void process.stdout.write(s),
      err: (s) => void process.stderr.write(s),
      env: process.env,
    });
    return;
  }
  if (argv[0] === 'sso') {
    process.exitCode = await runSsoCommand(argv, {
      out: (s) => void process.stdout.write(s),
      err: (s) => void process.stderr.write(s),
      env: process.env,
    });
    return;
  }
  if (argv[0] === 'email') {
    process.exitCode = await runEmailCommand(argv, {
      out: (s) => void process.stdout.write(s),
      err: (s) => void process.stderr.write(s),
      env: process.env,
    });
    return;
  }
  if (isProjectCommand(argv[0])) {
    const io = {
      out: (s: string) => void process.stdout.write(s),
      err: (s: string) => void process.stderr.write(s),
      env: process.env,
    };
    process.exitCode = await runProjectCommand(argv, io);
    return;
  }
  let options;
  try {
    options = parseCliArgs(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${USAGE}`);
    process.exit(2);
  }
  if (options.help) {
    process.stdout.write(`${USAGE}\n${PROJECT_USAGE}${RBAC_USAGE}${SSO_USAGE}${EMAIL_USAGE}`);
    return;
  }
  const databaseUrl = process.env.DATABASE_URL;
  const smtpUrl = process.env.SMTP_URL;
  const smtpFrom = process.env.SMTP_FROM;
  if (smtpFrom) {
    // A configuration mistake: its own words, no stack trace.
    try {
      parseMailFrom(smtpFrom);
    } catch (error) {
      process.stderr.write(`SMTP_FROM: ${(error as Error).message}\n`);
      process.exit(2);
    }
  }
  let twilio;
  try {
    twilio = twilioOptionsFromEnv(process.env);
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exit(2);
  }
  const serverOptions: ServerOptions = {
    dataDir: options.dataDir,
    dev: options.dev,
    // SAML entity ids / ACS URLs and the dev IdP's issuer are built from it, never from Host.
    // Deployments behind a domain set ORGAUTH_PUBLIC_URL (https://auth.example.com).
    publicUrl: process.env.ORGAUTH_PUBLIC_URL || `http://localhost:${options.port}`,
    ...(options.trustProxyHeader ? { trustProxyHeader: options.trustProxyHeader } : {}),
    // IdPs on the operator's own network (--dev allows them anyway: its test IdP is on localhost).
    ...(process.env.ORGAUTH_ALLOW_PRIVATE_IDP === '1' ? { allowPrivateIdpNetworks: true } : {}),
    ...(databaseUrl ? { databaseUrl } : {}),
    ...(smtpUrl ? { smtpUrl } : {}),
    ...(smtpFrom ? { from: smtpFrom } : {}),
    ...(twilio ? { twilio } : {}),
  };
  const baseUrl = `http://localhost:${options.port}`;
  const banner = (b: Banner): string =>
    [
      `OrgAuth server listening on ${b.shown}`,
      ...(b.workers > 1 ? [`Workers:       ${b.workers} processes (node:cluster)`] : []),
      ...(b.demoPages ?? []).map((url) => `Demo page:     ${url}`),
      options.dev
        ? `Dev mailbox:   http://${options.demo !== undefined ? 'localhost' : options.host}:${b.port}/dev/mailbox`
        : 'Dev mailbox:   off (start with --dev)',
      `Database:      ${databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `SQLite in ${options.dataDir}`}`,
      `Email:         ${smtpUrl ? 'SMTP (SMTP_URL)' : 'dev mailbox (stored in the database)'}, from ${smtpFrom ? parseMailFrom(smtpFrom).text : DEFAULT_MAIL_FROM}`,
      `SMS:           ${twilio ? `Twilio-compatible API at ${twilio.baseUrl ?? TWILIO_BASE_URL} (ORGAUTH_SMS_TWILIO_*)` : `dev outbox (stored in the database${options.dev ? `, shown at ${baseUrl}/dev/sms` : ''})`}`,
      ...(b.devBanner ?? []),
      ...(options.dev
        ? [
            `OAuth stand-ins: ${(b.standIns ?? []).length === 0 ? 'none (every provider has credentials)' : `${(b.standIns ?? []).join(', ')} (no credentials set)`}`,
            `  Served at:   ${baseUrl}/dev/oauth/<provider>/<real host and path>; each picker lists its people`,
          ]
        : []),
      '',
      'Test project:',
      `  project_id:   ${b.project.project_id}`,
      `  secret:       ${b.project.secret || '(unknown: only its hash is stored; use the data dir holding project.json, or run `orgauth-server secret rotate`)'}`,
      `  public_token: ${b.project.public_token}`,
      `Live project:   ${b.project.live.project_id} (its secret and public token are in project.json)`,
      '',
    ].join('\n');
  if (options.workers > 1 && cluster.isPrimary) {
    // Migrations and the projects are made once, here, before any worker opens the database.
    const prepared = await createOrgAuthServer(serverOptions);
    const project = prepared.project;
    await prepared.close();
    const code = await runPrimary(options.workers, (port) =>
      banner({ shown: `http://${options.host}:${port}/`, port, project, workers: options.workers }),
    );
    process.exit(code);
  }
  const server = await createOrgAuthServer(serverOptions);
  // --dev: demo SSO organizations + the test IdP's OIDC provider (a Node handler, routed before Hono).
  // Imported only then: the test IdP's libraries (oidc-provider, samlify) are dev-only, and
  // oidc-provider warns about the runtime when loaded (cli/process.test.ts).
  const devSso = options.dev ? await setUpDevSso(server, baseUrl) : undefined;
  // Providers without credentials in the test project sign in through the built-in stand-ins.
  const standIns = options.dev ? await standInProviders(server.db, server.project.project_id) : [];
  let fetch: FetchHandler = server.app.fetch.bind(server.app);
  let demoPages: string[] = [];
  if (options.demo !== undefined) {
    demoPages = [`${baseUrl}/`, ...(await allowDemoSite(server, options.demo, options.port))];
    const site = await createDemoSite(options.demo, { publicToken: server.project.public_token, baseUrl });
    fetch = withDemoSite(site, fetch);
  }
  const { http, port } = await listen({
    fetch,
    port: options.port,
    hostname: options.host,
    createServer: devSso?.createServer,
  });
  const shown = options.demo !== undefined ? `${baseUrl}/` : `http://${options.host}:${port}/`;
  // A worker of `--workers N` is silent: its primary prints the banner once (cli/workers.ts).
  if (!cluster.isWorker)
    process.stdout.write(
      banner({ shown, port, project: server.project, workers: 1, demoPages, devBanner: devSso?.banner, standIns }),
    );
  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    process.stdout.write(`\n${signal}: shutting down\n`);
    http.close(() => {
      server.close().then(
        () => process.exit(0),
        (error: unknown) => {
          console.error(error);
          process.exit(1);
        },
      );
    });
    // Keep-alive connections can hold close() open; do not hang forever, but write the queued events.
    setTimeout(() => void server.flushEvents().finally(() => process.exit(0)), 5000).unref();
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error('orgauth-server failed to start:', error);
  process.exit(1);
});
