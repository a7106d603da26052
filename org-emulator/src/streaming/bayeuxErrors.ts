// The error strings the Streaming API puts into Bayeux replies, verbatim as Salesforce sends them
// (Streaming API Developer Guide, "Streaming API Error Codes" and "Handling Streaming API Errors",
// plus replies recorded from real orgs). Clients and the sync service match on these texts, so
// they live in one place and are never paraphrased.

/** A connect or subscribe from a client id the server no longer knows (expired, dropped, restart). */
export const UNKNOWN_CLIENT = '403::Unknown client';

/** The handshake's `error` when authentication fails; the reason goes into `ext.sfdc.failureReason`. */
export const HANDSHAKE_DENIED = '403::Handshake denied';

/** The access token was revoked, expired or never valid. */
export const AUTHENTICATION_INVALID = '401::Authentication invalid';

/** No `Authorization` header (nor session cookie) came with the request. */
export const AUTHENTICATION_REQUIRED = '401::Request requires authentication';

/** Clients may not publish to `/data` or `/event` channels over CometD. */
export const PUBLISH_DENIED = '403::Publish denied';

export const CHANNEL_NOT_SPECIFIED = '400::Channel name not specified';

export const CHANNEL_NEEDS_LEADING_SLASH = "400::Channel subscriptions must start with a leading '/'";

export function channelDoesNotExist(channel: string): string {
  return `400::The channel you requested to subscribe to does not exist {${channel}}`;
}

/** Two spaces after "invalid." — that is how the server sends it. */
export function invalidReplayId(replayId: unknown): string {
  return (
    `400::The replayId {${String(replayId)}} you provided was invalid.  ` +
    'Please provide a valid ID, -2 to replay all events, or -1 to replay only new events.'
  );
}

/** The replay map is printed as a Java `Map.toString()`: `{/topic/A=-2, /topic/B=5}`. */
export function replayMapMismatch(channel: string, replayMap: Record<string, unknown>): string {
  const printed = Object.entries(replayMap)
    .map(([key, value]) => `${key}=${String(value)}`)
    .join(', ');
  return (
    `400::The replayId for channel {${channel}} wasn't found using the provided replay ID map {{${printed}}}. ` +
    'Ensure that the channel name you provided in the replay map is valid and matches the channel name used for subscribing.'
  );
}

export function missingBrowserCookie(clientId: string): string {
  return `400::Client ${clientId} has established a session, but no BAYEUX_BROWSER cookie present`;
}

export function invalidConnectionType(connectionType: unknown): string {
  return `400::Invalid connection type {${String(connectionType)}}`;
}

export function apiVersionMandatory(apiVersion: string): string {
  return `400::API version in the URI is mandatory. URI format: '/cometd/${apiVersion}'`;
}

export function unsupportedApiVersion(apiVersion: string): string {
  return `400::Unsupported API version. Only API versions '37.0' and later are supported. URI format: '/cometd/${apiVersion}'`;
}
