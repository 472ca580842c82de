import type { LitElement } from 'lit';

// Story `play` helpers for the members and settings panels: they act as a person does (click,
// type, submit) through the open shadow root, and wait for what the scripted network makes appear.

/** The element with `tag` rendered into a story's canvas. */
export function panelIn<T extends LitElement>(canvas: ParentNode, tag: string): T {
  const el = canvas.querySelector<T>(tag);
  if (!el) throw new Error(`The story rendered no <${tag}>.`);
  return el;
}

/** Resolves with the first match of `selector` inside `el` once it appears, with words in it when `withWords` (polling briefly). */
export async function untilShown(
  el: LitElement,
  selector: string,
  withWords = false,
  timeoutMs = 3000,
): Promise<Element> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await el.updateComplete;
    const found = el.shadowRoot?.querySelector(selector);
    if (found && (!withWords || found.textContent?.trim())) return found;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${selector} in <${el.localName}>.`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Clicks the element matching `selector` once it appears. */
export async function clickOn(el: LitElement, selector: string): Promise<void> {
  ((await untilShown(el, selector)) as HTMLElement).click();
}

/** Types `value` into the field matching `selector` as a person does (value, then `input`). */
export async function typeInto(el: LitElement, selector: string, value: string): Promise<void> {
  const input = (await untilShown(el, selector)) as HTMLInputElement;
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}
