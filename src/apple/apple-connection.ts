/**
 * Where Homeroom reaches Apple, decided once at start: Apple's production URL, another URL from
 * `APPLE_DEP_URL`, or the in-process simulator's address. Services ask it for a {@link DepClient}
 * per token, so none of them knows (or can know) whether Apple or the simulator answers.
 */
import {
  ABM_PRODUCTION_API_URL,
  AccessTokenCache,
  ASM_PRODUCTION_API_URL,
  ASM_PRODUCTION_TOKEN_URL,
  SchoolManagerClient,
  type SchoolManagerClientOptions,
} from './asm-api/asm-client.js';
import type { SchoolManagerCredentials } from './asm-api/client-assertion.js';
import { DepClient, type DepClientOptions, type DepCredentials } from './dep-client.js';

/** Which of Apple's two organisations' APIs: School Manager (`school.api`) or Business Manager (`business.api`). */
export type SchoolManagerScope = 'school.api' | 'business.api';

/** Apple's production Device Assignment API; beside it, the School Manager API lives on Apple's own hosts. */
const DEP_PRODUCTION_URL = 'https://mdmenrollment.apple.com';

/** The per-token options a caller may add: a saved session and where to save rotated ones. */
export type DepSessionOptions = Pick<DepClientOptions, 'initialSession' | 'onSession'>;

export interface AppleConnection {
  /** Base URL of the Device Assignment API, without a trailing slash. */
  readonly depUrl: string;
  /** `User-Agent` on every call (`APPLE_DEP_USER_AGENT`). */
  readonly userAgent: string;
  /** A client for one server token. */
  client(credentials: DepCredentials, options?: DepSessionOptions): DepClient;
  /**
   * A client of the Apple School (or Business) Manager API for one API account. Against Apple's
   * production DEP URL it calls Apple's hosts; against any other (the simulator) the same origin
   * serves `/v1/...` and `/auth/oauth2/token`. Access tokens are cached per account across clients.
   */
  schoolManager(credentials: SchoolManagerCredentials, scope: SchoolManagerScope): SchoolManagerClient;
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
  const cache = new AccessTokenCache();
  const production = depUrl.replace(/\/+$/, '') === DEP_PRODUCTION_URL;
  return {
    depUrl,
    userAgent,
    client: (credentials, options = {}) => new DepClient({ ...shared, ...options, baseUrl: depUrl, credentials, userAgent }),
    schoolManager: (credentials, scope) => {
      const options: SchoolManagerClientOptions = {
        ...shared,
        apiUrl: production ? (scope === 'business.api' ? ABM_PRODUCTION_API_URL : ASM_PRODUCTION_API_URL) : depUrl,
        tokenUrl: production ? ASM_PRODUCTION_TOKEN_URL : `${depUrl.replace(/\/+$/, '')}/auth/oauth2/token`,
        scope,
        credentials,
        userAgent,
        cache,
      };
      return new SchoolManagerClient(options);
    },
  };
}
