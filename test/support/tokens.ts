/**
 * An enrollment program token the way an admin gets one: a push certificate, Homeroom's public
 * key, an MDM server made for it on the simulator's portal, and the upload of its token file.
 */
import type { EnrollmentProgramToken } from '../../src/entities/enrollment-program-token.entity.js';
import type { RequestContext } from '../../src/services/request-context.js';
import type { Services } from '../../src/services/services.js';
import type { AppleSimulator } from '../../src/simulator/apple/index.js';

/**
 * Uploads a token for a new MDM server `serverName` on the simulator (its push certificate first, if none exists),
 * and returns it as stored once the first device sync the upload started has ended.
 */
export async function uploadSimulatedToken(
  services: Services,
  simulator: AppleSimulator,
  ctx: RequestContext,
  options: { name: string; serverName?: string },
): Promise<EnrollmentProgramToken> {
  await services.pushCertificates.ensureSimulated(ctx);
  const { key } = await services.tokens.generateEncryptionPublicKey(ctx);
  const { token: file } = simulator.portal.createServer({ name: options.serverName ?? options.name, publicKeyPem: key.certificatePem });
  const token = await services.tokens.upload(ctx, { name: options.name, appleId: 'it-admin@school.example', tokenFile: file.content });
  // The upload started the token's first device sync (of an empty MDM server); tests start after it ended.
  await services.sync.idle();
  return (await services.tokens.findById(token.id))!;
}
