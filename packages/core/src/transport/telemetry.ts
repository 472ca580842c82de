import { hex } from '../pkce.js';
import type { Platform } from '../platform/types.js';

/** SDK name and version announced in `X-SDK-Client`. */
export const SDK_IDENTIFIER = { identifier: 'OrgAuth JavaScript SDK', version: '@orgauth/core@0.1.0' } as const;

/** A random RFC 4122 version-4 UUID drawn from the platform's CSPRNG. */
export function randomUuid(platform: Pick<Platform, 'randomBytes'>): string {
  const b = platform.randomBytes(16);
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  return hex(b).replace(/(.{8})(.{4})(.{4})(.{4})/, '$1-$2-$3-$4-');
}

/** Ids of the signed-in member, when known, for the telemetry header. */
export interface TelemetryIds {
  member_id?: string | undefined;
  member_session_id?: string | undefined;
}

/**
 * The `X-SDK-Client` header value (docs/wire-protocol.md §1.3): base64 of the telemetry JSON, with fresh ids per
 * request; `hostname` is the page's. Hostnames are ASCII (URL serialises them as punycode), so `btoa` is safe here.
 */
export function telemetryHeader(platform: Platform, ids: TelemetryIds, hostname: string): string {
  const telemetry = {
    event_id: `event-id-${randomUuid(platform)}`,
    app_session_id: `app-session-id-${randomUuid(platform)}`,
    persistent_id: `persistent-id-${randomUuid(platform)}`,
    client_sent_at: new Date(platform.now()).toISOString(),
    timezone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    stytch_member_id: ids.member_id,
    stytch_member_session_id: ids.member_session_id,
    app: { identifier: hostname },
    sdk: SDK_IDENTIFIER,
  };
  return btoa(JSON.stringify(telemetry));
}
