/**
 * Saves `text` as a file named `fileName` through a Blob and an object URL on a detached `<a download>`:
 * no `data:` navigation, no HTML sink, so it works under a strict CSP with Trusted Types
 * (`require-trusted-types-for 'script'`), where only Lit's policy exists. The URL is revoked once the
 * click has handed the Blob to the browser's download.
 */
export function saveText(fileName: string, text: string, doc: Document = document): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
  const link = doc.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/**
 * Copies `text` to the clipboard; false when the browser refuses (no permission, not a secure
 * context), so the screen can say how to copy by hand.
 */
export async function copyText(text: string, nav: Navigator = navigator): Promise<boolean> {
  try {
    await nav.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}
