import type { LoginStep } from '@orgauth/core';
import type { OrgAuthLogin } from '@orgauth/elements';

// Story `play` helpers. They drive <orgauth-login> the way a person does (type, submit, click) so
// each story reaches its step through the real controller and the scripted network, never by
// setting internal state. Queries go through the open shadow root.

/** The `<orgauth-login>` rendered into a story's canvas. */
export function loginIn(canvas: ParentNode): OrgAuthLogin {
  const el = canvas.querySelector('orgauth-login');
  if (!el) throw new Error('The story rendered no <orgauth-login>.');
  return el;
}

/** The element's shadow root (open, so tests and stories can look inside like a screen reader does). */
function root(el: OrgAuthLogin): ShadowRoot {
  if (!el.shadowRoot) throw new Error('<orgauth-login> has no shadow root yet.');
  return el.shadowRoot;
}

/** The step the element currently shows (`data-step` on its card). */
export const currentStep = (el: OrgAuthLogin): string | undefined =>
  el.shadowRoot?.querySelector<HTMLElement>('[part~="card"]')?.dataset.step;

/** The visible heading of the current screen. */
export const headingText = (el: OrgAuthLogin): string =>
  el.shadowRoot?.querySelector('[part~="heading"]')?.textContent?.trim() ?? '';

/**
 * Resolves once `check` holds after a render. Replies are promises and the element renders in
 * microtasks, so this polls briefly instead of guessing a delay.
 */
export async function until(el: OrgAuthLogin, check: () => boolean, what: string, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await el.updateComplete;
    if (check()) return;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what} (step: ${currentStep(el) ?? 'none'}).`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Waits until the element shows `step`. */
export const untilStep = (el: OrgAuthLogin, step: LoginStep) =>
  until(el, () => currentStep(el) === step, `step "${step}"`);

/** Types into the field named `name` and fires `input`, as typing does. */
export function fill(el: OrgAuthLogin, name: string, value: string): void {
  const input = root(el).querySelector<HTMLInputElement>(`input[name="${name}"]`);
  if (!input) throw new Error(`No input named "${name}" on step "${currentStep(el) ?? 'none'}".`);
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

/** Submits the current screen's form, as pressing Enter does. */
export function submit(el: OrgAuthLogin): void {
  const form = root(el).querySelector('form');
  if (!form) throw new Error(`No form on step "${currentStep(el) ?? 'none'}".`);
  form.requestSubmit();
}

/** Clicks the button whose text contains `label`. */
export function click(el: OrgAuthLogin, label: string): void {
  const button = [...root(el).querySelectorAll('button')].find((b) => b.textContent?.includes(label));
  if (!button) throw new Error(`No button "${label}" on step "${currentStep(el) ?? 'none'}".`);
  button.click();
}
