import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ApiError } from '../lib/api-error.js';
import type { ProjectEnv } from '../projects/index.js';
import { loadRbacPolicy, saveRbacPolicy } from '../rbac/index.js';
import type { CommandIo } from './project-commands.js';
import { openCommandEnvironment } from './environment.js';

/** `--help` text of `orgauth-server rbac`. */
export const RBAC_USAGE = `RBAC policy (same --data-dir / DATABASE_URL as the server; --env test|live, default test):
  orgauth-server rbac show [--env E]                     The effective policy as JSON (Stytch's default + yours)
  orgauth-server rbac set-policy <policy.json> [--env E]  Replace the custom roles, resources and scopes
      policy.json: {"roles": [{"role_id", "description", "permissions": [{"resource_id", "actions"}]}],
                    "resources": [{"resource_id", "description", "actions"}], "scopes": [...]}
      stytch_member / stytch_admin may be listed to gain permissions, never to lose their defaults;
      stytch.* resources may be listed only unchanged; {} restores Stytch's default policy.
      Running servers use the new policy on their next request.
`;

class UsageError extends Error {}

function parse(argv: string[]) {
  const { values, positionals } = parseArgs({
    args: argv,
    options: {
      env: { type: 'string', default: 'test' },
      'data-dir': { type: 'string', default: './.orgauth' },
    },
    strict: true,
    allowPositionals: true,
  });
  if (values.env !== 'test' && values.env !== 'live')
    throw new UsageError(`--env must be test or live, got "${values.env}".`);
  const [command, action = '', file, ...extra] = positionals;
  if (command !== 'rbac') throw new UsageError(`Unknown command "${command ?? ''}".`);
  if (extra.length > 0) throw new UsageError(`Unexpected arguments: ${extra.join(' ')}.`);
  if (action === 'show' && file !== undefined) throw new UsageError('rbac show takes no file.');
  if (action === 'set-policy' && (file === undefined || file === '')) throw new UsageError('Missing <policy.json>.');
  if (action !== 'show' && action !== 'set-policy') throw new UsageError(`Unknown command "rbac ${action}".`);
  return { action, file, env: values.env as ProjectEnv, dataDir: resolve(values['data-dir']) };
}

/** The policy document in `file`, or a message saying why it cannot be read. */
function readDocument(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new ApiError('bad_request', `Cannot read ${file}: ${(error as Error).message}`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ApiError('bad_request', `${file} is not JSON: ${(error as Error).message}`);
  }
}

/**
 * Runs `orgauth-server rbac show|set-policy` (argv from `rbac` on) against the server's database.
 * A refused policy changes nothing and says which role, resource or permission is wrong.
 * @returns the exit code: 0 done, 1 refused, 2 usage.
 */
export async function runRbacCommand(argv: string[], io: CommandIo): Promise<number> {
  let args: ReturnType<typeof parse>;
  try {
    args = parse(argv);
  } catch (error) {
    io.err(`${(error as Error).message}\n\n${RBAC_USAGE}`);
    return 2;
  }
  const now = io.now ?? Date.now;
  const { database, projectId } = await openCommandEnvironment(args.dataDir, args.env, io, now);
  try {
    if (args.action === 'show') {
      io.out(`${JSON.stringify(await loadRbacPolicy(database.db, projectId), null, 2)}\n`);
      return 0;
    }
    const policy = await saveRbacPolicy(database.db, projectId, readDocument(args.file as string), now());
    const custom = policy.roles.filter((role) => !role.role_id.startsWith('stytch_')).length;
    io.out(
      `Set the ${args.env} RBAC policy: ${policy.roles.length} roles (${custom} custom), ${policy.resources.length} resources, ${policy.scopes.length} scopes.\n`,
    );
    return 0;
  } catch (error) {
    if (error instanceof ApiError) {
      io.err(`Policy refused: ${error.message}\n`);
      return 1;
    }
    throw error;
  } finally {
    await database.close();
  }
}
