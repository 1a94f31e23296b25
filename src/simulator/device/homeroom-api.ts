/**
 * What a rehearsal asks Homeroom, the way any API client would: GraphQL over HTTP with
 * `Authorization: Bearer <API key>`, never Homeroom's code. The devices themselves talk to
 * Homeroom's MDM endpoints only; this is the school's side (which iPads the token holds).
 */
import type { Fetch } from './http.js';

/** Homeroom did not answer a GraphQL request usefully (unreachable, refused, or `errors`). */
export class HomeroomApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'HomeroomApiError';
  }
}

/** Where Homeroom's API is and the key to use. */
export interface HomeroomApi {
  readonly url: string;
  readonly apiKey: string;
  readonly fetch?: Fetch;
}

/** One GraphQL operation; resolves with `data`, rejects with the first error's code and message. */
export async function graphqlRequest<T>(api: HomeroomApi, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const endpoint = `${api.url.replace(/\/+$/, '')}/graphql`;
  let response: Response;
  try {
    response = await (api.fetch ?? fetch)(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${api.apiKey}` },
      body: JSON.stringify({ query, variables }),
    });
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    throw new HomeroomApiError(
      'HOMEROOM_UNREACHABLE',
      `no Homeroom answers at ${api.url} (${cause?.code ?? cause?.message ?? (error as Error).message})`,
    );
  }
  const text = await response.text();
  let body: { data?: T | null; errors?: Array<{ message?: string; extensions?: { code?: string } }> };
  try {
    body = JSON.parse(text) as typeof body;
  } catch {
    throw new HomeroomApiError(`HTTP_${response.status}`, `${endpoint} answered ${response.status} with something that is not GraphQL`);
  }
  const [first] = body.errors ?? [];
  if (first) throw new HomeroomApiError(first.extensions?.code ?? `HTTP_${response.status}`, first.message ?? 'GraphQL error');
  if (!response.ok || body.data == null) throw new HomeroomApiError(`HTTP_${response.status}`, `${endpoint} answered ${response.status}`);
  return body.data;
}

/** A device of the token as the rehearsal needs it. */
export interface TokenDevice {
  readonly serialNumber: string;
  /** Whether its assigned profile enrolls it for a user (the sign-in is asked, so a wrong password can fail it). */
  readonly userAffinity: boolean;
  /** Whether a profile is assigned at all; a device without one ends unmanaged. */
  readonly hasProfile: boolean;
}

const TOKEN_DEVICES = `query RehearsalTokenDevices($id: ID!, $after: String) {
  node(id: $id) {
    __typename
    ... on EnrollmentProgramToken {
      devices(first: 500, after: $after) {
        pageInfo { hasNextPage endCursor }
        edges { node { serialNumber profile { userAffinity } } }
      }
    }
  }
}`;

interface DevicesPage {
  node: {
    __typename: string;
    devices?: {
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
      edges: Array<{ node: { serialNumber: string; profile: { userAffinity: string } | null } }>;
    };
  } | null;
}

/** Every device the token holds (those Apple still assigns to its MDM server), page by page. */
export async function tokenDevices(api: HomeroomApi, tokenId: string): Promise<TokenDevice[]> {
  const devices: TokenDevice[] = [];
  let after: string | null = null;
  for (;;) {
    const page: DevicesPage = await graphqlRequest<DevicesPage>(api, TOKEN_DEVICES, { id: tokenId, after });
    if (!page.node || !page.node.devices) {
      throw new HomeroomApiError(
        'NOT_FOUND',
        `${tokenId} is not an enrollment program token Homeroom knows (${page.node?.__typename ?? 'nothing'})`,
      );
    }
    for (const { node } of page.node.devices.edges) {
      devices.push({
        serialNumber: node.serialNumber,
        hasProfile: node.profile !== null,
        userAffinity: node.profile?.userAffinity === 'WITH_USER_AFFINITY',
      });
    }
    if (!page.node.devices.pageInfo.hasNextPage) return devices;
    after = page.node.devices.pageInfo.endCursor;
  }
}

const DIRECTORY_USERS = `query RehearsalDirectoryUsers($after: String, $role: UserRole) {
  users(first: 500, after: $after, filter: { role: $role }) {
    pageInfo { hasNextPage endCursor }
    edges { node { username } }
  }
}`;

interface UsersPage {
  users: { pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: Array<{ node: { username: string } }> };
}

/**
 * The usernames of Homeroom's user directory (of one role when given), in Homeroom's order, page
 * by page: who signs in on Shared iPads in a rehearsal. Needs an ADMIN key (`FORBIDDEN` otherwise).
 */
export async function directoryUsernames(api: HomeroomApi, role?: 'STUDENT' | 'TEACHER'): Promise<string[]> {
  const usernames: string[] = [];
  let after: string | null = null;
  for (;;) {
    const page: UsersPage = await graphqlRequest<UsersPage>(api, DIRECTORY_USERS, { after, role: role ?? null });
    usernames.push(...page.users.edges.map((edge) => edge.node.username));
    if (!page.users.pageInfo.hasNextPage) return usernames;
    after = page.users.pageInfo.endCursor;
  }
}
