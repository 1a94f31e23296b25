/**
 * A student signing in on a virtual Shared iPad (reference device-enrollment.md 2.7): the
 * user-channel TokenUpdate (`UserShortName`, the no-auth `UserID`, the user's own push token and
 * magic; no unlock token), then the device caches the user and evicts beyond MaximumResidentUsers
 * the one whose last sign-in is oldest (users.ts). It needs a managed Shared iPad at Home whose MDM
 * serves per-user connections. The device is passed in as the few facts and parts this needs, as
 * return-to-service-mode.ts does.
 */
import { bodyExcerpt, type HttpAnswer } from './http.js';
import { randomBytes, randomUuid, type RandomSource } from './identifiers.js';
import type { PlistDict } from './mdm-client.js';
import { PER_USER_CONNECTIONS, SHARED_IPAD_USER_ID, type ResidentUser, type ResidentUsers } from './users.js';
import type { DeviceAtHome } from './virtual-ipad-options.js';

/** What a sign-in reads and changes on the device. */
export interface SigningInDevice extends DeviceAtHome {
  /** Its supervised cloud configuration says IsMultiUser. */
  readonly sharedIPad: boolean;
  readonly random: RandomSource;
  readonly clock: { now(): Date };
  readonly residents: ResidentUsers;
  readonly maxResidentUsers: number | null;
}

/**
 * Signs `user` in on `device`; resolves with the users evicted to make room.
 * @throws Error when the device is not such an iPad, or the MDM does not answer the TokenUpdate with 200.
 */
export async function signInOnSharedIPad(
  device: SigningInDevice,
  user: { shortName: string; longName?: string },
): Promise<{ evicted: string[] }> {
  const { enrollment, client } = device;
  const why =
    device.state !== 'HOME' || device.busy
      ? `it is ${device.busy ? 'running Setup Assistant' : device.state}, not at Home`
      : !enrollment || !client
        ? 'it is not enrolled in an MDM'
        : !device.sharedIPad
          ? 'it is not a Shared iPad (no IsMultiUser in its supervised cloud configuration)'
          : !enrollment.serverCapabilities.includes(PER_USER_CONNECTIONS)
            ? `its MDM does not list ${PER_USER_CONNECTIONS}`
            : null;
  if (why) throw new Error(`${user.shortName} cannot sign in on ${device.serialNumber}: ${why}`);
  const longName = user.longName ?? user.shortName;
  const message: PlistDict = {
    MessageType: 'TokenUpdate',
    Topic: enrollment!.topic,
    UDID: device.udid,
    UserShortName: user.shortName,
    UserID: SHARED_IPAD_USER_ID,
    UserLongName: longName,
    Token: new Uint8Array(randomBytes(device.random, 32)),
    PushMagic: randomUuid(device.random),
  };
  let answer: HttpAnswer;
  try {
    answer = await client!.checkIn(message);
  } catch (error) {
    device.trace.add('USER_SIGN_IN', { channel: 'user', shortName: user.shortName, status: null, error: (error as Error).message });
    throw new Error(`${user.shortName} cannot sign in on ${device.serialNumber}: ${(error as Error).message}`, { cause: error });
  }
  device.trace.add('USER_SIGN_IN', { channel: 'user', shortName: user.shortName, status: answer.status });
  if (answer.status !== 200) {
    throw new Error(
      `${user.shortName} cannot sign in on ${device.serialNumber}: the MDM answered ${answer.status} ${bodyExcerpt(answer.body)}`,
    );
  }
  const signedIn: ResidentUser = { shortName: user.shortName, longName, lastSignedInAt: device.clock.now() };
  const evicted = device.residents.signIn(signedIn, device.maxResidentUsers).map((resident) => resident.shortName);
  for (const shortName of evicted) device.trace.add('USER_EVICTED', { shortName, maximumResidentUsers: device.maxResidentUsers });
  return { evicted };
}
