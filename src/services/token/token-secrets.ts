/**
 * How a token's secrets are sealed at rest: the OAuth credentials, the session Apple issued and
 * the key pair's private key, each under the secret box with a context naming its use and MDM
 * server (`token:<serverUuid>:credentials`), so a sealed value copied into another row or column
 * does not open. A pending key's private key is bound to its certificate instead, since its row
 * id is not known before the insert.
 */
import { createHash } from 'node:crypto';
import type { DepCredentials } from '../../apple/dep-client.js';
import type { ServerToken } from '../../apple/token-crypto.js';
import type { EncryptionKey } from '../../entities/encryption-key.entity.js';
import type { EnrollmentProgramToken } from '../../entities/enrollment-program-token.entity.js';
import type { SecretBox } from '../../platform/secret-box.js';

/** A key pair as the token reader takes it. */
export interface KeyPairPem {
  readonly privateKeyPem: string;
  readonly certificatePem: string;
}

/** The sealing contexts of a token's secrets. */
export function tokenSecretContexts(serverUuid: string) {
  return {
    credentials: `token:${serverUuid}:credentials`,
    privateKey: `token:${serverUuid}:private-key`,
    session: `token:${serverUuid}:session`,
  };
}

/** The sealing context of a pending key's private key. */
export function pendingKeyContext(certificatePem: string): string {
  return `encryption-key:${createHash('sha256').update(certificatePem).digest('hex').slice(0, 32)}:private-key`;
}

export class TokenSecrets {
  constructor(private readonly box: SecretBox) {}

  /** The sealed columns of a token of MDM server `serverUuid`. */
  sealToken(
    serverUuid: string,
    secrets: { credentials: ServerToken; privateKeyPem: string; session: string | null },
  ): Pick<EnrollmentProgramToken, 'sealedCredentials' | 'sealedPrivateKey' | 'sealedSession'> {
    const contexts = tokenSecretContexts(serverUuid);
    // Only the four OAuth strings: the expiry has its own column.
    const { consumerKey, consumerSecret, accessToken, accessSecret } = secrets.credentials;
    const credentials: DepCredentials = { consumerKey, consumerSecret, accessToken, accessSecret };
    return {
      sealedCredentials: this.box.seal(JSON.stringify(credentials), contexts.credentials),
      sealedPrivateKey: this.box.seal(secrets.privateKeyPem, contexts.privateKey),
      sealedSession: this.sealSession(serverUuid, secrets.session),
    };
  }

  sealSession(serverUuid: string, session: string | null): string | null {
    return session === null ? null : this.box.seal(session, tokenSecretContexts(serverUuid).session);
  }

  openCredentials(token: EnrollmentProgramToken): DepCredentials {
    const parsed = JSON.parse(
      this.box.openText(token.sealedCredentials, tokenSecretContexts(token.serverUuid).credentials),
    ) as DepCredentials;
    return {
      consumerKey: parsed.consumerKey,
      consumerSecret: parsed.consumerSecret,
      accessToken: parsed.accessToken,
      accessSecret: parsed.accessSecret,
    };
  }

  openSession(token: EnrollmentProgramToken): string | null {
    return token.sealedSession ? this.box.openText(token.sealedSession, tokenSecretContexts(token.serverUuid).session) : null;
  }

  openKeyPair(token: EnrollmentProgramToken): KeyPairPem {
    const privateKeyPem = this.box.openText(token.sealedPrivateKey, tokenSecretContexts(token.serverUuid).privateKey);
    return { privateKeyPem, certificatePem: token.certificatePem };
  }

  sealPendingKey(pair: KeyPairPem): string {
    return this.box.seal(pair.privateKeyPem, pendingKeyContext(pair.certificatePem));
  }

  openPendingKey(key: EncryptionKey): KeyPairPem {
    return {
      privateKeyPem: this.box.openText(key.sealedPrivateKey, pendingKeyContext(key.certificatePem)),
      certificatePem: key.certificatePem,
    };
  }
}
