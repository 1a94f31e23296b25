/**
 * ACME's resources as RFC 8555 section 7.1 writes them, and where they live under the server's base
 * URL (`<PUBLIC_URL>/acme`). One identifier per order (what Apple's devices ask for: their
 * `permanent-identifier`), so one authorization and one `device-attest-01` challenge per order: all
 * three are addressed by the order's id.
 */

/** The order states of RFC 8555 section 7.1.6. */
export type AcmeOrderStatus = 'pending' | 'ready' | 'processing' | 'valid' | 'invalid';
/** The states an authorization and its challenge share here (one challenge per authorization). */
export type AcmeAuthorizationStatus = 'pending' | 'valid' | 'invalid';

/** The one challenge type offered: draft-acme-device-attest. */
export const DEVICE_ATTEST_CHALLENGE = 'device-attest-01';
/** The identifier type Apple's devices order with (draft-acme-device-attest). */
export const PERMANENT_IDENTIFIER = 'permanent-identifier';

/** Paths under the base URL. */
export const ACME_PATHS = {
  directory: '/directory',
  newNonce: '/new-nonce',
  newAccount: '/new-account',
  newOrder: '/new-order',
  account: '/account/',
  order: '/order/',
  authorization: '/authz/',
  challenge: '/chall/',
  finalize: '/finalize/',
  certificate: '/cert/',
} as const;

/** What an order's resources are rendered from. */
export interface AcmeOrderView {
  readonly id: string;
  readonly status: AcmeOrderStatus;
  readonly expires: Date;
  readonly identifier: { readonly type: string; readonly value: string };
  readonly authorizationStatus: AcmeAuthorizationStatus;
  readonly token: string;
  readonly validatedAt: Date | null;
  readonly hasCertificate: boolean;
}

/** The directory (section 7.1.1). */
export function directoryOf(base: string): Record<string, unknown> {
  return {
    newNonce: `${base}${ACME_PATHS.newNonce}`,
    newAccount: `${base}${ACME_PATHS.newAccount}`,
    newOrder: `${base}${ACME_PATHS.newOrder}`,
    meta: { externalAccountRequired: false },
  };
}

export const accountUrl = (base: string, id: string) => `${base}${ACME_PATHS.account}${id}`;
export const orderUrl = (base: string, id: string) => `${base}${ACME_PATHS.order}${id}`;

/** The order object (section 7.1.3). */
export function orderJson(base: string, order: AcmeOrderView): Record<string, unknown> {
  return {
    status: order.status,
    expires: order.expires.toISOString(),
    identifiers: [order.identifier],
    authorizations: [`${base}${ACME_PATHS.authorization}${order.id}`],
    finalize: `${base}${ACME_PATHS.finalize}${order.id}`,
    ...(order.hasCertificate ? { certificate: `${base}${ACME_PATHS.certificate}${order.id}` } : {}),
  };
}

/** The challenge object (section 8, draft-acme-device-attest section 5). */
export function challengeJson(base: string, order: AcmeOrderView): Record<string, unknown> {
  return {
    type: DEVICE_ATTEST_CHALLENGE,
    url: `${base}${ACME_PATHS.challenge}${order.id}`,
    status: order.authorizationStatus,
    token: order.token,
    ...(order.validatedAt ? { validated: order.validatedAt.toISOString() } : {}),
  };
}

/** The authorization object (section 7.1.4). */
export function authorizationJson(base: string, order: AcmeOrderView): Record<string, unknown> {
  return {
    status: order.authorizationStatus,
    expires: order.expires.toISOString(),
    identifier: order.identifier,
    challenges: [challengeJson(base, order)],
  };
}
