import { join } from 'node:path';
import Database from 'better-sqlite3';
import { e2eSetup } from './origins.js';

/**
 * Makes the email one-time codes waiting for `email` expired, on the running e2e server: the config's
 * webServer is `orgauth-server --data-dir <dir>` over SQLite (`<dir>/orgauth.db`, WAL), which reads
 * the code's `expires_at` from the database on every authenticate (packages/server/src/otps/codes.ts).
 * Moving that one row's expiry into the past is the clock of that code jumping past its ten minutes,
 * without waiting and without touching the server's code or its clock. Returns how many codes it
 * expired (one per organization, or discovery, the address has a code for).
 */
export function expireEmailOtps(email: string): number {
  const db = new Database(join(e2eSetup().dataDir, 'orgauth.db'), { fileMustExist: true });
  try {
    // The server may be writing at the same moment: wait for its lock as it waits for ours.
    db.pragma('busy_timeout = 5000');
    const expired = db
      .prepare('UPDATE email_otps SET expires_at = ? WHERE email = ? AND expires_at > ?')
      .run(Date.now() - 1_000, email, Date.now());
    return expired.changes;
  } finally {
    db.close();
  }
}
