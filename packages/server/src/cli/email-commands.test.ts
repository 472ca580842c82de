import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { buildServerCli } from '../conformance/server-process.js';
import { composeMail } from '../mail/compose.js';
import { createOrgAuthServer } from '../server.js';
import { runEmailCommand } from './email-commands.js';
import { type CliTestDatabase, cliTestDatabase } from './test-database.js';

// `orgauth-server email show|branding|set-template|reset`: per environment, checked before stored.

let dataDir: string;
let env: Record<string, string | undefined>;
let database: CliTestDatabase | undefined;

beforeEach(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'orgauth-cli-email-'));
  database = await cliTestDatabase();
  env = database.databaseUrl ? { DATABASE_URL: database.databaseUrl } : {};
});
afterEach(async () => {
  await database?.drop();
  database = undefined;
  rmSync(dataDir, { recursive: true, force: true });
});

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runEmailCommand(['email', ...argv, '--data-dir', dataDir], {
    out: (s) => void (out += s),
    err: (s) => void (err += s),
    env,
  });
  return { code, out, err };
}

/** Writes `content` to a file in the data dir and returns its path. */
function file(name: string, content: string): string {
  const path = join(dataDir, name);
  writeFileSync(path, content);
  return path;
}

const startServer = () =>
  createOrgAuthServer({ dataDir, ...(env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL } : {}) });

