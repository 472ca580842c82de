import type { MailCopy } from './types.js';

/** Spanish, formal (usted). */
export const es: MailCopy = {
  lang: 'es',
  space: ' ',
  discovery: {
    subject: 'Su enlace de inicio de sesión',
    heading: 'Inicie sesión en {{project_name}}',
    button: 'Iniciar sesión',
  },
  login: {
    subject: 'Inicie sesión en {{organization_name}}',
    heading: 'Inicie sesión en {{organization_name}}',
    button: 'Iniciar sesión',
  },
  signup: {
    subject: 'Únase a {{organization_name}}',
    heading: 'Termine de unirse a {{organization_name}}',
    button: 'Unirse',
  },
  invite: {
    subject: 'Ha recibido una invitación para unirse a {{organization_name}}',
    heading: 'Ha recibido una invitación para unirse a {{organization_name}}',
    heading_inviter: '{{inviter_name}} le ha invitado a unirse a {{organization_name}}',
    button: 'Aceptar la invitación',
  },
  code_login: {
    subject: '{{code}} es su código para iniciar sesión en {{organization_name}}',
    heading: 'Su código para iniciar sesión en {{organization_name}}',
  },
  code_signup: {
    subject: '{{code}} es su código para unirse a {{organization_name}}',
    heading: 'Su código para unirse a {{organization_name}}',
  },
  code_discovery: {
    subject: '{{code}} es su código para iniciar sesión en sus organizaciones',
    heading: 'Su código para iniciar sesión en sus organizaciones',
  },
  password_reset: {
    subject: 'Restablezca su contraseña de {{organization_name}}',
    heading: 'Restablezca su contraseña de {{organization_name}}',
    button: 'Restablecer la contraseña',
  },
  password_set: {
    subject: 'Establezca una contraseña para {{organization_name}}',
    heading: 'Establezca una contraseña para {{organization_name}}',
    button: 'Establecer la contraseña',
  },
  password_reset_discovery: {
    subject: 'Restablezca su contraseña',
    heading: 'Restablezca su contraseña de {{project_name}}',
    button: 'Restablecer la contraseña',
  },
  password_set_discovery: {
    subject: 'Establezca su contraseña',
    heading: 'Establezca su contraseña para {{project_name}}',
    button: 'Establecer la contraseña',
  },
  common: {
    click: 'Haga clic en el botón para continuar.',
    open_link: 'Abra este enlace para continuar:',
    fallback: 'O pegue este enlace en su navegador:',
    link_lifetime: 'El enlace solo puede usarse una vez y caduca en {{expires_in_minutes}} minutos.',
    ignore: 'Si no solicitó este correo, puede ignorarlo.',
    code_prompt: 'Introduzca este código donde lo solicitó:',
    code_line: 'Su código: {{code}}',
    code_lifetime: 'El código solo puede usarse una vez y caduca en {{expires_in_minutes}} minutos.',
    never_share: 'Nadie de la organización se lo pedirá nunca.',
  },
};
