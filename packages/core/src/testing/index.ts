/**
 * `@orgauth/core/testing`: a real client over a memory platform and a scripted network, plus
 * fixtures, for unit tests, stories and demos.
 */
export { memoryPlatform } from '../platform/memory.js';
export type { MemoryCookie, MemoryPlatform, MemoryPlatformOptions } from '../platform/memory.js';
export { createTestClient } from './test-client.js';
export type { TestClient, TestClientOptions } from './test-client.js';
export { createScriptedTransport, fixtureErrorEnvelope } from './scripted-transport.js';
export type {
  RecordedRequest,
  ScriptedReply,
  ScriptedReplyValue,
  ScriptedStatusReply,
  ScriptedTransport,
} from './scripted-transport.js';
export {
  fixtureAuthenticateResponse,
  fixtureBootstrapResponse,
  fixtureDiscoveredOrganization,
  fixtureDiscoveryResponse,
  fixtureMember,
  fixtureMemberSession,
  fixtureOrganization,
} from './fixtures.js';
export { fixtureMfaRequiredResponse, fixtureStrengthCheckResponse, fixtureTotpCreateResponse } from './mfa-fixtures.js';
