import { afterEach, describe, expect, test } from 'vitest';
import { saveBranding } from '../mail/branding.js';
import { setCustomTemplate } from '../mail/custom-templates.js';
import { createTestServer, type TestServer } from '../testing/test-server.js';

let t: TestServer | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

/** The part of the page outside every srcdoc attribute: what the browser parses as the page itself. */
const outsideFrames = (page: string) => page.replace(/srcdoc="[^"]*"/g, 'srcdoc=""');

describe('dev mail preview', () => {
  test('is mounted only in dev mode', async () => {
    t = await createTestServer();
    expect((await t.http('/dev/mail-preview')).status).toBe(404);
  });

  test('shows every mail in the chosen locale, with the environment branding and custom templates', async () => {
    t = await createTestServer({ dev: true });
    const page = async (query: string) => {
      const res = await t!.http(`/dev/mail-preview${query}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
      return res.text();
    };
    const english = await page('');
    for (const kind of [
      'discovery',
      'login',
      'signup',
      'invite',
      'code_login',
      'code_signup',
      'code_discovery',
      'password_reset',
      'password_set',
      'password_reset_discovery',
      'password_set_discovery',
    ])
      expect(english).toContain(`<h2>${kind} `);
    expect(english).toContain('Subject <strong>Reset your password for Example &amp; Co. &lt;Preview&gt;</strong>');
    expect(english).toContain('Subject <strong>Set your password</strong>');
    expect(english).toContain('Subject <strong>Your sign-in link</strong>');
    expect(english).toContain('123456 is your code to sign in to Example &amp; Co. &lt;Preview&gt;');

    const german = await page('?locale=de-DE');
    expect(german).toContain('<h1>Mail preview: test, de</h1>');
    expect(german).toContain('Subject <strong>Ihr Anmeldelink</strong>');
    expect(german).toContain('Ada Lovelace hat Sie zu Example &amp; Co. &lt;Preview&gt; eingeladen');
    expect(await page('?locale=xx')).toContain('<h1>Mail preview: test, en</h1>');
    const refused = await t.http('/dev/mail-preview?env=prod');
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({ status_code: 400, error_type: 'bad_request' });

    await saveBranding(t.server.db, t.server.project.project_id, { sender_name: 'Acme', color_primary: '#ff0066' }, 0);
    await setCustomTemplate(
      t.server.db,
      t.server.project.project_id,
      {
        template: 'login',
        locale: 'en',
        subject: 'Custom {{organization_name}}',
        html: '<p title="{{organization_name}}">{{organization_name}}</p><a href="{{link}}">Go</a>',
        text: '{{link}}',
      },
      0,
    );
    const branded = await page('?locale=fr');
    expect(branded).toContain('From name <strong>Acme</strong>');
    // The custom English login template is the French fallback; other mails stay built-in French.
    expect(branded).toContain('Subject <strong>Custom Example &amp; Co. &lt;Preview&gt;</strong>');
    expect(branded).toContain('Subject <strong>Votre lien de connexion</strong>');
    expect(branded).toContain('background: #ff0066');
    // The live environment has neither.
    expect(await page('?env=live&locale=fr')).not.toContain('Acme');
    // Mail HTML is only ever inside a srcdoc attribute: escaped twice, never page markup.
    expect(branded).toContain('&lt;p title=&quot;Example &amp;amp; Co. &amp;lt;Preview&amp;gt;&quot;&gt;');
    expect(outsideFrames(branded)).not.toMatch(/<p title|<script|<h1 style/);
  });
});
