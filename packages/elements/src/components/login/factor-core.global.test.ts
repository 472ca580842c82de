import {
  createFactorActions,
  createOtpsSmsFlow,
  createPasswordsFlow,
  createRecoveryCodesFlow,
  createTotpFlow,
} from '@orgauth/core/factors';
import { afterEach, describe, expect, it, vi } from 'vitest';
import clientSource from '../../../../core/src/client.ts?raw';
import controllerSource from '../../../../core/src/machines/login-controller.ts?raw';

// The script-tag build resolves the core's lazily imported flows and factor actions to
// factor-core.global.ts (vite.config.ts); these checks keep the stand-in and the core in step.

const chunk = vi.hoisted(() => ({ core: undefined as unknown, loads: 0 }));
vi.mock('./factor-screens-loader.global.js', () => ({
  loadFactorsChunk: async () => {
    chunk.loads++;
    return { core: chunk.core };
  },
}));

const standIn = await import('./factor-core.global.js');
/** The real factories, which the factors chunk carries (src/factors-global.ts). */
const realCore: Record<string, unknown> = {
  createFactorActions,
  createOtpsSmsFlow,
  createPasswordsFlow,
  createRecoveryCodesFlow,
  createTotpFlow,
};

afterEach(() => {
  chunk.core = undefined;
  chunk.loads = 0;
});

/** Every factory the core calls on a lazily imported module: `import('…').then((m) => m.createX(…))`. */
const lazyFactories = [clientSource, controllerSource].flatMap((source) =>
  [...source.matchAll(/import\('[^']+'\)\.then\(\(m\) =>\s*m\.(create\w+)\(/g)].map(([, name]) => name ?? ''),
);

describe('the script-tag stand-in for the core factor modules', () => {
  it('offers every factory the core loads lazily, each a real one in @orgauth/core/factors', () => {
    expect(lazyFactories.sort()).toEqual(
      [
        'createFactorActions',
        'createOtpsSmsFlow',
        'createPasswordsFlow',
        'createRecoveryCodesFlow',
        'createTotpFlow',
      ].sort(),
    );
    for (const name of lazyFactories) {
      expect(standIn[name as keyof typeof standIn], name).toBeTypeOf('function');
      expect(realCore[name], name).toBeTypeOf('function');
    }
  });

  it('answers, through the core’s import().then chain, what the chunk’s factory builds', async () => {
    const flow = { authenticate: () => 'real' };
    const createTotpFlow = vi.fn(() => flow);
    chunk.core = { createTotpFlow };
    const deps = { marker: 'deps' };
    // How packages/core/src/client.ts calls it: the promise the stand-in returns is flattened.
    const built = await import('./factor-core.global.js').then((m) => m.createTotpFlow(deps as never));
    expect(built).toBe(flow);
    expect(createTotpFlow).toHaveBeenCalledWith(deps);
    expect(chunk.loads).toBe(1);
  });

  it('asks the loader on every call and rejects with the factory’s failure, for lazyFlow to try again (packages/core/src/flows/lazy.ts)', async () => {
    chunk.core = {
      createPasswordsFlow: () => {
        throw new Error('boom');
      },
    };
    await expect(standIn.createPasswordsFlow({} as never)).rejects.toThrow('boom');
    await expect(standIn.createPasswordsFlow({} as never)).rejects.toThrow('boom');
    expect(chunk.loads).toBe(2);
  });
});
