export * from './errors.js';
export * from './types.js';
export * from './constants.js';
export * from './sso-types.js';
export * from './slug.js';
export * from './email-auth-types.js';
export * from './otp-messages.js';
export * from './oauth-types.js';
