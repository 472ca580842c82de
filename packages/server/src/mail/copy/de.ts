import type { MailCopy } from './types.js';

/** German, formal (Sie). */
export const de: MailCopy = {
  lang: 'de',
  space: ' ',
  discovery: { subject: 'Ihr Anmeldelink', heading: 'Bei {{project_name}} anmelden', button: 'Anmelden' },
  login: {
    subject: 'Bei {{organization_name}} anmelden',
    heading: 'Bei {{organization_name}} anmelden',
    button: 'Anmelden',
  },
  signup: {
    subject: '{{organization_name}} beitreten',
    heading: 'Schließen Sie Ihren Beitritt zu {{organization_name}} ab',
    button: 'Beitreten',
  },
  invite: {
    subject: 'Sie wurden zu {{organization_name}} eingeladen',
    heading: 'Sie wurden zu {{organization_name}} eingeladen',
    heading_inviter: '{{inviter_name}} hat Sie zu {{organization_name}} eingeladen',
    button: 'Einladung annehmen',
  },
  code_login: {
    subject: '{{code}} ist Ihr Code für die Anmeldung bei {{organization_name}}',
    heading: 'Ihr Code für die Anmeldung bei {{organization_name}}',
  },
  code_signup: {
    subject: '{{code}} ist Ihr Code für den Beitritt zu {{organization_name}}',
    heading: 'Ihr Code für den Beitritt zu {{organization_name}}',
  },
  code_discovery: {
    subject: '{{code}} ist Ihr Code für die Anmeldung bei Ihren Organisationen',
    heading: 'Ihr Code für die Anmeldung bei Ihren Organisationen',
  },
  password_reset: {
    subject: 'Passwort für {{organization_name}} zurücksetzen',
    heading: 'Setzen Sie Ihr Passwort für {{organization_name}} zurück',
    button: 'Passwort zurücksetzen',
  },
  password_set: {
    subject: 'Passwort für {{organization_name}} festlegen',
    heading: 'Legen Sie ein Passwort für {{organization_name}} fest',
    button: 'Passwort festlegen',
  },
  password_reset_discovery: {
    subject: 'Passwort zurücksetzen',
    heading: 'Setzen Sie Ihr Passwort für {{project_name}} zurück',
    button: 'Passwort zurücksetzen',
  },
  password_set_discovery: {
    subject: 'Passwort festlegen',
    heading: 'Legen Sie Ihr Passwort für {{project_name}} fest',
    button: 'Passwort festlegen',
  },
  common: {
    click: 'Klicken Sie auf die Schaltfläche, um fortzufahren.',
    open_link: 'Öffnen Sie diesen Link, um fortzufahren:',
    fallback: 'Oder fügen Sie diesen Link in Ihren Browser ein:',
    link_lifetime: 'Der Link ist einmalig gültig und läuft in {{expires_in_minutes}} Minuten ab.',
    ignore: 'Wenn Sie diese E-Mail nicht angefordert haben, können Sie sie ignorieren.',
    code_prompt: 'Geben Sie diesen Code dort ein, wo Sie ihn angefordert haben:',
    code_line: 'Ihr Code: {{code}}',
    code_lifetime: 'Der Code ist einmalig gültig und läuft in {{expires_in_minutes}} Minuten ab.',
    never_share: 'Niemand aus der Organisation wird Sie jemals danach fragen.',
  },
};
