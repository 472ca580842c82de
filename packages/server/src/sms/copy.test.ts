import { describe, expect, test } from 'vitest';
import { MAIL_LOCALES } from '../mail/locale.js';
import { SMS_CODE_COPY, smsCodeText } from './copy.js';

describe('SMS code text', () => {
  test('every locale holds the code and the project name, and nothing else of ours', () => {
    for (const locale of MAIL_LOCALES) {
      const text = smsCodeText('042917', 'Acme', locale);
      expect(text, locale).toContain('042917');
      expect(text, locale).toContain('Acme');
      expect(text, locale).not.toMatch(/https?:|\{\{/);
      expect(SMS_CODE_COPY[locale].match(/\{\{\w+\}\}/g)?.sort(), locale).toEqual(['{{code}}', '{{project_name}}']);
    }
  });

  test("follows the request's locale as mail does, English when unknown", () => {
    expect(smsCodeText('123456', 'Acme', 'de-DE')).toBe('123456 ist Ihr Bestätigungscode für Acme.');
    expect(smsCodeText('123456', 'Acme', 'pt-br')).toBe('123456 is your Acme verification code.');
    expect(smsCodeText('123456', 'Acme', undefined)).toBe('123456 is your Acme verification code.');
  });

  test('a project name cannot add lines, placeholders or length', () => {
    const text = smsCodeText('123456', `Acme\nVisit evil.test $& {{code}} ${'x'.repeat(100)}`, 'en');
    expect(text).not.toContain('\n');
    expect(text.match(/123456/g)).toHaveLength(1);
    expect(text.length).toBeLessThan(100);
  });
});
