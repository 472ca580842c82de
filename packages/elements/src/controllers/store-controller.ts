import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Anything with zustand's store shape: the auth store, or a `LoginController`. */
export interface Subscribable<S> {
  getState(): S;
  subscribe(listener: (state: S, previous: S) => void): () => void;
}

/**
 * Lit's one subscription primitive (docs/architecture.md P5): keeps `value = select(source.getState())` current and
 * re-renders the host when it changes (`Object.is`). The source can be swapped at any time, because an
 * element may learn its client late (from a context provider or a property set after connection).
 * `onChange(next, previous)` lets the host translate transitions into DOM events.
 */
export class StoreController<S, T = S> implements ReactiveController {
  /** The selected slice; `undefined` while there is no source. */
  value: T | undefined;
  readonly #host: ReactiveControllerHost;
  readonly #select: (state: S) => T;
  readonly #onChange: ((next: T, previous: T | undefined) => void) | undefined;
  #source: Subscribable<S> | undefined;
  #unsubscribe: (() => void) | undefined;
  #connected = false;

  constructor(
    host: ReactiveControllerHost,
    select: (state: S) => T,
    onChange?: (next: T, previous: T | undefined) => void,
  ) {
    this.#host = host;
    this.#select = select;
    this.#onChange = onChange;
    host.addController(this);
  }

  /** The current source, if any. */
  get source(): Subscribable<S> | undefined {
    return this.#source;
  }

  /** Switches to another source (or none) and reads its current state without notifying. */
  setSource(source: Subscribable<S> | undefined): void {
    if (source === this.#source) return;
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    this.#source = source;
    this.value = source ? this.#select(source.getState()) : undefined;
    if (this.#connected) this.#subscribe();
  }

  hostConnected(): void {
    this.#connected = true;
    if (!this.#source) return;
    // The source may have moved on while the host was detached: catch up before listening.
    this.#update(this.#source.getState());
    this.#subscribe();
  }

  hostDisconnected(): void {
    this.#connected = false;
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
  }

  #subscribe(): void {
    const source = this.#source;
    if (!source || this.#unsubscribe) return;
    this.#unsubscribe = source.subscribe((state) => this.#update(state));
  }

  #update(state: S): void {
    const next = this.#select(state);
    if (Object.is(next, this.value)) return;
    const previous = this.value;
    this.value = next;
    this.#host.requestUpdate();
    this.#onChange?.(next, previous);
  }
}
