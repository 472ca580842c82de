import type { MailCopy } from './types.js';

// French puts a non-breaking space (\u00a0) before a colon.

/** French, formal (vous). */
export const fr: MailCopy = {
  lang: 'fr',
  space: ' ',
  discovery: { subject: 'Votre lien de connexion', heading: 'Connexion à {{project_name}}', button: 'Se connecter' },
  login: {
    subject: 'Connexion à {{organization_name}}',
    heading: 'Connexion à {{organization_name}}',
    button: 'Se connecter',
  },
  signup: {
    subject: 'Rejoindre {{organization_name}}',
    heading: 'Finalisez votre adhésion à {{organization_name}}',
    button: 'Rejoindre',
  },
  invite: {
    subject: 'Vous êtes invité à rejoindre {{organization_name}}',
    heading: 'Vous êtes invité à rejoindre {{organization_name}}',
    heading_inviter: '{{inviter_name}} vous invite à rejoindre {{organization_name}}',
    button: "Accepter l'invitation",
  },
  code_login: {
    subject: '{{code}} est votre code de connexion à {{organization_name}}',
    heading: 'Votre code de connexion à {{organization_name}}',
  },
  code_signup: {
    subject: '{{code}} est votre code pour rejoindre {{organization_name}}',
    heading: 'Votre code pour rejoindre {{organization_name}}',
  },
  code_discovery: {
    subject: '{{code}} est votre code de connexion à vos organisations',
    heading: 'Votre code de connexion à vos organisations',
  },
  password_reset: {
    subject: 'Réinitialisez votre mot de passe pour {{organization_name}}',
    heading: 'Réinitialisez votre mot de passe pour {{organization_name}}',
    button: 'Réinitialiser le mot de passe',
  },
  password_set: {
    subject: 'Définissez un mot de passe pour {{organization_name}}',
    heading: 'Définissez un mot de passe pour {{organization_name}}',
    button: 'Définir le mot de passe',
  },
  password_reset_discovery: {
    subject: 'Réinitialisez votre mot de passe',
    heading: 'Réinitialisez votre mot de passe pour {{project_name}}',
    button: 'Réinitialiser le mot de passe',
  },
  password_set_discovery: {
    subject: 'Définissez votre mot de passe',
    heading: 'Définissez votre mot de passe pour {{project_name}}',
    button: 'Définir le mot de passe',
  },
  common: {
    click: 'Cliquez sur le bouton pour continuer.',
    open_link: 'Ouvrez ce lien pour continuer\u00a0:',
    fallback: 'Ou collez ce lien dans votre navigateur\u00a0:',
    link_lifetime: "Ce lien n'est valable qu'une fois et expire dans {{expires_in_minutes}} minutes.",
    ignore: "Si vous n'avez pas demandé cet e-mail, vous pouvez l'ignorer.",
    code_prompt: "Saisissez ce code à l'endroit où vous l'avez demandé\u00a0:",
    code_line: 'Votre code\u00a0: {{code}}',
    code_lifetime: "Ce code n'est valable qu'une fois et expire dans {{expires_in_minutes}} minutes.",
    never_share: "Personne de l'organisation ne vous le demandera jamais.",
  },
};
