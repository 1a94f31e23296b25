/**
 * An enrollment program token the way an admin gets one: a push certificate, Homeroom's public
 * key, an MDM server made for it on the simulator's portal, and the upload of its token file.
 */
import type { EnrollmentProgramToken } from '../../src/entities/enrollment-program-token.entity.js';
import type { RequestContext } from '../../src/services/request-context.js';
import type { Services } from '../../src/services/services.js';
import type { AppleSimulator } from '../../src/simulator/apple/index.js';

/** Uploads a token for a new MDM server `serverName` on the simulator (its push certificate first, if none exists). */
export async function uploadSimulatedToken(
  services: Services,
  simulator: AppleSimulator,
  ctx: RequestContext,
  options: { name: string; serverName?: string },
): Promise<EnrollmentProgramToken> {
  await services.pushCertificates.ensureSimulated(ctx);
  const { key } = await services.tokens.generateEncryptionPublicKey(ctx);
  const { token: file } = simulator.portal.createServer({ name: options.serverName ?? options.name, publicKeyPem: key.certificatePem });
  return services.tokens.upload(ctx, { name: options.name, appleId: 'it-admin@school.example', tokenFile: file.content });
}
