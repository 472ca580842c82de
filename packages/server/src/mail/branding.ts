import type { Db } from '../db/schema.js';

/** A project environment's mail branding; every field optional (the built-in look fills the rest). */
export interface EmailBranding {
  sender_name?: string | undefined;
  logo_url?: string | undefined;
  color_primary?: string | undefined;
  color_background?: string | undefined;
  color_text?: string | undefined;
}

/** The branding fields, in the order `email show` prints them. */
export const BRANDING_FIELDS = ['sender_name', 'logo_url', 'color_primary', 'color_background', 'color_text'] as const;

/** The built-in colours, used where the branding sets none. */
export const DEFAULT_COLORS = { color_primary: '#2b59ff', color_background: '#ffffff', color_text: '#1a1a1a' } as const;

const HEX = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;

/**
 * `value` checked for `field`, normalised, or an Error saying what is expected. Colours are hex
 * (`#abc` / `#aabbcc`: they are written into CSS, where nothing else is safe); the logo is an https
 * URL without credentials (mail clients load it; http would be mixed content and `javascript:` a
 * script); the sender name is one short line (nodemailer encodes it into the From header).
 */
export function checkBrandingValue(field: (typeof BRANDING_FIELDS)[number], value: string): string {
  const trimmed = value.trim();
  if (field === 'sender_name') {
    // biome-ignore lint/suspicious/noControlCharactersInRegex: a line break would start another header.
    if (trimmed === '' || trimmed.length > 64 || /[\u0000-\u001f\u007f<>"\\]/.test(trimmed))
      throw new Error('The sender name must be 1 to 64 characters, one line, without < > " or \\.');
    return trimmed;
  }
  if (field === 'logo_url') {
    let url: URL | undefined;
    try {
      url = new URL(trimmed);
    } catch {}
    if (
      url === undefined ||
      url.protocol !== 'https:' ||
      url.username !== '' ||
      url.password !== '' ||
      trimmed.length > 2048
    )
      throw new Error('The logo URL must be an https:// URL without credentials, at most 2048 characters.');
    return url.href;
  }
  if (!HEX.test(trimmed)) throw new Error(`${field} must be a hex colour such as #2b59ff, got "${value}".`);
  return trimmed.toLowerCase();
}

/** The branding of `projectId` (an environment's project row); `{}` when none was set. */
export async function loadBranding(db: Db, projectId: string): Promise<EmailBranding> {
  const row = await db.selectFrom('email_branding').selectAll().where('project_id', '=', projectId).executeTakeFirst();
  const branding: EmailBranding = {};
  for (const field of BRANDING_FIELDS) {
    const value = row?.[field];
    if (value !== null && value !== undefined) branding[field] = value;
  }
  return branding;
}

/**
 * Sets the given fields of `projectId`'s branding (each checked by {@link checkBrandingValue}; `''`
 * clears a field) and leaves the others as they were. Returns the branding now in force.
 * @throws Error naming the first value refused; nothing is written then.
 */
export async function saveBranding(
  db: Db,
  projectId: string,
  changes: Partial<Record<(typeof BRANDING_FIELDS)[number], string>>,
  now: number,
): Promise<EmailBranding> {
  const merged: Record<string, string | null | undefined> = { ...(await loadBranding(db, projectId)) };
  for (const field of BRANDING_FIELDS) {
    const value = changes[field];
    if (value !== undefined) merged[field] = value.trim() === '' ? null : checkBrandingValue(field, value);
  }
  const row = Object.fromEntries(BRANDING_FIELDS.map((f) => [f, merged[f] ?? null])) as Record<
    (typeof BRANDING_FIELDS)[number],
    string | null
  >;
  await db
    .insertInto('email_branding')
    .values({ project_id: projectId, ...row, updated_at: now })
    .onConflict((oc) => oc.column('project_id').doUpdateSet({ ...row, updated_at: now }))
    .execute();
  return loadBranding(db, projectId);
}

/** Removes `projectId`'s branding (the built-in look again); true when there was one. */
export async function resetBranding(db: Db, projectId: string): Promise<boolean> {
  const result = await db.deleteFrom('email_branding').where('project_id', '=', projectId).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
