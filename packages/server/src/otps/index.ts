/**
 * One-time codes: six-digit codes by email (organization sign-in and discovery) and by SMS (a second
 * factor), their messages and routes.
 */
export { otpRoutes } from './routes.js';
export { smsOtpRoutes } from './sms-routes.js';
export { type GateSmsDeps, sendGateSmsOtp } from './sms-gate-send.js';
