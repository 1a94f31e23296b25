/**
 * Where Homeroom reaches Apple, decided once at start: Apple's production URL, another URL from
 * `APPLE_DEP_URL`, or the in-process simulator's address. Services ask it for a {@link DepClient}
 * per token, so none of them knows (or can know) whether Apple or the simulator answers.
 */
import { DepClient, type DepClientOptions, type DepCredentials } from './dep-client.js';

/** The per-token options a caller may add: a saved session and where to save rotated ones. */
export type DepSessionOptions = Pick<DepClientOptions, 'initialSession' | 'onSession'>;

export interface AppleConnection {
  /** Base URL of the Device Assignment API, without a trailing slash. */
  readonly depUrl: string;
  /** `User-Agent` on every call (`APPLE_DEP_USER_AGENT`). */
  readonly userAgent: string;
  /** A client for one server token. */
  client(credentials: DepCredentials, options?: DepSessionOptions): DepClient;
}

/**
 * `shared` carries what tests inject (clock, sleep, jitter) into every client; production
 * passes none and gets real time.
 */
export function appleConnection(
  depUrl: string,
  userAgent: string,
  shared: Pick<DepClientOptions, 'clock' | 'sleep' | 'random' | 'retry' | 'requestTimeoutMs'> = {},
): AppleConnection {
  return {
    depUrl,
    userAgent,
    client: (credentials, options = {}) => new DepClient({ ...shared, ...options, baseUrl: depUrl, credentials, userAgent }),
  };
}
