import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { OAUTH_PROVIDERS, REDIRECT_URL_TYPES, type RedirectUrlType } from '@orgauth/core/protocol';
import type { Db } from '../db/schema.js';
import { isMemberRolesFormat, MEMBER_ROLES_FORMATS } from '../members/index.js';
import {
  addAllowedIp,
  createProjectStore,
  environmentRow,
  listAllowedIps,
  type ProjectEnv,
  type ProjectStore,
  removeAllowedIp,
  rotateSecret,
  updateStoredCredentials,
} from '../projects/index.js';
import { ApiError } from '../lib/api-error.js';
import { checkSecretBoxKey, loadSecretBox } from '../lib/secret-box.js';
import {
  credentialProblem,
  isOAuthProvider,
  listOAuthCredentials,
  removeOAuthCredentials,
  setOAuthCredentials,
} from './oauth-credentials.js';
import { openCommandEnvironment } from './environment.js';

/** The first words that select an operator command instead of starting the server. */
export const PROJECT_COMMANDS = [
  'secret',
  'redirect-urls',
  'origins',
  'ip-allowlist',
  'member-roles',
  'oauth',
] as const;

/** `--help` text of the operator commands. */
export const PROJECT_USAGE = `Operator commands (same --data-dir / DATABASE_URL as the server; --env test|live, default test):
  orgauth-server secret rotate [--env E]                 New secret (printed once), project.json updated
  orgauth-server redirect-urls list [--env E]
  orgauth-server redirect-urls add <url> [--type T]... [--default] [--env E]
  orgauth-server redirect-urls remove <url> [--type T]... [--env E]
      types: ${REDIRECT_URL_TYPES.join(', ')} (default: all)
  orgauth-server origins list|add|remove [<origin>] [--env E]
  orgauth-server ip-allowlist list|add|remove [<ip>] [--env E]   (at most 10; none = all allowed)
  orgauth-server member-roles format [ids|objects] [--env E]
      how the backend API spells Member.roles: ids = ["stytch_admin"] (seed OpenAPI, default),
      objects = [{role_id, sources}] (Stytch's Node SDK types); no value prints the current one
  orgauth-server oauth set <provider> --client-id ID --client-secret SECRET [--env E]
  orgauth-server oauth list [--env E]                    provider and client id (never the secret)
  orgauth-server oauth remove <provider> [--env E]
      providers: ${OAUTH_PROVIDERS.join(', ')}; the secret is stored encrypted (same key as the
      server: ORGAUTH_ENCRYPTION_KEY or <data-dir>/encryption.key); a provider without credentials
      is served by a built-in stand-in under --dev only
`;

/** Where the command writes, and the environment it reads `DATABASE_URL` from. */
export interface CommandIo {
  out(text: string): void;
  err(text: string): void;
  env: Record<string, string | undefined>;
  now?: () => number;
}

/** True when `word` (argv[0]) names an operator command. */
export function isProjectCommand(word: string | undefined): boolean {
  return (PROJECT_COMMANDS as readonly string[]).includes(word ?? '');
}

class UsageError extends Error {}

interface Context {
  db: Db;
  store: ProjectStore;
  dataDir: string;
  env: ProjectEnv;
  projectId: string;
  now: () => number;
  clientId: string | undefined;
  clientSecret: string | undefined;
  io: CommandIo;
}

