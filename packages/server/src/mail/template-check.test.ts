import { describe, expect, test } from 'vitest';
import { fillHtml, fillText } from './placeholders.js';
import { TEMPLATE_LIMITS, templateProblems } from './template-check.js';

const ok = {
  subject: 'Join {{organization_name}}',
  html: '<style>a { color: {{color_primary}} }</style><p title="{{organization_name}}">Hi {{ organization_name }}</p><a href="{{link}}" style="background: {{color_primary}}">Join</a><img src="{{logo_url}}" alt="">',
  text: 'Join {{organization_name}}: {{link}}',
};

describe('templateProblems: what an operator template may be', () => {
  test('a template with known placeholders in safe places passes', () => {
    expect(templateProblems('signup', ok)).toEqual([]);
    expect(templateProblems('code', { subject: '{{code}}', html: '<b>{{code}}</b>', text: 'Code {{code}}' })).toEqual(
      [],
    );
  });

  test('unknown placeholders and logic are refused, naming them and the known ones', () => {
    const [problem] = templateProblems('discovery', {
      ...ok,
      subject: 'Hi {{organization_name}} {{#if admin}}',
      html: '<a href="{{link}}">x</a>',
    });
    expect(problem).toMatch(/subject uses unknown placeholder\(s\) \{\{organization_name\}\}, \{\{#if admin\}\}/);
    expect(problem).toMatch(/discovery knows .*\{\{link\}\}/);
  });

  test('the link (or code) must be in the html and the text', () => {
    expect(templateProblems('login', { ...ok, text: 'no link' })).toContain('The text must contain {{link}}.');
    expect(templateProblems('code', { subject: 's', html: '<p>x</p>', text: '{{code}}' })).toContain(
      'The html must contain {{code}}.',
    );
  });

  test('sizes, empty parts and multi-line subjects', () => {
    const big = `{{link}}${'x'.repeat(TEMPLATE_LIMITS.html)}`;
    expect(templateProblems('login', { ...ok, html: big }).join('\n')).toMatch(
      /The html is 100008 characters; at most 100000/,
    );
    expect(templateProblems('login', { ...ok, subject: ' ' }).join('\n')).toMatch(/The subject is empty/);
    expect(templateProblems('login', { ...ok, text: '{{link}}'.repeat(201) }).join('\n')).toMatch(
      /201 placeholders; at most 200/,
    );
    expect(templateProblems('login', { ...ok, subject: 'a\r\nBcc: x@evil.test' }).join('\n')).toMatch(/one line/);
  });

  test('placeholders where escaping would not make them inert are refused', () => {
    const bad = [
      '<a href={{link}}>x</a>',
      '<a href="{{link}}" title={{organization_name}}>{{link}}</a>',
      '<a href="{{organization_name}}">{{link}}</a>',
      '<a href="https://x.test/?u={{link}}">{{link}}</a>',
      '<p style="color: {{organization_name}}">{{link}}</p>',
      '<style>p::after { content: "{{organization_name}}" }</style>{{link}}',
      '<img src="{{logo_url}}" onerror="{{organization_name}}">{{link}}',
      '<p {{organization_name}}>{{link}}</p>',
      '<script>var l = "{{link}}"</script>',
    ];
    for (const html of bad) expect(templateProblems('login', { ...ok, html }).length, html).toBeGreaterThan(0);
  });
});

describe('filling placeholders', () => {
  test('HTML values are escaped, text values kept; unknown names are empty', () => {
    const values = { organization_name: '<script>alert(1)</script> & "Co" \'x\'' };
    expect(fillHtml('<p title="{{organization_name}}">{{organization_name}}{{nope}}</p>', values)).toBe(
      '<p title="&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Co&quot; &#39;x&#39;">&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Co&quot; &#39;x&#39;</p>',
    );
    expect(fillText('{{ organization_name }}!', values)).toBe(`${values.organization_name}!`);
  });

  test('a value is filled once: placeholders inside values stay text', () => {
    expect(fillText('{{organization_name}} {{link}}', { organization_name: '{{link}}', link: 'L' })).toBe('{{link}} L');
  });
});
