import { isOrgAuthError } from '@orgauth/core';
import { createTestClient } from '@orgauth/core/testing';
import { cleanup, render, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useMember } from './hooks.js';
import { OrgAuthProvider, useOptionalOrgAuth, useOrgAuth } from './provider.js';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('OrgAuthProvider', () => {
  it('hands its client to descendants', () => {
    const { client } = createTestClient();
    const { result } = renderHook(() => useOrgAuth(), {
      wrapper: ({ children }) => <OrgAuthProvider client={client}>{children}</OrgAuthProvider>,
    });
    expect(result.current).toBe(client);
  });

  it('the nearest provider wins', () => {
    const outer = createTestClient().client;
    const inner = createTestClient().client;
    const { result } = renderHook(() => useOrgAuth(), {
      wrapper: ({ children }) => (
        <OrgAuthProvider client={outer}>
          <OrgAuthProvider client={inner}>{children}</OrgAuthProvider>
        </OrgAuthProvider>
      ),
    });
    expect(result.current).toBe(inner);
  });

  it('renders its children', () => {
    const { client } = createTestClient();
    const { container } = render(
      <OrgAuthProvider client={client}>
        <span>inside</span>
      </OrgAuthProvider>,
    );
    expect(container.textContent).toBe('inside');
  });
});

describe('without a provider', () => {
  it('useOrgAuth throws invalid_usage naming the fix', () => {
    // React reports the render error on console.error before rethrowing; keep the output clean.
    vi.spyOn(console, 'error').mockImplementation(() => {});
    let thrown: unknown;
    try {
      renderHook(() => useOrgAuth());
    } catch (error) {
      thrown = error;
    }
    expect(isOrgAuthError(thrown, 'invalid_usage')).toBe(true);
    expect((thrown as Error).message).toContain('<OrgAuthProvider client={client}>');
  });

  it('every store hook throws the same error', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(() => renderHook(() => useMember())).toThrow(/OrgAuthProvider/);
  });

  it('useOptionalOrgAuth returns null', () => {
    const { result } = renderHook(() => useOptionalOrgAuth());
    expect(result.current).toBeNull();
  });
});
