/** The words of a magic-link mail: subject, heading and button (placeholders as in mail/placeholders.ts). */
export interface LinkCopy {
  subject: string;
  heading: string;
  button: string;
}

/** The words of a one-time code mail. */
export interface CodeCopy {
  subject: string;
  heading: string;
}

/**
 * Every word of the built-in mails in one locale. A pack that misses a key fails `tsc`, and
 * mail/copy/copy.test.ts checks that each uses the same placeholders as English.
 */
export interface MailCopy {
  /** The `lang` attribute of the HTML part. */
  lang: string;
  /** What goes between two sentences of a paragraph: a space, or nothing in Japanese. */
  space: string;
  discovery: LinkCopy;
  login: LinkCopy;
  signup: LinkCopy;
  invite: LinkCopy & { heading_inviter: string };
  code_login: CodeCopy;
  code_signup: CodeCopy;
  code_discovery: CodeCopy;
  /** Password links: a reset, or a first password, in an organization or (discovery) the project. */
  password_reset: LinkCopy;
  password_set: LinkCopy;
  password_reset_discovery: LinkCopy;
  password_set_discovery: LinkCopy;
  common: {
    click: string;
    open_link: string;
    fallback: string;
    link_lifetime: string;
    ignore: string;
    code_prompt: string;
    code_line: string;
    code_lifetime: string;
    never_share: string;
  };
}