function parse(argv: string[]) {
  const { values, positionals } = parseArgs({
    args: argv,
    options: {
      env: { type: 'string', default: 'test' },
      type: { type: 'string', multiple: true },
      default: { type: 'boolean', default: false },
      'data-dir': { type: 'string', default: './.orgauth' },
      'client-id': { type: 'string' },
      'client-secret': { type: 'string' },
    },
    strict: true,
    allowPositionals: true,
  });
  if (values.env !== 'test' && values.env !== 'live')
    throw new UsageError(`--env must be test or live, got "${values.env}".`);
  const types = values.type ?? [...REDIRECT_URL_TYPES];
  for (const type of types) {
    if (!(REDIRECT_URL_TYPES as readonly string[]).includes(type))
      throw new UsageError(`--type must be one of ${REDIRECT_URL_TYPES.join(', ')}, got "${type}".`);
  }
  const [command = '', action = '', value, ...extra] = positionals;
  if (extra.length > 0) throw new UsageError(`Unexpected arguments: ${extra.join(' ')}.`);
  return {
    command,
    action,
    value,
    env: values.env as ProjectEnv,
    types: types as RedirectUrlType[],
    isDefault: values.default,
    dataDir: resolve(values['data-dir']),
    clientId: values['client-id'],
    clientSecret: values['client-secret'],
  };
}

const needValue = (value: string | undefined, what: string): string => {
  if (value === undefined || value === '') throw new UsageError(`Missing ${what}.`);
  return value;
};

async function run(
  ctx: Context,
  command: string,
  action: string,
  value: string | undefined,
  types: RedirectUrlType[],
  isDefault: boolean,
  io: CommandIo,
): Promise<number> {
  const key = `${command} ${action}`;
  switch (key) {
    case 'secret rotate': {
      const secret = await rotateSecret(ctx.db, ctx.projectId, ctx.env);
      const row = await environmentRow(ctx.db, ctx.env);
      updateStoredCredentials(ctx.dataDir, ctx.env, {
        project_id: ctx.projectId,
        secret,
        public_token: row?.public_token ?? '',
      });
      io.out(
        `New ${ctx.env} secret for ${ctx.projectId} (shown once; project.json updated; the old secret no longer works):\n${secret}\n`,
      );
      return 0;
    }
    case 'redirect-urls list':
      for (const rule of await ctx.store.listRedirectUrls(ctx.projectId))
        io.out(`${rule.type.padEnd(15)}${rule.is_default ? 'default  ' : '         '}${rule.url}\n`);
      return 0;
    case 'redirect-urls add': {
      const url = await ctx.store.addRedirectUrl(ctx.projectId, needValue(value, '<url>'), types, isDefault);
      io.out(`Added ${url} to ${ctx.env} for ${types.join(', ')}${isDefault ? ' (default)' : ''}.\n`);
      return 0;
    }
    case 'redirect-urls remove': {
      const removed = await ctx.store.removeRedirectUrl(ctx.projectId, needValue(value, '<url>'), types);
      io.out(`Removed ${removed} rule(s).\n`);
      return removed > 0 ? 0 : 1;
    }
    case 'origins list':
      for (const origin of await ctx.store.listAuthorizedOrigins(ctx.projectId)) io.out(`${origin}\n`);
      return 0;
    case 'origins add':
      io.out(
        `Added ${await ctx.store.addAuthorizedOrigin(ctx.projectId, needValue(value, '<origin>'))} to ${ctx.env}.\n`,
      );
      return 0;
    case 'origins remove': {
      const removed = await ctx.store.removeAuthorizedOrigin(ctx.projectId, needValue(value, '<origin>'));
      io.out(removed ? 'Removed.\n' : 'Not listed.\n');
      return removed ? 0 : 1;
    }
    case 'ip-allowlist list':
      for (const ip of await listAllowedIps(ctx.db, ctx.projectId)) io.out(`${ip}\n`);
      return 0;
    case 'ip-allowlist add':
      io.out(
        `Added ${await addAllowedIp(ctx.db, ctx.projectId, needValue(value, '<ip>'), ctx.now())} to ${ctx.env}.\n`,
      );
      return 0;
    case 'ip-allowlist remove': {
      const removed = await removeAllowedIp(ctx.db, ctx.projectId, needValue(value, '<ip>'));
      io.out(removed ? 'Removed.\n' : 'Not listed.\n');
      return removed ? 0 : 1;
    }
    case 'member-roles format': {
      if (value === undefined) {
        io.out(`${(await ctx.store.byId(ctx.projectId))?.member_roles_format ?? 'ids'}\n`);
        return 0;
      }
      if (!isMemberRolesFormat(value))
        throw new UsageError(`member-roles format must be one of ${MEMBER_ROLES_FORMATS.join(', ')}, got "${value}".`);
      await ctx.store.setMemberRolesFormat(ctx.projectId, value);
      io.out(`Member roles in ${ctx.env} are now spelled as ${value}.\n`);
      return 0;
    }
    case 'oauth list':
      for (const row of await listOAuthCredentials(ctx.db, ctx.projectId))
        io.out(`${row.provider.padEnd(11)}${row.client_id}\n`);
      return 0;
    case 'oauth set':
    case 'oauth remove':
      return runOAuthChange(ctx, action, value);
    default:
      throw new UsageError(`Unknown command "${key.trim()}".`);
  }
}

