/** Email one-time codes: six-digit codes for organization sign-in and discovery, their mails and routes. */
export { otpRoutes } from './routes.js';
