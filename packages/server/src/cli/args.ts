import { parseArgs } from 'node:util';
import { SMS_ENV_USAGE } from '../sms/index.js';

/** Parsed command line of `orgauth-server`. */
export interface CliOptions {
  port: number;
  host: string;
  dataDir: string;
  dev: boolean;
  demo: string | undefined;
  /** Header your reverse proxy sets with the client IP (IP allowlist, per-IP rate limits). */
  trustProxyHeader: string | undefined;
  /** Processes serving the port (node:cluster); 1 = this process alone. */
  workers: number;
  help: boolean;
}

/** The most `--workers` accepts: far beyond any core count we expect, low enough to catch a typo. */
export const MAX_WORKERS = 64;

/** `--help` text. */
export const USAGE = `Usage: orgauth-server [options]

Options:
  --port <n>         Port to listen on (default 3000)
  --host <addr>      Interface to bind (default 127.0.0.1)
  --data-dir <dir>   SQLite database and project.json (default ./.orgauth)
  --dev              Mount the dev mailbox at /dev/mailbox and the SMS outbox at /dev/sms
  --demo <dir>       Serve <dir> at / and allow its origin and pages as redirect URLs
  --trust-proxy-header <name>
                     Client IP from this header set by YOUR reverse proxy (e.g. x-forwarded-for);
                     without it the TCP peer is used and such headers are ignored
  --workers <n>      Serve the port from n processes, e.g. one per core (default 1); for
                     production: not with --dev or --demo, which run in one process
  --help             Show this help

Environment:
  DATABASE_URL       postgres://… to use PostgreSQL instead of SQLite
  SMTP_URL           smtp(s)://… to send real email instead of the dev mailbox
  SMTP_FROM          Sender of every mail: "Name <addr@host>" or "addr@host"
                     (default "OrgAuth <no-reply@orgauth.localhost>"); a malformed one refuses to start
  ORGAUTH_ENCRYPTION_KEY  base64 of 32 bytes sealing secrets at rest (default <data-dir>/encryption.key)
${SMS_ENV_USAGE}`;

/**
 * Parses argv (without node and script).
 * @throws Error with a readable message for unknown flags or a bad port.
 */
export function parseCliArgs(argv: string[]): CliOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string', default: '3000' },
      host: { type: 'string', default: '127.0.0.1' },
      'data-dir': { type: 'string', default: './.orgauth' },
      dev: { type: 'boolean', default: false },
      demo: { type: 'string' },
      'trust-proxy-header': { type: 'string' },
      workers: { type: 'string', default: '1' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
    allowPositionals: false,
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65_535)
    throw new Error(`--port must be an integer from 0 to 65535, got "${values.port}".`);
  const workers = Number(values.workers);
  if (!Number.isInteger(workers) || workers < 1 || workers > MAX_WORKERS)
    throw new Error(`--workers must be an integer from 1 to ${MAX_WORKERS}, got "${values.workers}".`);
  if (workers > 1 && (values.dev || values.demo !== undefined))
    throw new Error(
      '--workers is for production: --dev (its test IdP and OAuth stand-ins keep state in memory) and --demo run in one process.',
    );
  return {
    port,
    host: values.host,
    dataDir: values['data-dir'],
    dev: values.dev,
    demo: values.demo,
    trustProxyHeader: values['trust-proxy-header'],
    workers,
    help: values.help,
  };
}
