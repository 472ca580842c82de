// Size budgets: the @orgauth/core entry (minified, its dependencies bundled in) and the script-tag bundle.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const KB = 1024;

/** Checks every budget; returns one row per budget with its figures (bytes). */
export async function checkBudgets(root) {
  const { measureCore, CORE_BUDGET } = await import(join(root, 'packages/core/scripts/size.mjs'));
  const { full, typical } = await measureCore();
  // CORE_BUDGET is 11 KB: organization links, invites, email codes and the login's configuration cost
  // ~1 KB, OAuth sign-in and SSO discovery ~1 KB more, the signed-in member's calls (RBAC, session
  // exchange, organization, members, self, invites) ~0.7 KB more.
  const global = readFileSync(join(root, 'packages/elements/dist/orgauth.global.js'));
  const rows = [
    { name: '@orgauth/core entry (all exports)', raw: full.min, gzip: full.gzip, budget: CORE_BUDGET },
    {
      name: '@orgauth/core typical import (createB2BClient + selectors)',
      raw: typical.min,
      gzip: typical.gzip,
      budget: CORE_BUDGET,
    },
    {
      name: 'orgauth.global.js (script-tag bundle)',
      raw: global.length,
      gzip: gzipSync(global, { level: 9 }).length,
      // 31 KB: the login's OAuth buttons and marks (~2.6 KB) and the signed-in member's client calls
      // (organization, members, self, RBAC: ~0.7 KB) ride in the one client the bundle builds.
      budget: 31 * KB,
    },
  ];
  return rows.map((r) => ({ ...r, ok: r.gzip <= r.budget }));
}
