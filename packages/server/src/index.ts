export { createOrgAuthServer } from './server.js';
export type { OrgAuthServer, ServerOptions } from './server.js';
export type { Mail } from './mail/mailer.js';
export type { ProjectCredentials } from './projects/index.js';
export type { RedirectUrlType } from '@orgauth/core/protocol';
