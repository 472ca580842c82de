/**
 * docs/security.md §2 S23 beyond a plain wrong Audience (conditions.test.ts): an assertion with no
 * AudienceRestriction (or no Conditions at all), and several AudienceRestriction elements of which
 * one does not name us. SAML core 2.5.1.4: each AudienceRestriction must be satisfied (AND), while the
 * Audiences inside one are alternatives (OR) — the controls pin the OR side so the refusals are about
 * the rule, not about any second Audience. The IdP key signs every document.
 */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { buildResponseXml, signElement } from '../testing/saml-fixtures.js';
import { createSamlHarness, type PendingLogin, type SamlHarness } from './acs-harness.js';

const OTHER_SP = 'https://other-sp.test/metadata';
let h: SamlHarness;
beforeEach(async () => {
  h = await createSamlHarness();
});
afterEach(async () => {
  await h.close();
});

const restriction = (...audiences: string[]) =>
  `<saml:AudienceRestriction>${audiences.map((a) => `<saml:Audience>${a}</saml:Audience>`).join('')}</saml:AudienceRestriction>`;

/**
 * A golden response for `pending` whose single AudienceRestriction is replaced by `restrictions`
 * (`null` drops the whole Conditions element), signed on the Assertion by the IdP key.
 */
function withAudience(pending: PendingLogin, restrictions: string | null): string {
  const { xml } = buildResponseXml(h.golden(pending));
  const conditions =
    /<saml:Conditions [^>]*>(<saml:AudienceRestriction>.*?<\/saml:AudienceRestriction>)<\/saml:Conditions>/.exec(xml);
  if (conditions === null) throw new Error('The golden response has no Conditions with one AudienceRestriction.');
  const edited =
    restrictions === null ? xml.replace(conditions[0], '') : xml.replace(conditions[1] as string, restrictions);
  expect(edited).not.toBe(xml);
  return signElement(edited, 'Assertion');
}

describe('controls (accepted)', () => {
  test('one AudienceRestriction listing another SP and us (Audiences inside one restriction are alternatives)', async () => {
    const pending = await h.start();
    await h.expectAccepted(withAudience(pending, restriction(OTHER_SP, pending.spEntityId)), pending.relayState);
  });

  test('two AudienceRestrictions that both name us', async () => {
    const pending = await h.start();
    await h.expectAccepted(
      withAudience(pending, restriction(pending.spEntityId) + restriction(OTHER_SP, pending.spEntityId)),
      pending.relayState,
    );
  });
});

describe('refused', () => {
  test('Conditions without any AudienceRestriction', async () => {
    const pending = await h.start();
    const xml = withAudience(pending, '');
    expect(xml).toContain('<saml:Conditions ');
    expect(xml).not.toContain('AudienceRestriction');
    expect((await h.expectRefused(xml, pending.relayState)).body).toContain('no audience restriction');
  });

  test('no Conditions element at all (so no AudienceRestriction)', async () => {
    const pending = await h.start();
    const xml = withAudience(pending, null);
    expect(xml).not.toContain('Conditions');
    const res = await h.expectRefused(xml, pending.relayState);
    // Refused by our own rule, not by a crash inside the SAML library.
    expect(res.body).toContain('no audience restriction');
  });

  for (const order of ['ours first', 'ours last'] as const) {
    test(`two AudienceRestrictions, one naming us and one naming only another SP (${order})`, async () => {
      const pending = await h.start();
      const pair = [restriction(pending.spEntityId), restriction(OTHER_SP)];
      await h.expectRefused(
        withAudience(pending, (order === 'ours first' ? pair : pair.reverse()).join('')),
        pending.relayState,
      );
    });
  }
});
