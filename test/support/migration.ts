/**
 * A school moving its iPads to Homeroom without erasing them, set up the way its admin does it:
 * two MDM servers of one organisation on the simulator's portal (Homeroom's and the MDM the
 * school leaves), Homeroom's token uploaded and synced, and Homeroom's School Manager API account.
 */
import { expect } from 'vitest';
import type { RunningAppleSimulator } from '../../src/simulator/apple/index.js';
import {
  CreateEnrollmentProfileDocument,
  GenerateEncryptionPublicKeyDocument,
  SetSchoolManagerApiAccountDocument,
  UploadTokenDocument,
} from '../generated/operations.js';
import type { TestServer } from './server.js';

/** Homeroom's MDM server on the portal. */
export const HOMEROOM_SERVER = 'Homeroom';
/** The MDM server the school is leaving: Homeroom never talks to its MDM. */
export const OTHER_MDM_SERVER = 'Previous MDM';

/**
 * The two servers, an order of `devices` iPads (the first `elsewhere` assigned to the other MDM's
 * server, the rest to Homeroom's), Homeroom's token uploaded by GraphQL and its first sync waited
 * for. Returns the token's global ID and the order's serials, in order.
 */
export async function migratingSchool(
  t: TestServer,
  apple: RunningAppleSimulator,
  options: { devices: number; elsewhere: number },
): Promise<{ tokenId: string; serials: string[] }> {
  const key = (await t.request(GenerateEncryptionPublicKeyDocument, {})).data!.generateEncryptionPublicKey.encryptionPublicKey;
  const { token } = apple.portal.createServer({ name: HOMEROOM_SERVER, publicKeyPem: key.certificate });
  apple.portal.createServer({ name: OTHER_MDM_SERVER, publicKeyPem: key.certificate });
  const { serials } = apple.portal.addOrder({ count: options.devices });
  apple.portal.assignDevices(OTHER_MDM_SERVER, { serials: serials.slice(0, options.elsewhere) });
  if (options.elsewhere < serials.length) apple.portal.assignDevices(HOMEROOM_SERVER, { serials: serials.slice(options.elsewhere) });
  const uploaded = await t.request(UploadTokenDocument, {
    input: { name: 'Riverside', appleId: 'it@riverside.example', tokenFile: token.content },
  });
  expect(uploaded.errors).toBeUndefined();
  await t.server.services.sync.idle();
  return { tokenId: uploaded.data!.uploadToken.token.id, serials };
}

/** Homeroom's School Manager API account, made on the portal and stored for the token by GraphQL. */
export async function connectSchoolManager(t: TestServer, apple: RunningAppleSimulator, tokenId: string): Promise<void> {
  const account = apple.schoolManager.createApiAccount(HOMEROOM_SERVER);
  const stored = await t.request(SetSchoolManagerApiAccountDocument, {
    input: { tokenId, clientId: account.clientId, keyId: account.keyId, privateKey: account.privateKeyPem },
  });
  expect(stored.errors).toBeUndefined();
}

/** A supervised profile that awaits configuration (what a migration needs), by GraphQL; returns its global ID. */
export async function migrationProfile(t: TestServer, tokenId: string, name = 'Migrated'): Promise<string> {
  const profile = await t.request(CreateEnrollmentProfileDocument, {
    input: {
      tokenId,
      name,
      userAffinity: 'WITHOUT_USER_AFFINITY',
      supervised: true,
      lockedEnrollment: true,
      sharedIPad: false,
      pairing: 'DENY_ALL',
      awaitDeviceConfigured: true,
      skippedPanes: [],
    },
  });
  expect(profile.errors).toBeUndefined();
  return profile.data!.createEnrollmentProfile.enrollmentProfile.id;
}
