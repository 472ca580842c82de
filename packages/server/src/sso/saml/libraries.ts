import { lazyRequire } from '../../lib/lazy.js';

/** node-saml, loaded at the first SAML request rather than at every start (lib/lazy.ts). */
export const loadNodeSaml = lazyRequire<typeof import('@node-saml/node-saml')>('@node-saml/node-saml');

/** The XML parser our own SAML checks use, loaded with them (lib/lazy.ts). */
export const loadXmldom = lazyRequire<typeof import('@xmldom/xmldom')>('@xmldom/xmldom');
