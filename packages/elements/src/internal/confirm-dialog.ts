import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';

/** What a confirmation asks: its title, its explanation and the words of its two buttons. */
export interface ConfirmRequest {
  heading: unknown;
  body: unknown;
  confirm: string;
  cancel: string;
  /** True while the confirmed step runs: both buttons wait. */
  busy: boolean;
}
// While busy the buttons are aria-disabled rather than disabled: a disabled button drops the focus
// to the page behind the modal dialog, and a keyboard user would lose their place.

/** The focusable buttons of a dialog, in order. */
const buttonsOf = (dialog: HTMLDialogElement) =>
  [...dialog.querySelectorAll<HTMLButtonElement>('button')].filter((b) => !b.disabled);

/**
 * The accessible confirmation before a destructive step: a modal `<dialog>` (the rest of the page is
 * inert while it is open), labelled by its heading and described by its text. Focus starts on
 * Cancel, so a stray Enter never destroys anything; Tab and Shift+Tab wrap inside it (browsers let
 * Tab leave a modal dialog for their own toolbar); Escape cancels; closing returns focus to the
 * control that opened it, or to `fallback` when that control is gone.
 */
export class ConfirmDialog implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  #returnTo: HTMLElement | null = null;
  #open = false;

  constructor(host: ReactiveControllerHost & HTMLElement) {
    this.#host = host;
    host.addController(this);
  }

  /** The dialog, with `request`'s words while one is pending; always rendered, so it opens in place. */
  render(request: ConfirmRequest | null, onConfirm: () => void, onCancel: () => void): TemplateResult {
    const cancel = () => {
      if (!request?.busy) onCancel();
    };
    const keydown = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        event.preventDefault();
        cancel();
      } else if (event.key === 'Tab') this.#wrap(event);
    };
    return html`<dialog
      class="dialog"
      part="dialog"
      aria-labelledby="confirm-heading"
      aria-describedby="confirm-body"
      @keydown=${keydown}
      @cancel=${(event: Event) => {
        event.preventDefault();
        cancel();
      }}
    >
      ${
        request
          ? html`<h3 id="confirm-heading" class="dialog-heading" part="dialog-heading">${request.heading}</h3>
            <p id="confirm-body" part="dialog-body">${request.body}</p>
            <div class="dialog-actions" part="dialog-actions">
              <button type="button" class="secondary" part="secondary-button cancel-button" aria-disabled=${request.busy ? 'true' : nothing} @click=${cancel}>
                ${request.cancel}
              </button>
              <button type="button" class="danger" part="danger-button confirm-button" aria-disabled=${request.busy ? 'true' : nothing} aria-busy=${request.busy ? 'true' : nothing} @click=${() => !request.busy && onConfirm()}>
                ${request.confirm}
              </button>
            </div>`
          : nothing
      }
    </dialog>`;
  }

  /** Opens or closes the rendered dialog to match `open`; `fallback` takes focus when the opener is gone. */
  sync(open: boolean, fallback?: () => HTMLElement | null | undefined): void {
    const dialog = this.#host.shadowRoot?.querySelector<HTMLDialogElement>('dialog.dialog');
    if (!dialog || open === this.#open) return;
    this.#open = open;
    if (open) {
      const active = this.#host.shadowRoot?.activeElement;
      this.#returnTo = active instanceof HTMLElement ? active : null;
      if (!dialog.open) dialog.showModal();
      buttonsOf(dialog)[0]?.focus();
      return;
    }
    if (dialog.open) dialog.close();
    const back = this.#returnTo?.isConnected ? this.#returnTo : fallback?.();
    this.#returnTo = null;
    back?.focus();
  }

  hostConnected(): void {}

  /** Keeps Tab and Shift+Tab among the dialog's buttons. */
  #wrap(event: KeyboardEvent): void {
    const dialog = event.currentTarget as HTMLDialogElement;
    const buttons = buttonsOf(dialog);
    const first = buttons[0];
    const last = buttons.at(-1);
    if (!first || !last) {
      event.preventDefault();
      return;
    }
    const active = (dialog.getRootNode() as ShadowRoot).activeElement;
    if (event.shiftKey && (active === first || !dialog.contains(active))) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && (active === last || !dialog.contains(active))) {
      event.preventDefault();
      first.focus();
    }
  }
}
