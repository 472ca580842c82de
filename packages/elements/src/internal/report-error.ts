/**
 * Throws `error` as an uncaught exception without unwinding the caller: the developer sees it in the
 * console and in `window.onerror`, while the element carries on rendering its error state.
 * `reportError` is exactly that primitive; older engines get a throw from a fresh task instead.
 */
export function reportUncaught(error: unknown): void {
  if (typeof globalThis.reportError === 'function') {
    globalThis.reportError(error);
    return;
  }
  setTimeout(() => {
    throw error;
  });
}
