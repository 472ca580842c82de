/** Organization magic links: one-time tokens, login/signup/invite links, invites, mails and routes. */
export {
  type ConsumedToken,
  consumeOneTimeToken,
  issueOneTimeToken,
  type OneTimeTokenKind,
} from './one-time-tokens.js';
export { decideLoginOrSignup, type LoginOrSignupOutcome, loginOrSignupAnswer } from './organization-links.js';
export { magicLinkRoutes } from './routes.js';
export { assertPkceChallenge, optionalPkceChallenge, optionalRedirectUrl } from './service.js';
