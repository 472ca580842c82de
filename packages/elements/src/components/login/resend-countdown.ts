import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Seconds between sending a code and offering to send another. */
export const RESEND_DELAY_SECONDS = 30;

/**
 * The "Resend code" countdown: restarts whenever the send it counts from changes (a new address, a
 * new send), ticks the host once a second, and stops when it reaches zero or the host leaves the
 * page. It counts against the clock rather than ticks, so a throttled background tab is not slowed.
 */
export class ResendCountdown implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #seconds: number;
  #key: string | null = null;
  #until = 0;
  #timer: ReturnType<typeof setInterval> | undefined;

  constructor(host: ReactiveControllerHost, seconds = RESEND_DELAY_SECONDS) {
    this.#host = host;
    this.#seconds = seconds;
    host.addController(this);
  }

  /** Seconds until a resend is offered; 0 when it is. */
  get remaining(): number {
    return Math.max(0, Math.ceil((this.#until - Date.now()) / 1000));
  }

  /** Counts from the send `key` names (restarting when it changes); null stops counting. */
  sync(key: string | null): void {
    if (key === this.#key) return;
    this.#key = key;
    this.#stop();
    if (key === null) return;
    this.#until = Date.now() + this.#seconds * 1000;
    this.#timer = setInterval(() => {
      if (this.remaining === 0) this.#stop();
      this.#host.requestUpdate();
    }, 1000);
  }

  hostDisconnected(): void {
    // Counting resumes from scratch if the element comes back.
    this.#key = null;
    this.#until = 0;
    this.#stop();
  }

  #stop(): void {
    clearInterval(this.#timer);
    this.#timer = undefined;
  }
}
