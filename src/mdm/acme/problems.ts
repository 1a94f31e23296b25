/**
 * ACME errors as RFC 8555 section 6.7 writes them: a problem document (RFC 7807) whose `type` is an
 * `urn:ietf:params:acme:error:` name, with the HTTP status the RFC gives each. `badAttestationStatement`
 * is draft-acme-device-attest's. The HTTP adapter answers them as `application/problem+json`.
 */

/** The problem types Homeroom's ACME server answers with. */
export type AcmeProblemType =
  | 'malformed'
  | 'badNonce'
  | 'badSignatureAlgorithm'
  | 'badPublicKey'
  | 'unauthorized'
  | 'accountDoesNotExist'
  | 'rejectedIdentifier'
  | 'orderNotReady'
  | 'badCSR'
  | 'badAttestationStatement'
  | 'serverInternal';

const STATUS: Readonly<Record<AcmeProblemType, number>> = {
  malformed: 400,
  badNonce: 400,
  badSignatureAlgorithm: 400,
  badPublicKey: 400,
  unauthorized: 403,
  accountDoesNotExist: 400,
  rejectedIdentifier: 400,
  orderNotReady: 403,
  badCSR: 400,
  badAttestationStatement: 400,
  serverInternal: 500,
};

/** A refusal; nothing the request asked for was saved. */
export class AcmeProblem extends Error {
  readonly status: number;

  constructor(
    readonly type: AcmeProblemType,
    readonly detail: string,
    /** A status other than the type's usual one (404 for an unknown resource). */
    status?: number,
  ) {
    super(detail);
    this.name = 'AcmeProblem';
    this.status = status ?? STATUS[type];
  }

  /** The problem document. */
  toJSON(): { type: string; detail: string; status: number } {
    return { type: `urn:ietf:params:acme:error:${this.type}`, detail: this.detail, status: this.status };
  }
}

/** A resource (account, order, authorization) that does not exist, or not for this account. */
export function notFound(what: string): AcmeProblem {
  return new AcmeProblem('malformed', `No such ${what}.`, 404);
}