describe('email commands', () => {
  test('branding: set per environment, checked, shown, cleared and reset', async () => {
    const set = await cli(
      'branding',
      '--sender-name',
      'Acme',
      '--logo-url',
      'https://cdn.acme.test/l.png',
      '--color-primary',
      '#FF0066',
      '--env',
      'live',
    );
    expect(set).toMatchObject({
      code: 0,
      out: 'Set the live email branding (sender_name, logo_url, color_primary).\n',
    });
    const live = await cli('show', '--env', 'live');
    expect(live.out).toContain('  sender_name       Acme\n');
    expect(live.out).toContain('  color_primary     #ff0066\n');
    expect(live.out).toContain('  color_text        (built-in)\n');
    expect((await cli('show')).out).toContain('  sender_name       (built-in)\n');

    for (const [option, value, message] of [
      ['--logo-url', 'http://cdn.acme.test/l.png', /https:\/\/ URL/],
      ['--logo-url', 'javascript:alert(1)', /https:\/\/ URL/],
      ['--color-text', 'red', /hex colour/],
      ['--color-background', '#12345g', /hex colour/],
      ['--sender-name', 'Acme\r\nBcc: x@evil.test', /one line/],
    ] as const) {
      const refused = await cli('branding', option, value, '--env', 'live');
      expect(refused.code, value).toBe(1);
      expect(refused.err).toMatch(message);
    }
    expect((await cli('show', '--env', 'live')).out).toContain('  logo_url          https://cdn.acme.test/l.png\n');

    expect((await cli('branding', '--logo-url', '', '--env', 'live')).code).toBe(0);
    expect((await cli('show', '--env', 'live')).out).toContain('  logo_url          (built-in)\n');
    expect(await cli('reset', 'branding', '--env', 'live')).toMatchObject({
      code: 0,
      out: 'Reset the live email branding.\n',
    });
    expect((await cli('show', '--env', 'live')).out).toContain('  sender_name       (built-in)\n');
  });

  test('set-template stores a checked template the server then mails; reset restores the built-in', async () => {
    const html = file('invite.html', '<h1>{{organization_name}}</h1><a href="{{link}}">Beitreten</a>');
    const text = file('invite.txt', 'Willkommen bei {{organization_name}}: {{link}}');
    const set = await cli(
      'set-template',
      'invite',
      '--locale',
      'de',
      '--subject',
      'Einladung: {{organization_name}}',
      '--html',
      html,
      '--text',
      text,
    );
    expect(set).toMatchObject({ code: 0, out: 'Set the test invite template in de.\n' });
    expect((await cli('show')).out).toMatch(
      / {2}invite {4}de {2}"Einladung: \{\{organization_name\}\}" \(html 62, text 46 characters\)/,
    );

    const server = await startServer();
    try {
      const mail = (locale: string) =>
        composeMail(server.db, server.project.project_id, {
          kind: 'invite',
          link: 'https://app.test/a?token=t',
          organizationName: '<Acme>',
          expiresInMinutes: 60,
          locale,
        });
      expect(await mail('de-AT')).toMatchObject({
        subject: 'Einladung: <Acme>',
        html: '<h1>&lt;Acme&gt;</h1><a href="https://app.test/a?token=t">Beitreten</a>',
      });
      // No custom en or fr: French gets the built-in French mail.
      expect((await mail('fr')).subject).toBe('Vous êtes invité à rejoindre <Acme>');
      // The live environment has its own (none).
      const live = await composeMail(server.db, server.project.live.project_id, {
        kind: 'invite',
        link: 'https://app.test/a',
        organizationName: 'Acme',
        expiresInMinutes: 60,
        locale: 'de',
      });
      expect(live.subject).toBe('Sie wurden zu Acme eingeladen');

      expect(await cli('reset', 'invite')).toMatchObject({
        code: 0,
        out: 'Removed 1 custom invite template(s) from test.\n',
      });
      expect((await mail('de')).subject).toBe('Sie wurden zu <Acme> eingeladen');
      expect((await cli('reset', 'invite')).code).toBe(1);
    } finally {
      await server.close();
    }
  });

  test('a refused template says every reason, and nothing is stored', async () => {
    const html = file('bad.html', '<a href="{{organization_name}}">{{ org_name }}</a>');
    const text = file('bad.txt', 'no link here');
    const refused = await cli('set-template', 'login', '--subject', '{{#if x}}', '--html', html, '--text', text);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('Template refused:\n');
    expect(refused.err).toContain(
      '  - The subject uses unknown placeholder(s) {{#if x}}; login knows {{project_name}}',
    );
    expect(refused.err).toContain('  - The html uses unknown placeholder(s) {{org_name}}');
    expect(refused.err).toContain('  - The text must contain {{link}}.');
    expect(refused.err).toContain('  - The html places {{organization_name}} where it is not safe');
    expect((await cli('show')).out).toContain('none (every mail is built-in)');
    const missing = await cli(
      'set-template',
      'login',
      '--subject',
      's',
      '--html',
      join(dataDir, 'nope.html'),
      '--text',
      text,
    );
    expect(missing).toMatchObject({ code: 1 });
    expect(missing.err).toMatch(/^Cannot read .*nope\.html/);
  });

  test('usage errors name what is expected', async () => {
    const cases: Array<[string[], RegExp]> = [
      [
        ['set-template', 'welcome', '--subject', 's'],
        /Unknown template "welcome": use one of discovery, login, signup, invite, code/,
      ],
      [
        ['set-template', 'login', '--locale', 'it', '--subject', 's'],
        /--locale must be one of en, de, fr, es, ja, got "it"/,
      ],
      [['set-template', 'login', '--html', 'a', '--text', 'b'], /Missing --subject/],
      [['branding'], /at least one branding option/],
      [['preview'], /Unknown command "email preview"/],
      [['show', '--env', 'prod'], /--env must be test or live/],
    ];
    for (const [argv, message] of cases) {
      const result = await cli(...argv);
      expect(result.code, argv.join(' ')).toBe(2);
      expect(result.err).toMatch(message);
      expect(result.err).toContain('orgauth-server email set-template <template>');
    }
  });

  test('the built orgauth-server binary runs the email commands and lists them in --help', () => {
    const built = buildServerCli();
    try {
      const run = (...argv: string[]) =>
        spawnSync(process.execPath, [built.cli, 'email', ...argv, '--data-dir', dataDir], {
          encoding: 'utf8',
          env: { ...process.env, ...env },
        });
      const html = file('code.html', '<b>{{code}}</b>');
      const text = file('code.txt', '{{code}}');
      expect(
        run('set-template', 'code', '--locale', 'ja', '--subject', '{{code}}', '--html', html, '--text', text).status,
      ).toBe(0);
      expect(run('show').stdout).toContain('  code      ja  "{{code}}"');
      const refused = run('branding', '--color-primary', 'javascript:x');
      expect(refused.status).toBe(1);
      expect(refused.stderr).toContain('hex colour');
      expect(spawnSync(process.execPath, [built.cli, '--help'], { encoding: 'utf8' }).stdout).toContain(
        'orgauth-server email set-template <template>',
      );
    } finally {
      built.remove();
    }
  });
});
