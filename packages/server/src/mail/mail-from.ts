import addressparser from 'nodemailer/lib/addressparser/index.js';

/** The sender of every mail unless `ServerOptions.from` / `SMTP_FROM` says otherwise. */
export const DEFAULT_MAIL_FROM = 'OrgAuth <no-reply@orgauth.localhost>';

/** A checked sender: display name (maybe empty) and address. */
export interface MailFrom {
  name: string;
  address: string;
  /** `Name <address>`, or the bare address: how the dev mailbox shows it. */
  text: string;
}

// One dot-separated host of letters, digits and inner hyphens (IDN hosts in their xn-- form).
const HOST = /^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*$/;
const LOCAL = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]+$/;

/**
 * Checks a sender given as `Name <addr@host>` or `addr@host`, read with nodemailer's own address
 * parser (so it means what nodemailer will send) plus stricter rules of our own: exactly one
 * mailbox, no group, no control characters (a CR/LF would start another header), a plain local part
 * and host, and nothing else around it.
 * @throws Error saying what is wrong and what is expected.
 */
export function parseMailFrom(value: string): MailFrom {
  const fail = (why: string): never => {
    throw new Error(
      `Invalid sender address ${JSON.stringify(value)}: ${why}. Expected "Name <addr@host>" or "addr@host".`,
    );
  };
  const trimmed = value.trim();
  if (trimmed === '') fail('it is empty');
  // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point.
  if (/[\u0000-\u001f\u007f]/.test(value)) fail('it contains a control character (line breaks included)');
  if (trimmed.length > 320) fail('it is longer than 320 characters');
  const parsed = addressparser(trimmed);
  if (parsed.length !== 1) fail('it must name exactly one address');
  const [only] = parsed;
  if (only === undefined || 'group' in only) return fail('address groups are not allowed');
  const { name, address } = only;
  const at = address.lastIndexOf('@');
  if (at <= 0 || !LOCAL.test(address.slice(0, at)) || !HOST.test(address.slice(at + 1)))
    fail('the address is not addr@host');
  // The parser also reads "Name addr@host" and "foo <bar"; only the two plain forms are accepted.
  const bracketed = /<([^<>]*)>$/.exec(trimmed)?.[1];
  if (trimmed !== address && bracketed !== address) fail('write the address alone or in angle brackets after the name');
  return { name, address, text: name === '' ? address : `${name} <${address}>` };
}
