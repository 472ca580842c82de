import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Db } from '../db/schema.js';
import { BRANDING_FIELDS, loadBranding, resetBranding, saveBranding } from '../mail/branding.js';
import { listCustomTemplates, removeCustomTemplates, setCustomTemplate } from '../mail/custom-templates.js';
import { isMailLocale, MAIL_LOCALES, type MailLocale } from '../mail/locale.js';
import { isMailTemplate, MAIL_TEMPLATES, PLACEHOLDERS } from '../mail/placeholders.js';
import { TEMPLATE_LIMITS } from '../mail/template-check.js';
import type { ProjectEnv } from '../projects/index.js';
import type { CommandIo } from './project-commands.js';
import { openCommandEnvironment } from './environment.js';

const list = (names: readonly string[]) => names.map((n) => `{{${n}}}`).join(' ');

/** `--help` text of `orgauth-server email`. */
export const EMAIL_USAGE = `Customer email (same --data-dir / DATABASE_URL as the server; --env test|live, default test):
  orgauth-server email show [--env E]                    Branding and custom templates in force
  orgauth-server email branding [--sender-name N] [--logo-url URL] [--color-primary #hex]
      [--color-background #hex] [--color-text #hex] [--env E]
      set what is given ('' clears one); the logo must be https; the sender address stays SMTP_FROM's
  orgauth-server email set-template <template> --subject S --html FILE --text FILE [--locale L] [--env E]
  orgauth-server email reset <template>|branding [--locale L] [--env E]   back to the built-in
      templates: ${MAIL_TEMPLATES.join(', ')} (code = every one-time code mail); locales:
      ${MAIL_LOCALES.join(', ')} (default en; a send call's locale falls back to your en template,
      then to the built-in mail in its locale). Placeholders, HTML-escaped in the html part:
        common: ${list(PLACEHOLDERS.discovery.filter((n) => n !== 'link'))}
        discovery: {{link}}; login, signup: {{link}} {{organization_name}};
        invite: {{link}} {{organization_name}} {{inviter_name}}; code: {{code}} {{organization_name}}
      Limits: subject ${TEMPLATE_LIMITS.subject}, html ${TEMPLATE_LIMITS.html}, text ${TEMPLATE_LIMITS.text} characters; 200 placeholders a part.
      Preview: /dev/mail-preview on a server started with --dev.
`;

class UsageError extends Error {}

/** A refused value: exit code 1, the message alone. */
class Refused extends Error {}

const OPTION_OF_FIELD = {
  sender_name: 'sender-name',
  logo_url: 'logo-url',
  color_primary: 'color-primary',
  color_background: 'color-background',
  color_text: 'color-text',
} as const;

function parse(argv: string[]) {
  const { values, positionals } = parseArgs({
    args: argv,
    options: {
      env: { type: 'string', default: 'test' },
      'data-dir': { type: 'string', default: './.orgauth' },
      locale: { type: 'string' },
      subject: { type: 'string' },
      html: { type: 'string' },
      text: { type: 'string' },
      'sender-name': { type: 'string' },
      'logo-url': { type: 'string' },
      'color-primary': { type: 'string' },
      'color-background': { type: 'string' },
      'color-text': { type: 'string' },
    },
    strict: true,
    allowPositionals: true,
  });
  if (values.env !== 'test' && values.env !== 'live')
    throw new UsageError(`--env must be test or live, got "${values.env}".`);
  const [command, action = '', target, ...extra] = positionals;
  if (command !== 'email') throw new UsageError(`Unknown command "${command ?? ''}".`);
  if (extra.length > 0) throw new UsageError(`Unexpected arguments: ${extra.join(' ')}.`);
  if (values.locale !== undefined && !isMailLocale(values.locale))
    throw new UsageError(`--locale must be one of ${MAIL_LOCALES.join(', ')}, got "${values.locale}".`);
  return { action, target, values, env: values.env as ProjectEnv, dataDir: resolve(values['data-dir']) };
}

type Args = ReturnType<typeof parse>;

/** The text of `file` (`--html` / `--text`), refused early when far too large to be a template. */
function readPart(file: string | undefined, option: 'html' | 'text'): string {
  if (file === undefined || file === '') throw new UsageError(`Missing --${option} <file>.`);
  try {
    if (statSync(file).size > 4 * TEMPLATE_LIMITS.html) throw new Refused(`${file} is far larger than a template.`);
    return readFileSync(file, 'utf8');
  } catch (error) {
    if (error instanceof Refused) throw error;
    throw new Refused(`Cannot read ${file}: ${(error as Error).message}`);
  }
}

