import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { OrgAuthEvent } from '../../events/orgauth-event.js';
import { buttonKey, menuKey, TYPEAHEAD_MS, typeahead } from './switcher-keys.js';
import { followButton } from './switcher-position.js';

/** What the menu reads from its element. */
export interface SwitcherMenuParts {
  /** Called each time the menu opens (the element reloads the organizations then). */
  opened(): void;
  button(): HTMLElement | null;
  panel(): HTMLElement | null;
}

/**
 * Open state, focus and keyboard of the switcher's menu button (WAI-ARIA menu-button pattern with
 * roving focus: every item has `tabindex="-1"` and focus moves by script). While open the panel
 * follows the button (`followButton`), and focus stays inside it: Tab and Escape close it, and so do a
 * pointer press or focus landing outside the element.
 */
export class SwitcherMenu implements ReactiveController {
  /** Whether the panel is shown. */
  isOpen = false;
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #parts: SwitcherMenuParts;
  /** Which item takes focus once the opened panel has rendered. */
  #focusOnOpen: 'first' | 'last' | null = null;
  #stopFollowing: (() => void) | undefined;
  #typed = '';
  #typedAt = 0;

  constructor(host: ReactiveControllerHost & HTMLElement, parts: SwitcherMenuParts) {
    this.#host = host;
    this.#parts = parts;
    host.addController(this);
  }

  hostDisconnected(): void {
    this.close(false);
  }

  /** Opens the panel with focus on its first or last item; open already, it moves focus there. */
  open(focus: 'first' | 'last'): void {
    this.#focusOnOpen = focus;
    if (!this.isOpen) {
      this.isOpen = true;
      document.addEventListener('pointerdown', this.#onOutsidePress, true);
      this.#host.dispatchEvent(new OrgAuthEvent({ type: 'switcher_opened', data: {} }));
      this.#parts.opened();
    }
    this.#host.requestUpdate();
  }

  /** Closes the panel; with `restoreFocus`, focus goes back to the button. */
  close(restoreFocus: boolean): void {
    if (restoreFocus) this.#parts.button()?.focus();
    if (!this.isOpen) return;
    this.isOpen = false;
    this.#focusOnOpen = null;
    this.#stopFollowing?.();
    this.#stopFollowing = undefined;
    document.removeEventListener('pointerdown', this.#onOutsidePress, true);
    this.#host.requestUpdate();
  }

  /** After each render of the element: start following the button, and give focus as asked. */
  rendered(): void {
    const button = this.#parts.button();
    const panel = this.#parts.panel();
    if (!this.isOpen || !button || !panel) return;
    this.#stopFollowing ??= followButton(button, panel);
    if (!this.#focusOnOpen) return;
    const items = this.#items();
    items[this.#focusOnOpen === 'first' ? 0 : items.length - 1]?.focus();
    this.#focusOnOpen = null;
  }

  readonly onButtonClick = (): void => {
    if (this.isOpen) this.close(true);
    else this.open('first');
  };

  readonly onButtonKeydown = (event: KeyboardEvent): void => {
    const where = buttonKey(event.key);
    if (!where) return;
    // Handled here, so the browser's own click for Enter and Space does not toggle it shut again.
    event.preventDefault();
    this.open(where);
  };

  /** Space clicks a button on key release; its press already opened the menu. */
  readonly onButtonKeyup = (event: KeyboardEvent): void => {
    if (event.key === ' ') event.preventDefault();
  };

  readonly onMenuKeydown = (event: KeyboardEvent): void => {
    const items = this.#items();
    const index = items.indexOf(this.#host.shadowRoot?.activeElement as HTMLElement);
    const action = menuKey(event, index, items.length);
    if (!action) return;
    if (action.kind === 'close') {
      if (action.preventDefault) event.preventDefault();
      this.close(action.restoreFocus);
      return;
    }
    event.preventDefault();
    if (action.kind === 'move') items[action.index]?.focus();
    else if (action.kind === 'activate') items[index]?.click();
    else this.#typeAhead(items, action.char, index);
  };

  /** Focus leaving for somewhere outside the element closes the menu (the button toggles it itself). */
  readonly onFocusOut = (event: FocusEvent): void => {
    const to = event.relatedTarget as Node | null;
    if (!this.isOpen || !to || to === this.#parts.button() || this.#parts.panel()?.contains(to)) return;
    this.close(false);
  };

  readonly #onOutsidePress = (event: Event): void => {
    if (!event.composedPath().includes(this.#host)) this.close(false);
  };

  #typeAhead(items: HTMLElement[], char: string, index: number): void {
    const now = Date.now();
    this.#typed = now - this.#typedAt < TYPEAHEAD_MS ? this.#typed + char : char;
    this.#typedAt = now;
    const labels = items.map((item) => item.querySelector('.name')?.textContent ?? '');
    const found = typeahead(labels, this.#typed, Math.max(index, 0));
    if (found >= 0) items[found]?.focus();
  }

  #items(): HTMLElement[] {
    return [...(this.#parts.panel()?.querySelectorAll<HTMLElement>('[role="menuitem"], [role="menuitemradio"]') ?? [])];
  }
}
