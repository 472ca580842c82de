import { LitElement, html } from 'lit';
import { afterEach, describe, expect, it } from 'vitest';
import { StoreController, type Subscribable } from './store-controller.js';

/** A minimal external store with zustand's shape. */
function createSource<S>(initial: S): Subscribable<S> & { set(next: S): void; listeners(): number } {
  let state = initial;
  const listeners = new Set<(s: S, p: S) => void>();
  return {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    set(next) {
      const previous = state;
      state = next;
      for (const l of listeners) l(state, previous);
    },
    listeners: () => listeners.size,
  };
}

interface Counter {
  count: number;
  label: string;
}

class CounterHost extends LitElement {
  readonly changes: [number, number | undefined][] = [];
  readonly store = new StoreController<Counter, number>(
    this,
    (s) => s.count,
    (next, previous) => this.changes.push([next, previous]),
  );
  override render() {
    return html`<output>${this.store.value ?? 'none'}</output>`;
  }
}
customElements.define('test-counter-host', CounterHost);

afterEach(() => document.body.replaceChildren());

async function mount(): Promise<CounterHost> {
  const el = document.createElement('test-counter-host') as CounterHost;
  document.body.append(el);
  await el.updateComplete;
  return el;
}

const text = (el: CounterHost) => el.shadowRoot?.querySelector('output')?.textContent;

describe('StoreController', () => {
  it('renders nothing until it has a source, then the selected slice', async () => {
    const el = await mount();
    expect(text(el)).toBe('none');
    const source = createSource<Counter>({ count: 1, label: 'a' });
    el.store.setSource(source);
    el.requestUpdate();
    await el.updateComplete;
    expect(text(el)).toBe('1');
  });

  it('re-renders on changes of the selected slice only and reports transitions', async () => {
    const el = await mount();
    const source = createSource<Counter>({ count: 1, label: 'a' });
    el.store.setSource(source);
    source.set({ count: 1, label: 'b' });
    expect(el.isUpdatePending).toBe(false);
    source.set({ count: 2, label: 'b' });
    expect(el.isUpdatePending).toBe(true);
    await el.updateComplete;
    expect(text(el)).toBe('2');
    expect(el.changes).toEqual([[2, 1]]);
  });

  it('unsubscribes on disconnect and catches up on reconnect', async () => {
    const el = await mount();
    const source = createSource<Counter>({ count: 1, label: 'a' });
    el.store.setSource(source);
    expect(source.listeners()).toBe(1);
    el.remove();
    expect(source.listeners()).toBe(0);
    source.set({ count: 5, label: 'a' });
    document.body.append(el);
    await el.updateComplete;
    expect(source.listeners()).toBe(1);
    expect(text(el)).toBe('5');
    expect(el.changes).toEqual([[5, 1]]);
  });

  it('drops the old source when switching', async () => {
    const el = await mount();
    const first = createSource<Counter>({ count: 1, label: 'a' });
    const second = createSource<Counter>({ count: 10, label: 'a' });
    el.store.setSource(first);
    el.store.setSource(second);
    expect(first.listeners()).toBe(0);
    expect(el.store.value).toBe(10);
    first.set({ count: 3, label: 'a' });
    expect(el.store.value).toBe(10);
    second.set({ count: 11, label: 'a' });
    expect(el.store.value).toBe(11);
  });
});
