import { html, render } from 'lit';
import { describe, expect, it } from 'vitest';
import { format } from './format.js';

const text = (parts: unknown[]) => parts.join('');
const TRIES = 'That code is not right. {count, plural, =0 {No tries left.} one {# try left.} other {# tries left.}}';

describe('format: plural and select', () => {
  it('picks =N, then the locale’s category, with # as the number', () => {
    expect(text(format(TRIES, { count: 0 }))).toBe('That code is not right. No tries left.');
    expect(text(format(TRIES, { count: 1 }))).toBe('That code is not right. 1 try left.');
    expect(text(format(TRIES, { count: 4 }))).toBe('That code is not right. 4 tries left.');
  });

  it('chooses the category by the locale’s rules', () => {
    // French puts 0 and 1 in `one`; Japanese has only `other`; Arabic has `few` for 3–10.
    const t = '{n, plural, one {one} few {few} other {other}}';
    expect(text(format(t, { n: 0 }, 'fr'))).toBe('one');
    expect(text(format(t, { n: 0 }, 'en'))).toBe('other');
    expect(text(format(t, { n: 1 }, 'ja'))).toBe('other');
    expect(text(format(t, { n: 3 }, 'ar'))).toBe('few');
  });

  it('writes # in the locale’s digits grouping and keeps other placeholders inside a branch', () => {
    const t = 'Showing {shown} of {total, plural, one {# member} other {# members in {org}}}';
    expect(text(format(t, { shown: 1, total: 1200, org: 'Acme' }, 'de'))).toBe('Showing 1 of 1.200 members in Acme');
  });

  it('selects by value, falling back to other', () => {
    const t = '{role, select, admin {An admin} other {A member}} left';
    expect(text(format(t, { role: 'admin' }))).toBe('An admin left');
    expect(text(format(t, { role: 'constructor' }))).toBe('A member left');
  });

  it('leaves a missing value or a malformed argument as written, and # outside plural as text', () => {
    expect(text(format('{n, plural, one {a} other {b}} #1', {}))).toBe('{n, plural, one {a} other {b}} #1');
    expect(text(format('{n, plural, one {a}}', { n: 2 }))).toBe('{n, plural, one {a}}'); // no case, no `other`
    expect(text(format('{n, plural, one {a} other {b}', { n: 1 }))).toBe('{n, plural, one {a} other {b}');
    expect(text(format('{ not an argument }', {}))).toBe('{ not an argument }');
  });

  it('keeps hostile values as text, inside branches too', () => {
    const host = document.createElement('p');
    const evil = '<img src=x onerror=alert(1)>';
    render(html`${format('{n, plural, one {# by {who}} other {# by {who}}}', { n: 2, who: evil })}`, host);
    expect(host.textContent).toBe(`2 by ${evil}`);
    expect(host.querySelector('img')).toBeNull();
  });

  it('keeps a template value as its own markup', () => {
    const host = document.createElement('p');
    render(html`${format('{n, plural, other {# sent to {email}}}', { n: 3, email: html`<b>ada</b>` })}`, host);
    expect(host.querySelector('b')?.textContent).toBe('ada');
    expect(host.textContent).toBe('3 sent to ada');
  });
});
