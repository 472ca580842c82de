import { PLACEHOLDERS, REQUIRED_PLACEHOLDER, placeholdersIn, type MailTemplate } from './placeholders.js';

/** The three parts of an operator's template, as the CLI read them. */
export interface TemplateParts {
  subject: string;
  html: string;
  text: string;
}

/** Size limits of a template's parts, in characters (a mail client clips long HTML anyway). */
export const TEMPLATE_LIMITS = { subject: 200, html: 100_000, text: 20_000 } as const;

/** Placeholders per part: far more than a mail needs. */
const MAX_PLACEHOLDERS = 200;

const COLORS = new Set(['color_primary', 'color_background', 'color_text']);
const URLS = new Set(['link', 'logo_url']);
const URL_ATTRIBUTES = new Set(['href', 'src', 'srcset', 'action', 'formaction', 'background', 'poster', 'cite']);
const QUOTED_ATTRIBUTE = /([^\s"'=<>/]+)\s*=\s*(["'])([^"']*)$/;

/**
 * Why a placeholder at `index` of an HTML template would not be safe there, or undefined. Escaping
 * keeps a value from becoming markup, but not from meaning something in CSS, a URL or an unquoted
 * attribute; so placeholders are allowed in text, in quoted attribute values, colours alone in CSS,
 * and only the server's own URLs at the start of a URL attribute. A small scan of the text before the
 * placeholder suffices because it only ever refuses: anything it cannot place is refused.
 */
function contextProblem(template: string, index: number, name: string): string | undefined {
  const before = template.slice(0, index).toLowerCase();
  if (before.lastIndexOf('<style') > before.lastIndexOf('</style'))
    return COLORS.has(name) ? undefined : 'only colour placeholders may appear inside <style>';
  const lt = before.lastIndexOf('<');
  if (lt <= before.lastIndexOf('>')) return undefined;
  const attribute = QUOTED_ATTRIBUTE.exec(template.slice(lt, index));
  if (attribute === null) return 'inside a tag, a placeholder must be in a quoted attribute value';
  const attr = (attribute[1] ?? '').toLowerCase();
  if (attr.startsWith('on')) return `no placeholder may appear in the event handler ${attr}`;
  if (attr === 'style') return COLORS.has(name) ? undefined : 'only colour placeholders may appear in style';
  if (URL_ATTRIBUTES.has(attr) && (!URLS.has(name) || (attribute[3] ?? '') !== ''))
    return `${attr} may hold only {{link}} or {{logo_url}}, as its whole value`;
  return undefined;
}

/**
 * Every reason `parts` cannot be the `template` mail, empty when it can: sizes, control characters
 * in the subject, unknown placeholders (with the known ones), the link or code missing, a
 * `<script>`, and placeholders where escaping would not keep them inert (see contextProblem).
 */
export function templateProblems(template: MailTemplate, parts: TemplateParts): string[] {
  const problems: string[] = [];
  for (const part of ['subject', 'html', 'text'] as const) {
    const value = parts[part];
    if (value.trim() === '') problems.push(`The ${part} is empty.`);
    if (value.length > TEMPLATE_LIMITS[part])
      problems.push(`The ${part} is ${value.length} characters; at most ${TEMPLATE_LIMITS[part]}.`);
    const used = placeholdersIn(value);
    // Bounds the context scan below, which reads the text before each placeholder.
    if (used.length > MAX_PLACEHOLDERS)
      problems.push(`The ${part} uses ${used.length} placeholders; at most ${MAX_PLACEHOLDERS}.`);
    const unknown = used.filter((name) => !PLACEHOLDERS[template].includes(name));
    if (unknown.length > 0)
      problems.push(
        `The ${part} uses unknown placeholder(s) ${[...new Set(unknown)].map((n) => `{{${n}}}`).join(', ')}; ${template} knows ${PLACEHOLDERS[template].map((n) => `{{${n}}}`).join(', ')}.`,
      );
  }
  // biome-ignore lint/suspicious/noControlCharactersInRegex: a line break would end the header.
  if (/[\u0000-\u001f\u007f]/.test(parts.subject))
    problems.push('The subject must be one line without control characters.');
  const required = REQUIRED_PLACEHOLDER[template];
  for (const part of ['html', 'text'] as const)
    if (!placeholdersIn(parts[part]).includes(required)) problems.push(`The ${part} must contain {{${required}}}.`);
  if (/<script/i.test(parts.html)) problems.push('The html must not contain <script>.');
  if (placeholdersIn(parts.html).length > MAX_PLACEHOLDERS) return problems;
  for (const match of parts.html.matchAll(/\{\{\s*([^{}]*?)\s*\}\}/g)) {
    const why = contextProblem(parts.html, match.index, match[1] ?? '');
    if (why !== undefined) problems.push(`The html places {{${match[1]}}} where it is not safe: ${why}.`);
  }
  return problems;
}
