import { isOrgAuthError, type B2BClient } from '@orgauth/core';
import { createTestClient } from '@orgauth/core/testing';
import { html, LitElement, type TemplateResult } from 'lit';
import { afterEach, describe, expect, it, vi } from 'vitest';
import '../define.js';
import type { OrgAuthErrorEvent } from '../events/error.js';
import { mount, recordEvents } from '../internal/test-helpers.js';
import { ClientController } from './client-controller.js';

/** A stand-in for the elements to come (organization switcher, admin): only a ClientController. */
class ClientHostElement extends LitElement {
  static override properties = {
    client: { attribute: false },
    publicToken: { attribute: 'public-token' },
    baseUrl: { attribute: 'base-url' },
    awaitingClient: { attribute: 'awaiting-client', type: Boolean },
  };
  declare client: B2BClient | undefined;
  declare publicToken: string | undefined;
  declare baseUrl: string | undefined;
  declare awaitingClient: boolean;
  readonly clients = new ClientController(this);

  constructor() {
    super();
    this.client = undefined;
    this.publicToken = undefined;
    this.baseUrl = undefined;
    this.awaitingClient = false;
  }

  protected override render(): TemplateResult {
    return html`${this.clients.client?.publicToken ?? this.clients.usageError?.message ?? 'waiting'}`;
  }
}
customElements.define('orgauth-test-client-host', ClientHostElement);

const host = (markup = '<orgauth-test-client-host></orgauth-test-client-host>', parent: Element = document.body) => {
  parent.innerHTML = markup;
  return parent.querySelector('orgauth-test-client-host') as ClientHostElement;
};

afterEach(() => {
  document.body.replaceChildren();
  vi.unstubAllGlobals();
});

describe('ClientController', () => {
  it('takes the client property over a provider’s client', async () => {
    const provided = createTestClient().client;
    const own = createTestClient().client;
    const provider = document.createElement('orgauth-provider');
    provider.client = provided;
    document.body.append(provider);
    const el = host(undefined, provider);
    await el.updateComplete;
    expect(el.clients.client).toBe(provided);
    el.client = own;
    await el.updateComplete;
    expect(el.clients.client).toBe(own);
  });

  it('follows the client of an ancestor <orgauth-provider>, also when it changes', async () => {
    const provider = document.createElement('orgauth-provider');
    document.body.append(provider);
    const el = host(undefined, provider);
    await el.updateComplete;
    expect(el.clients.client).toBeUndefined();
    expect(el.clients.usageError).toBeNull();
    const later = createTestClient().client;
    provider.client = later;
    await provider.updateComplete;
    await el.updateComplete;
    expect(el.clients.client).toBe(later);
  });

  it('builds its own client from public-token, and stops it when a client is given', async () => {
    const el = host(
      '<orgauth-test-client-host public-token="public-token-test-own" base-url="https://auth.example.test"></orgauth-test-client-host>',
    );
    await el.updateComplete;
    const own = el.clients.client!;
    expect(own.publicToken).toBe('public-token-test-own');
    expect(own.baseUrl).toBe('https://auth.example.test');
    const destroy = vi.spyOn(own, 'destroy');
    const given = createTestClient().client;
    el.client = given;
    await el.updateComplete;
    expect(el.clients.client).toBe(given);
    expect(destroy).toHaveBeenCalledTimes(1);
  });

  it('stops its own client when the element leaves the page, and builds a new one when it comes back', async () => {
    const el = host('<orgauth-test-client-host public-token="public-token-test-own"></orgauth-test-client-host>');
    await el.updateComplete;
    const first = el.clients.client!;
    const destroy = vi.spyOn(first, 'destroy');
    el.remove();
    expect(destroy).toHaveBeenCalledTimes(1);
    expect(el.clients.client).toBeUndefined();
    await mount(el);
    expect(el.clients.client?.publicToken).toBe('public-token-test-own');
    expect(el.clients.client).not.toBe(first);
  });

  it('without any client: a usage error naming the element, fired as orgauth-error and thrown once', async () => {
    const reportError = vi.fn();
    vi.stubGlobal('reportError', reportError);
    const events = recordEvents(document, ['orgauth-error']);
    const el = host();
    await el.updateComplete;
    const error = el.clients.usageError;
    expect(isOrgAuthError(error, 'invalid_usage')).toBe(true);
    expect(error?.message).toBe(
      '<orgauth-test-client-host> has no client: set its client property, its public-token attribute, or place it inside <orgauth-provider>.',
    );
    expect(el.shadowRoot?.textContent).toContain('has no client');
    expect((events[0] as OrgAuthErrorEvent).detail.error).toBe(error);
    el.requestUpdate();
    await el.updateComplete;
    expect(reportError).toHaveBeenCalledTimes(1);
    el.client = createTestClient().client;
    await el.updateComplete;
    expect(el.clients.usageError).toBeNull();
  });

  it('with awaiting-client: no error while the framework is still to set the client', async () => {
    const reportError = vi.fn();
    vi.stubGlobal('reportError', reportError);
    const events = recordEvents(document, ['orgauth-error']);
    const el = host('<orgauth-test-client-host awaiting-client></orgauth-test-client-host>');
    await el.updateComplete;
    expect(el.clients.usageError).toBeNull();
    expect(el.shadowRoot?.textContent).toBe('waiting');
    expect(events).toEqual([]);
    expect(reportError).not.toHaveBeenCalled();
  });
});