async function show(db: Db, projectId: string, args: Args, io: CommandIo): Promise<void> {
  const branding = await loadBranding(db, projectId);
  io.out(`Branding (${args.env}):\n`);
  for (const field of BRANDING_FIELDS) io.out(`  ${field.padEnd(18)}${branding[field] ?? '(built-in)'}\n`);
  const templates = await listCustomTemplates(db, projectId);
  io.out(`Custom templates (${args.env}):${templates.length === 0 ? ' none (every mail is built-in)' : ''}\n`);
  for (const t of templates)
    io.out(
      `  ${t.template.padEnd(10)}${t.locale.padEnd(4)}${JSON.stringify(t.subject)} (html ${t.html.length}, text ${t.text.length} characters)\n`,
    );
}

async function run(db: Db, projectId: string, args: Args, io: CommandIo, now: number): Promise<number> {
  const { action, target, values } = args;
  if (action === 'show') {
    if (target !== undefined) throw new UsageError('email show takes no argument.');
    await show(db, projectId, args, io);
    return 0;
  }
  if (action === 'branding') {
    if (target !== undefined) throw new UsageError('email branding takes options only.');
    const changes = Object.fromEntries(
      BRANDING_FIELDS.filter((f) => values[OPTION_OF_FIELD[f]] !== undefined).map((f) => [
        f,
        values[OPTION_OF_FIELD[f]],
      ]),
    );
    if (Object.keys(changes).length === 0) throw new UsageError('Give at least one branding option.');
    try {
      await saveBranding(db, projectId, changes, now);
    } catch (error) {
      throw new Refused((error as Error).message);
    }
    io.out(`Set the ${args.env} email branding (${Object.keys(changes).join(', ')}).\n`);
    return 0;
  }
  if (action === 'reset' && target === 'branding') {
    io.out((await resetBranding(db, projectId)) ? `Reset the ${args.env} email branding.\n` : 'No branding was set.\n');
    return 0;
  }
  if (action !== 'set-template' && action !== 'reset') throw new UsageError(`Unknown command "email ${action}".`);
  if (!isMailTemplate(target))
    throw new UsageError(
      `${target === undefined ? 'Missing <template>' : `Unknown template "${target}"`}: use one of ${MAIL_TEMPLATES.join(', ')}.`,
    );
  const locale = values.locale as MailLocale | undefined;
  if (action === 'reset') {
    const removed = await removeCustomTemplates(db, projectId, target, locale);
    io.out(`Removed ${removed} custom ${target} template(s) from ${args.env}.\n`);
    return removed > 0 ? 0 : 1;
  }
  if (values.subject === undefined) throw new UsageError('Missing --subject.');
  const parts = { subject: values.subject, html: readPart(values.html, 'html'), text: readPart(values.text, 'text') };
  try {
    await setCustomTemplate(db, projectId, { template: target, locale: locale ?? 'en', ...parts }, now);
  } catch (error) {
    throw new Refused(`Template refused:\n${(error as Error).message.replace(/^/gm, '  - ')}`);
  }
  io.out(`Set the ${args.env} ${target} template in ${locale ?? 'en'}.\n`);
  return 0;
}

/**
 * Runs `orgauth-server email show|branding|set-template|reset` (argv from `email` on) against the
 * server's database. Running servers use the change on their next mail.
 * @returns the exit code: 0 done, 1 refused (in words), 2 usage.
 */
export async function runEmailCommand(argv: string[], io: CommandIo): Promise<number> {
  let args: Args;
  try {
    args = parse(argv);
  } catch (error) {
    io.err(`${(error as Error).message}\n\n${EMAIL_USAGE}`);
    return 2;
  }
  const now = io.now ?? Date.now;
  const { database, projectId } = await openCommandEnvironment(args.dataDir, args.env, io, now);
  try {
    return await run(database.db, projectId, args, io, now());
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`${error.message}\n\n${EMAIL_USAGE}`);
      return 2;
    }
    if (error instanceof Refused) {
      io.err(`${error.message}\n`);
      return 1;
    }
    throw error;
  } finally {
    await database.close();
  }
}
