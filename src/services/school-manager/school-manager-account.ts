/**
 * The rules of an Apple School Manager API account as an admin pastes it: a client id, a key id
 * and the P-256 private key ASM generated. Checked before anything is stored or sent to Apple;
 * each refusal is `SCHOOL_MANAGER_ACCOUNT_INVALID` with the input field and a stable reason.
 */
import { readP256PrivateKey, type SchoolManagerCredentials } from '../../apple/asm-api/client-assertion.js';
import { ErrorCode, HomeroomError } from '../../errors.js';

/** Why an account was refused (`extensions.reason`). */
export const SchoolManagerAccountProblem = {
  NOT_PEM: 'NOT_PEM',
  UNREADABLE: 'UNREADABLE',
  NOT_EC: 'NOT_EC',
  NOT_P256: 'NOT_P256',
  CLIENT_ID_INVALID: 'CLIENT_ID_INVALID',
  KEY_ID_INVALID: 'KEY_ID_INVALID',
  NO_ORGANIZATION: 'NO_ORGANIZATION',
} as const;
export type SchoolManagerAccountProblem = (typeof SchoolManagerAccountProblem)[keyof typeof SchoolManagerAccountProblem];

/** The sealing context of an organisation's API key. */
export function schoolManagerKeyContext(organizationId: string): string {
  return `school-manager-account:${organizationId}:private-key`;
}

export function invalidAccount(field: string, reason: SchoolManagerAccountProblem, message: string): HomeroomError {
  return new HomeroomError(ErrorCode.SCHOOL_MANAGER_ACCOUNT_INVALID, `${field}: ${message}`, { field, reason });
}

const IDENTIFIER = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,199}$/;

const KEY_MESSAGES: Record<'NOT_PEM' | 'UNREADABLE' | 'NOT_EC' | 'NOT_P256', string> = {
  NOT_PEM:
    'is not an unencrypted PEM private key (-----BEGIN PRIVATE KEY----- or -----BEGIN EC PRIVATE KEY-----): paste the .pem Apple School Manager downloaded.',
  UNREADABLE: 'could not be read as a private key.',
  NOT_EC: 'is not an elliptic-curve key: Apple School Manager API keys are P-256 (ES256).',
  NOT_P256: 'is an elliptic-curve key on another curve: Apple School Manager API keys are P-256 (ES256).',
};

/** The checked account, its key as PKCS#8 PEM whatever form it came in. */
export function readSchoolManagerAccount(input: { clientId: string; keyId: string; privateKey: string }): SchoolManagerCredentials {
  const clientId = input.clientId.trim();
  const keyId = input.keyId.trim();
  if (!IDENTIFIER.test(clientId))
    throw invalidAccount(
      'clientId',
      'CLIENT_ID_INVALID',
      'must be the client ID Apple School Manager shows for the API account (e.g. SCHOOLAPI.<uuid>).',
    );
  if (!IDENTIFIER.test(keyId))
    throw invalidAccount('keyId', 'KEY_ID_INVALID', "must be the key ID Apple School Manager shows for the account's key.");
  const read = readP256PrivateKey(input.privateKey);
  if ('problem' in read) throw invalidAccount('privateKey', read.problem, KEY_MESSAGES[read.problem]);
  return { clientId, keyId, privateKeyPem: read.key.export({ type: 'pkcs8', format: 'pem' }).toString() };
}
