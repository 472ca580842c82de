import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { ProjectEnv } from '../projects/index.js';
import { type ConnectionTrustRow, listConnectionTrust, setConnectionTrust } from '../sso/index.js';
import type { CommandIo } from './project-commands.js';
import { openCommandEnvironment } from './environment.js';

/** `--help` text of `orgauth-server sso`. */
export const SSO_USAGE = `SSO connections (same --data-dir / DATABASE_URL as the server; --env test|live, default test):
  orgauth-server sso list [--env E]                      Connections: organization, type, name, status, MFA trust
  orgauth-server sso trust <connection_id> [--off] [--env E]
      Trust the connection's identity provider to enforce MFA: a sign-in through it then satisfies
      the organization's MFA (REQUIRED_FOR_ALL, or an enrolled member) with no second factor here.
      Only for an IdP that really demands a second factor of everyone; --off asks for ours again.
      Not on the wire (Stytch's connections have no such field); running servers apply it at the
      next SSO sign-in.
`;

class UsageError extends Error {}

function parse(argv: string[]) {
  const { values, positionals } = parseArgs({
    args: argv,
    options: {
      env: { type: 'string', default: 'test' },
      'data-dir': { type: 'string', default: './.orgauth' },
      off: { type: 'boolean', default: false },
    },
    strict: true,
    allowPositionals: true,
  });
  if (values.env !== 'test' && values.env !== 'live')
    throw new UsageError(`--env must be test or live, got "${values.env}".`);
  const [command, action = '', connectionId, ...extra] = positionals;
  if (command !== 'sso') throw new UsageError(`Unknown command "${command ?? ''}".`);
  if (extra.length > 0) throw new UsageError(`Unexpected arguments: ${extra.join(' ')}.`);
  if (action === 'list') {
    if (connectionId !== undefined) throw new UsageError('sso list takes no connection id.');
    if (values.off) throw new UsageError('--off goes with sso trust.');
  } else if (action === 'trust') {
    if (connectionId === undefined || connectionId === '') throw new UsageError('Missing <connection_id>.');
  } else throw new UsageError(`Unknown command "sso ${action}".`);
  return {
    action,
    connectionId: connectionId ?? '',
    off: values.off,
    env: values.env as ProjectEnv,
    dataDir: resolve(values['data-dir']),
  };
}

/** The `sso list` table: one line a connection under a header, or a sentence when there are none. */
export function formatConnectionTable(rows: readonly ConnectionTrustRow[], env: ProjectEnv): string {
  if (rows.length === 0) return `No SSO connections in the ${env} project.\n`;
  const table = [
    ['CONNECTION', 'ORGANIZATION', 'TYPE', 'DISPLAY NAME', 'STATUS', 'MFA TRUSTED'],
    ...rows.map((r) => [
      r.connectionId,
      `${r.organizationSlug} (${r.organizationId})`,
      r.type,
      r.displayName === '' ? '-' : r.displayName,
      r.status,
      r.trusted ? 'yes' : 'no',
    ]),
  ];
  const widths = table[0]?.map((_, i) => Math.max(...table.map((line) => (line[i] ?? '').length))) ?? [];
  const padded = (line: string[]) => line.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join('  ');
  return table.map((line) => `${padded(line).trimEnd()}\n`).join('');
}

/**
 * Runs `orgauth-server sso list|trust` (argv from `sso` on) against the server's database.
 * @returns the exit code: 0 done, 1 refused (an unknown connection id, in words), 2 usage.
 */
export async function runSsoCommand(argv: string[], io: CommandIo): Promise<number> {
  let args: ReturnType<typeof parse>;
  try {
    args = parse(argv);
  } catch (error) {
    io.err(`${(error as Error).message}\n\n${SSO_USAGE}`);
    return 2;
  }
  const now = io.now ?? Date.now;
  const { database, projectId } = await openCommandEnvironment(args.dataDir, args.env, io, now);
  try {
    if (args.action === 'list') {
      io.out(formatConnectionTable(await listConnectionTrust(database.db, projectId), args.env));
      return 0;
    }
    if (!(await setConnectionTrust(database.db, projectId, args.connectionId, !args.off))) {
      io.err(
        `No SSO connection ${args.connectionId} in the ${args.env} project (see orgauth-server sso list --env ${args.env}).\n`,
      );
      return 1;
    }
    io.out(
      args.off
        ? `Connection ${args.connectionId} (${args.env}) is no longer trusted: its sign-ins ask for a second factor where the organization requires MFA.\n`
        : `Connection ${args.connectionId} (${args.env}) is trusted: its sign-ins satisfy the organization's MFA without a second factor here.\n`,
    );
    return 0;
  } finally {
    await database.close();
  }
}
