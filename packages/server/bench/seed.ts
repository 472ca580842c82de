import { insertMember } from '../src/members/index.js';
import { issueOneTimeToken } from '../src/magic-links/index.js';
import { issueEmailOtp } from '../src/otps/codes.js';
import { insertOrganization } from '../src/organizations/index.js';
import { insertSession } from '../src/sessions/index.js';
import type { ProjectCredentials } from '../src/projects/index.js';
import { createOrgAuthServer } from '../src/server.js';

/** What the load scenarios need from the seeded database. */
export interface Seeded {
  project: ProjectCredentials;
  /** Plaintext opaque tokens of every seeded session. */
  sessionTokens: string[];
  /** Unused login magic-link tokens, one per `magic_links/authenticate` request. */
  magicTokens: string[];
  /** Unused email one-time codes, one per `otps/email/authenticate` request. */
  otps: { organizationId: string; email: string; code: string }[];
}

/** Seed sizes. */
export interface SeedOptions {
  sessions: number;
  /** Magic links and one-time codes each (one code per member at most). */
  magicTokens: number;
  /** An SDK origin to allowlist for the test project (`scheme://host[:port]`). */
  origin: string;
  membersPerOrganization?: number;
}

const CHUNK = 500;

/**
 * Opens the database the way the server does (migrations, test project in `dataDir/project.json`),
 * then writes organizations, active members, one live session per member, unused login magic
 * links and one-time codes (one hour) through the domain layer, in transactions of {@link CHUNK}
 * rows, allowlists the SDK origin, and closes it again so a separate server process can own it.
 */
export async function seed(dataDir: string, databaseUrl: string | undefined, options: SeedOptions): Promise<Seeded> {
  const server = await createOrgAuthServer({ dataDir, ...(databaseUrl ? { databaseUrl } : {}) });
  try {
    const projectId = server.project.project_id;
    const perOrg = options.membersPerOrganization ?? 100;
    const now = Date.now();
    const sessionTokens: string[] = [];
    const members: { id: string; email: string; organizationId: string }[] = [];
    const factor = {
      type: 'magic_link',
      delivery_method: 'email',
      last_authenticated_at: new Date(now).toISOString(),
      email_factor: { email_id: 'bench', email_address: 'bench@bench.example' },
    };
    for (let start = 0; start < options.sessions; start += CHUNK) {
      await server.db.transaction().execute(async (trx) => {
        let organizationId = '';
        for (let i = start; i < Math.min(start + CHUNK, options.sessions); i++) {
          if (i % perOrg === 0 || organizationId === '') {
            const org = await insertOrganization(
              trx,
              projectId,
              { name: `Bench ${i / perOrg}`, slug: `bench-${i}`, emailInvites: 'ALL_ALLOWED' },
              now,
            );
            organizationId = org.id;
          }
          const email = `member-${i}@bench.example`;
          const member = await insertMember(
            trx,
            projectId,
            organizationId,
            { email, status: 'active', emailVerified: true },
            now,
          );
          const { token } = await insertSession(trx, member, [factor as never], 24 * 60, now);
          sessionTokens.push(token);
          members.push({ id: member.id, email, organizationId });
        }
      });
    }
    const magicTokens: string[] = [];
    for (let start = 0; start < options.magicTokens; start += CHUNK) {
      await server.db.transaction().execute(async (trx) => {
        for (let i = start; i < Math.min(start + CHUNK, options.magicTokens); i++) {
          const member = members[i % members.length];
          if (member === undefined) return;
          const input = {
            projectId,
            kind: 'login_magic_link' as const,
            email: member.email,
            organizationId: member.organizationId,
            redirectUrl: 'http://localhost:3000',
            ttlMinutes: 60,
          };
          magicTokens.push(await issueOneTimeToken(trx, input, now));
        }
      });
    }
    const otps: Seeded['otps'] = [];
    const codes = Math.min(options.magicTokens, members.length);
    for (let start = 0; start < codes; start += CHUNK) {
      await server.db.transaction().execute(async (trx) => {
        for (let i = start; i < Math.min(start + CHUNK, codes); i++) {
          const { email, organizationId } = members[i] as (typeof members)[number];
          const code = await issueEmailOtp(trx, server.secretBox, { projectId, organizationId, email }, 60, now);
          otps.push({ organizationId, email, code });
        }
      });
    }
    await server.projects.addAuthorizedOrigin(options.origin);
    await server.checkpoint();
    return { project: server.project, sessionTokens, magicTokens, otps };
  } finally {
    await server.close();
  }
}
