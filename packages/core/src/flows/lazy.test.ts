import { describe, expect, it, vi } from 'vitest';
import { createTestClient } from '../testing/test-client.js';
import { lazyFlow } from './lazy.js';
import { createOtpsSmsFlow } from './otps-sms.js';
import { createPasswordsFlow } from './passwords.js';
import { createRecoveryCodesFlow } from './recovery-codes.js';
import { createTotpFlow } from './totp.js';
import type { FlowDeps } from './deps.js';

/** Every method path of a flow object (`discovery.authenticate`), sorted. */
const paths = (flow: object, prefix = ''): string[] =>
  Object.entries(flow)
    .flatMap(([key, value]) =>
      typeof value === 'function' ? [prefix + key] : paths(value as object, `${prefix}${key}.`),
    )
    .sort();

describe('lazily loaded flows', () => {
  it('createB2BClient offers every method of each lazy flow (the stand-in lists match the flows)', () => {
    const { client } = createTestClient();
    const deps = {} as FlowDeps;
    expect(paths(client.passwords)).toEqual(paths(createPasswordsFlow({ ...deps, platform: {} } as FlowDeps)));
    expect(paths(client.totp)).toEqual(paths(createTotpFlow(deps)));
    expect(paths(client.recoveryCodes)).toEqual(paths(createRecoveryCodesFlow(deps)));
    expect(paths(client.otps.sms)).toEqual(paths(createOtpsSmsFlow(deps)));
  });

  it('loads once, on the first call, and tries again after a failed load', async () => {
    const real = { a: vi.fn(async (x: number) => x + 1), n: { b: vi.fn(async () => 'b') } };
    const load = vi.fn().mockRejectedValueOnce(new Error('chunk')).mockResolvedValue(real);
    const flow = lazyFlow<typeof real>(load, 'a n.b');
    expect(load).not.toHaveBeenCalled();
    await expect(flow.a(1)).rejects.toThrow('chunk');
    expect(await flow.a(1)).toBe(2);
    expect(await flow.n.b()).toBe('b');
    expect(load).toHaveBeenCalledTimes(2);
    expect('then' in flow).toBe(false);
  });
});
