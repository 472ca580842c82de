import { describe, expect, it } from 'vitest';
import { memoryPlatform } from './platform/memory.js';
import { createPkceStore, pkceChallenge } from './pkce.js';

describe('pkce', () => {
  it('computes the S256 challenge of the protocol test vector', async () => {
    const platform = memoryPlatform();
    await expect(pkceChallenge('0'.repeat(32), platform.sha256)).resolves.toBe(
      'hODA6vqpWjTCk_J4rFLkXOU3urXnUqAOaVmhOuEDtlo',
    );
  });

  it('creates a 256-bit hex verifier, stores it, and reuses it until cleared', async () => {
    const platform = memoryPlatform();
    const pkce = createPkceStore(platform, 'public-token-test-1');
    const pair = await pkce.getOrCreate('magic_links');
    expect(pair.code_verifier).toMatch(/^[0-9a-f]{64}$/);
    expect(pair.code_challenge).toBe(await pkceChallenge(pair.code_verifier, platform.sha256));
    expect(
      JSON.parse(platform.storageMap.get('stytch_sdk_state_public-token-test-1::PKCE_VERIFIER:magic_links')!),
    ).toEqual(pair);
    await expect(pkce.getOrCreate('magic_links')).resolves.toEqual(pair);
    expect(pkce.get('oauth')).toBeNull();
    pkce.clear('magic_links');
    expect(pkce.get('magic_links')).toBeNull();
    expect((await pkce.getOrCreate('magic_links')).code_verifier).not.toBe(pair.code_verifier);
  });

  it('ignores a corrupted stored pair', () => {
    const platform = memoryPlatform();
    platform.storageMap.set('stytch_sdk_state_pk::PKCE_VERIFIER:sso', '{not json');
    expect(createPkceStore(platform, 'pk').get('sso')).toBeNull();
  });
});
