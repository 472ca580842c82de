import { describe, expect, it, vi } from 'vitest';
import { memoryPlatform } from './memory.js';

describe('memoryPlatform', () => {
  it('keeps cookies with their attributes and drops expired ones', () => {
    const platform = memoryPlatform({ now: 1_000 });
    platform.cookies.set('a', '1', { expires: new Date(2_000), sameSite: 'lax' });
    expect(platform.cookieJar.get('a')).toEqual({
      value: '1',
      attributes: { expires: new Date(2_000), sameSite: 'lax' },
    });
    expect(platform.cookies.get('a')).toBe('1');
    platform.advance(1_000);
    expect(platform.cookies.get('a')).toBeUndefined();
  });

  it('runs timers in due order as the virtual clock advances', () => {
    const platform = memoryPlatform({ now: 0 });
    const order: string[] = [];
    platform.setTimer(() => order.push('b'), 200);
    platform.setTimer(() => order.push('a'), 100);
    const cancel = platform.setTimer(() => order.push('never'), 150);
    cancel();
    platform.advance(150);
    expect(order).toEqual(['a']);
    expect(platform.now()).toBe(150);
    platform.advance(100);
    expect(order).toEqual(['a', 'b']);
    expect(platform.pendingTimers()).toBe(0);
  });

  it('runs a timer scheduled by a timer when it falls inside the same advance', () => {
    const platform = memoryPlatform({ now: 0 });
    const seen: number[] = [];
    platform.setTimer(() => {
      seen.push(platform.now());
      platform.setTimer(() => seen.push(platform.now()), 10);
    }, 10);
    platform.advance(25);
    expect(seen).toEqual([10, 20]);
  });

  it('replaces and assigns URLs', () => {
    const platform = memoryPlatform({ href: 'https://app.test/a?token=t' });
    platform.location.replace('/a');
    expect(platform.location.href()).toBe('https://app.test/a');
    platform.location.assign('https://idp.test/start');
    expect(platform.navigations).toEqual(['https://idp.test/start']);
  });

  it('shares cookies and storage with other tabs and sends them storage events', async () => {
    const first = memoryPlatform();
    const second = first.openTab();
    const inFirst = vi.fn();
    const inSecond = vi.fn();
    first.onStorage('k', inFirst);
    second.onStorage('k', inSecond);
    first.storage.set('k', 'v');
    first.cookies.set('c', 'x', {});
    await Promise.resolve();
    expect(inSecond).toHaveBeenCalledWith('v');
    expect(inFirst).not.toHaveBeenCalled();
    expect(second.storage.get('k')).toBe('v');
    expect(second.cookies.get('c')).toBe('x');
  });

  it('refuses to reach the network unless given a fetch', async () => {
    await expect(memoryPlatform().fetch('https://x.test/')).rejects.toThrow(/no fetch/);
  });
});
