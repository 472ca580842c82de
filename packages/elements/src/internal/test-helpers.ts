/**
 * Helpers for this package's tests (not exported from the package): mount an element, look inside
 * its shadow root, and wait for the scripted transport's promises and the re-render they cause.
 */
import type { LitElement } from 'lit';
import { vi } from 'vitest';

/** Appends `el` to the document and waits for its first render. */
export async function mount<T extends LitElement>(el: T, parent: ParentNode = document.body): Promise<T> {
  parent.append(el);
  await el.updateComplete;
  return el;
}

/** The first match inside the element's shadow root; throws when missing, so tests read linearly. */
export function find<E extends Element = HTMLElement>(el: LitElement, selector: string): E {
  const found = el.shadowRoot?.querySelector<E>(selector);
  if (!found) throw new Error(`no ${selector} in <${el.localName}>: ${el.shadowRoot?.innerHTML ?? '(no shadow root)'}`);
  return found;
}

/** All matches inside the element's shadow root. */
export function findAll<E extends Element = HTMLElement>(el: LitElement, selector: string): E[] {
  return [...(el.shadowRoot?.querySelectorAll<E>(selector) ?? [])];
}

/** The rendered text, whitespace collapsed. */
export function textOf(node: Node | null | undefined): string {
  return (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** The button whose text contains `label`. */
export function button(el: LitElement, label: string): HTMLButtonElement {
  const match = findAll<HTMLButtonElement>(el, 'button').find((b) => textOf(b).includes(label));
  if (!match)
    throw new Error(
      `no button "${label}" in: ${findAll(el, 'button')
        .map((b) => textOf(b))
        .join(' | ')}`,
    );
  return match;
}

/** Waits until the element shows `step` (its card's `data-step`) and has rendered it. */
export async function untilStep(el: LitElement, step: string): Promise<void> {
  await vi.waitFor(() => {
    const current = el.shadowRoot?.querySelector('[part~="card"]')?.getAttribute('data-step');
    if (current !== step) throw new Error(`step is ${current}, waiting for ${step}`);
  });
  await el.updateComplete;
}

/** Lets pending promises (scripted replies) settle and the element re-render. */
export async function settle(el: LitElement): Promise<void> {
  for (let i = 0; i < 3; i++) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    await el.updateComplete;
  }
}

/** Types into an input the way a person does: sets the value and fires `input`. */
export function type(input: HTMLInputElement, value: string): void {
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

/** Records every event of the given types dispatched through `target`. */
export function recordEvents(target: EventTarget, types: string[]): Event[] {
  const events: Event[] = [];
  for (const t of types) target.addEventListener(t, (e) => events.push(e));
  return events;
}
