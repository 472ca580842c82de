import type { OrgAuthOrganizationSwitcher } from '@orgauth/elements/account';

// Story `play` helpers for <orgauth-organization-switcher>: find it in a canvas and wait for what it
// shows, through its open shadow root (replies are promises, so these poll briefly).

/** The `<orgauth-organization-switcher>` rendered into a story's canvas. */
export function switcherIn(canvas: ParentNode): OrgAuthOrganizationSwitcher {
  const el = canvas.querySelector('orgauth-organization-switcher');
  if (!el) throw new Error('The story rendered no <orgauth-organization-switcher>.');
  return el;
}

/** Resolves once `selector` matches inside the element (replies are promises; this polls briefly). */
export async function untilShown(
  el: OrgAuthOrganizationSwitcher,
  selector: string,
  timeoutMs = 3000,
): Promise<Element> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await el.updateComplete;
    const found = el.shadowRoot?.querySelector(selector);
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${selector}.`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