/** `oauth set|remove <provider>`: checks the words first, then writes (the secret sealed). */
async function runOAuthChange(ctx: Context, action: string, provider: string | undefined): Promise<number> {
  if (!isOAuthProvider(provider)) {
    throw new UsageError(
      `${provider === undefined ? 'Missing <provider>' : `Unknown provider "${provider}"`}: use one of ${OAUTH_PROVIDERS.join(', ')}.`,
    );
  }
  if (action === 'remove') {
    const removed = await removeOAuthCredentials(ctx.db, ctx.projectId, provider);
    ctx.io.out(removed ? `Removed the ${ctx.env} ${provider} client.\n` : `No ${ctx.env} ${provider} client.\n`);
    return removed ? 0 : 1;
  }
  const problem =
    credentialProblem('--client-id', ctx.clientId) ?? credentialProblem('--client-secret', ctx.clientSecret);
  if (problem !== undefined) throw new UsageError(problem);
  // The same key as the server's, checked against the database's fingerprint: a secret sealed
  // under another key would never open.
  let box: ReturnType<typeof loadSecretBox>;
  try {
    box = loadSecretBox({ env: ctx.io.env, dataDir: ctx.dataDir });
    await checkSecretBoxKey(ctx.db, box, ctx.now());
  } catch (error) {
    ctx.io.err(`${(error as Error).message}\n`);
    return 1;
  }
  await setOAuthCredentials(ctx.db, box, {
    projectId: ctx.projectId,
    provider,
    clientId: ctx.clientId ?? '',
    clientSecret: ctx.clientSecret ?? '',
    now: ctx.now(),
  });
  ctx.io.out(`Set the ${ctx.env} ${provider} client ${ctx.clientId} (secret stored encrypted).\n`);
  return 0;
}

/**
 * Runs one operator command (`secret rotate`, `redirect-urls …`, `origins …`, `ip-allowlist …`)
 * against the same database the server uses, and returns the exit code (0 ok, 1 refused, 2 usage).
 * The running server sees every change on its next request (all configuration lives in the database).
 */
export async function runProjectCommand(argv: string[], io: CommandIo): Promise<number> {
  let args;
  try {
    args = parse(argv);
  } catch (error) {
    io.err(`${(error as Error).message}\n\n${PROJECT_USAGE}`);
    return 2;
  }
  const now = io.now ?? Date.now;
  const { database, projectId } = await openCommandEnvironment(args.dataDir, args.env, io, now);
  try {
    const store = createProjectStore(database.db, now);
    const ctx: Context = {
      db: database.db,
      store,
      dataDir: args.dataDir,
      env: args.env,
      projectId,
      now,
      clientId: args.clientId,
      clientSecret: args.clientSecret,
      io,
    };
    return await run(ctx, args.command, args.action, args.value, args.types, args.isDefault, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`${error.message}\n\n${PROJECT_USAGE}`);
      return 2;
    }
    if (error instanceof ApiError) {
      io.err(`${error.message}\n`);
      return 1;
    }
    throw error;
  } finally {
    await database.close();
  }
}
