import type { HtmlEscapedString } from 'hono/utils/html';

/**
 * The text of markup built with hono/html's `html` tagged template, which escapes every interpolated
 * string for element content and quoted attributes (and leaves `html`-built parts and `raw()` as
 * they are). Our pages and mails interpolate only synchronous values; a promise here is a bug.
 */
export function htmlText(markup: HtmlEscapedString | Promise<HtmlEscapedString>): string {
  if (markup instanceof Promise) throw new TypeError('htmlText: the markup must not contain promises.');
  return markup.toString();
}
