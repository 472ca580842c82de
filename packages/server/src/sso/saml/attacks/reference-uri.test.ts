/**
 * docs/security.md §2 S22 (Reference URI tricks) and S13 (a second ds:Reference): each document is signed
 * by the IdP's own key after the trick, so the cryptography verifies (harness checks prove it with
 * xml-crypto alone) and only the rule "exactly one Reference, dereferencing by ID to the signature's
 * parent" can refuse it.
 */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { SignedXml } from 'xml-crypto';
import { TEST_IDP_CERT } from '../testing/saml-fixtures.js';
import { createSamlHarness, type SamlHarness } from './acs-harness.js';
import {
  referenceToMissingId,
  referenceToWholeDocument,
  resignAssertionSignedInfo,
  secondReference,
} from './reference-tricks.js';
import { NS, parts, parseXml } from './xml-dom.js';

let h: SamlHarness;
beforeEach(async () => {
  h = await createSamlHarness();
});
afterEach(async () => {
  await h.close();
});

/** The Assertion signature's References, and whether xml-crypto alone (no SAML rules) verifies it. */
function inspect(xml: string): { uris: (string | null)[]; cryptoValid: boolean } {
  const sigEl = parts(parseXml(xml)).assertionSig as Element;
  const uris = Array.from(sigEl.getElementsByTagNameNS(NS.ds, 'Reference')).map((r) => r.getAttribute('URI'));
  const sig = new SignedXml({ publicCert: TEST_IDP_CERT });
  sig.loadSignature(sigEl as never);
  let cryptoValid: boolean;
  try {
    cryptoValid = sig.checkSignature(xml);
  } catch {
    cryptoValid = false;
  }
  return { uris, cryptoValid };
}

test('positive control: SignedInfo re-signed unchanged by the test IdP key → accepted', async () => {
  const pending = await h.start();
  const xml = resignAssertionSignedInfo(h.signed(pending), () => undefined);
  expect(inspect(xml).cryptoValid).toBe(true);
  await h.expectAccepted(xml, pending.relayState);
});

describe('S22: the Reference must dereference uniquely to the signed parent', () => {
  test('URI="#missing" (an ID no element carries), IdP-signed → refused', async () => {
    const pending = await h.start();
    const xml = referenceToMissingId(h.signed(pending));
    expect(inspect(xml).uris).toEqual(['#missing']);
    await h.expectRefused(xml, pending.relayState);
  });

  test('URI="" (the whole document) on the Assertion signature, correct digest, IdP-signed → refused', async () => {
    const pending = await h.start();
    const xml = referenceToWholeDocument(h.signed(pending));
    expect(inspect(xml)).toEqual({ uris: [''], cryptoValid: true });
    await h.expectRefused(xml, pending.relayState);
  });
});

describe('S13: exactly one Reference in SignedInfo', () => {
  test('second Reference to the Response (other content, correct digest), IdP-signed → refused', async () => {
    const pending = await h.start();
    const golden = h.signed(pending);
    const xml = secondReference(golden, 'response');
    const { uris, cryptoValid } = inspect(xml);
    expect(uris).toEqual([expect.stringMatching(/^#_/), `#${parseXml(golden).documentElement?.getAttribute('ID')}`]);
    expect(cryptoValid).toBe(true);
    await h.expectRefused(xml, pending.relayState);
  });

  test('second Reference to attacker content (a Response extension, no Transforms), IdP-signed → refused', async () => {
    const pending = await h.start();
    const xml = secondReference(h.signed(pending), 'attacker');
    const { uris, cryptoValid } = inspect(xml);
    expect(uris).toEqual([expect.stringMatching(/^#_/), '#_evil']);
    expect(parseXml(xml).getElementsByTagNameNS(NS.ds, 'Transform')).toHaveLength(2);
    expect(cryptoValid).toBe(true);
    await h.expectRefused(xml, pending.relayState);
  });
});
