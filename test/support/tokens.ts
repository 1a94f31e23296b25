/**
 * An enrollment program token the way an admin gets one: a push certificate, Homeroom's public
 * key, an MDM server made for it on the simulator's portal, and the upload of its token file.
 */
import type { EnrollmentProfile } from '../../src/entities/enrollment-profile.entity.js';
import type { EnrollmentProgramToken } from '../../src/entities/enrollment-program-token.entity.js';
import { PairingMode, UserAffinity } from '../../src/entities/enrollment-profile.entity.js';
import { type ProfileSettingsInput } from '../../src/services/profile/profile-settings.js';
import type { RequestContext } from '../../src/platform/request-context.js';
import type { Services } from '../../src/services/services.js';
import type { AppleSimulator, RunningAppleSimulator } from '../../src/simulator/apple/index.js';
import { expect } from 'vitest';
import { GenerateEncryptionPublicKeyDocument, UploadTokenDocument } from '../generated/operations.js';
import type { TestServer } from './server.js';

/**
 * Uploads a token for a new MDM server `serverName` on the simulator (its push certificate first, if none exists),
 * with `devices` new iPads (of `model`) assigned to it first, and returns it as stored once the first device sync the
 * upload started has ended.
 */
export async function uploadSimulatedToken(
  services: Services,
  simulator: AppleSimulator,
  ctx: RequestContext,
  options: { name: string; serverName?: string; devices?: number; model?: string },
): Promise<EnrollmentProgramToken> {
  await services.pushCertificates.ensureSimulated(ctx);
  const { key } = await services.tokens.generateEncryptionPublicKey(ctx);
  const serverName = options.serverName ?? options.name;
  const { token: file } = simulator.portal.createServer({ name: serverName, publicKeyPem: key.certificatePem });
  if (options.devices) {
    const order = simulator.portal.addOrder({ count: options.devices, ...(options.model ? { model: options.model } : {}) });
    simulator.portal.assignDevices(serverName, { orderNumbers: [order.orderNumber] });
  }
  const token = await services.tokens.upload(ctx, { name: options.name, appleId: 'it-admin@school.example', tokenFile: file.content });
  // The upload started the token's first device sync (listing the `devices` assigned before); tests start after it ended.
  await services.sync.idle();
  return (await services.tokens.findById(token.id))!;
}

/** Settings of a plain cart-iPad profile named `name`. */
export function cartProfile(name: string): ProfileSettingsInput {
  return {
    name,
    userAffinity: UserAffinity.WITHOUT_USER_AFFINITY,
    supervised: true,
    lockedEnrollment: false,
    sharedIPad: false,
    pairing: PairingMode.DENY_ALL,
    awaitDeviceConfigured: false,
    skippedPanes: [],
  };
}

/** A school: a token (as {@link uploadSimulatedToken} makes it, devices synced), a cart profile `<name> carts`, and the serials. */
export async function simulatedSchool(
  services: Services,
  simulator: AppleSimulator,
  ctx: RequestContext,
  options: { name: string; devices: number; model?: string },
): Promise<{ token: EnrollmentProgramToken; profile: EnrollmentProfile; serials: string[] }> {
  const token = await uploadSimulatedToken(services, simulator, ctx, options);
  const profile = await services.profiles.create(ctx, token.id, cartProfile(`${options.name} carts`));
  const serials = simulator.portal.listDevices({ server: options.name, limit: options.devices || 1 }).map((device) => device.serial_number);
  return { token, profile, serials: options.devices ? serials : [] };
}

/**
 * The same school as a frontend and the school's admin make it, over real HTTP: Homeroom's public key
 * by GraphQL, an MDM server for it and an order of `devices` iPads on the simulator's portal, the token
 * file uploaded by GraphQL, and the first sync waited for. Returns the token's global ID and the
 * serials, sorted.
 */
export async function uploadedSchool(
  t: TestServer,
  apple: RunningAppleSimulator,
  options: { server: string; name: string; devices: number },
): Promise<{ tokenId: string; serials: string[] }> {
  const key = (await t.request(GenerateEncryptionPublicKeyDocument, {})).data!.generateEncryptionPublicKey.encryptionPublicKey;
  const { token: file } = apple.portal.createServer({ name: options.server, publicKeyPem: key.certificate });
  const order = apple.portal.addOrder({ count: options.devices });
  apple.portal.assignDevices(options.server, { orderNumbers: [order.orderNumber] });
  const serials = apple.portal
    .listDevices({ server: options.server, limit: options.devices + 10 })
    .map((d) => d.serial_number)
    .sort();
  const uploaded = await t.request(UploadTokenDocument, {
    input: { name: options.name, appleId: `it@${options.name.toLowerCase()}.example`, tokenFile: file.content },
  });
  expect(uploaded.errors).toBeUndefined();
  // The upload started the first sync, which lists the order's iPads.
  await t.server.services.sync.idle();
  return { tokenId: uploaded.data!.uploadToken.token.id, serials };
}
