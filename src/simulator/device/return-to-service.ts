/**
 * Return to Service on a virtual iPad (Apple: EraseDevice with `ReturnToService`, iPadOS 17 and
 * later): after the erase the device comes back without a person. It joins the Wi-Fi network of
 * `WiFiProfileData` (a signed or plain `.mobileconfig` with a `com.apple.wifi.managed` payload),
 * activates with Apple, shows no Setup Assistant pane, installs `MDMProfileData` (the enrollment
 * profile the MDM handed over, read and checked as one from the enrollment URL) and enrolls: check-ins,
 * DeviceConfigured when its cloud configuration asks, and the Home screen, managed again.
 *
 * The trace says so: `ERASE` (`{by: 'MDM', returnToService: true}`), `POWER_ON`, `WIFI_JOINED`
 * (`{ssid, security}`), `NETWORK`, `ACTIVATION_LOOKUP`, `RETURN_TO_SERVICE` (Setup Assistant
 * skipped), then the enrollment's steps and `HOME`. A profile the device cannot read ends FAILED
 * with `PROFILE_REFUSED`; an activation that fails, as on any power-on.
 */
import { parse, type PlistValue } from 'plist';
import { AppleRequestError, lookUpActivation, type ActivationAnswer, type CloudConfiguration } from './apple-client.js';
import { signedContentOf } from './device-crypto.js';
import type { EnrollmentProfile } from './enrollment-identity.js';
import { ProfileRefusedError, readEnrollmentProfile } from './enrollment-profile.js';
import { EnrollmentStopped, type DeviceFailure } from './failure.js';
import { DeviceHttpError, type Transport } from './http.js';
import type { Trace } from './trace.js';
import type { IPadState } from './virtual-ipad-options.js';

/** What Return to Service (and an activation) needs from the device. */
export interface ReturningDevice {
  readonly serialNumber: string;
  readonly appleUrl: string;
  readonly transport: Transport;
  readonly trace: Trace;
  /** Keeps the cloud configuration Apple gave (the device is supervised from it). */
  configure(configuration: CloudConfiguration): void;
  /** Installs an enrollment profile and enrolls (check-ins, DeviceConfigured when asked). */
  install(profile: EnrollmentProfile, configuration: CloudConfiguration): Promise<void>;
  home(): IPadState;
  fail(failure: DeviceFailure): IPadState;
}

/** The profiles an enabled ReturnToService carries. */
export interface ReturnToServiceRequest {
  readonly wifiProfileData: Buffer;
  readonly mdmProfileData: Buffer;
}

/** The Wi-Fi network a profile names. */
export interface WifiNetwork {
  readonly ssid: string;
  readonly security: string;
}

type Dict = { [key: string]: PlistValue };

function isDict(value: PlistValue | undefined): value is Dict {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date) && !(value instanceof Uint8Array);
}

/** The network of a Wi-Fi profile (CMS-signed or plain XML). @throws Error when there is none to join. */
export function readWifiProfile(body: Buffer): WifiNetwork {
  const text = body.toString('utf8').trimStart();
  const xml = text.startsWith('<?xml') || text.startsWith('<plist') ? text : signedContentOf(body).toString('utf8');
  const root = parse(xml);
  const payloads = isDict(root) && Array.isArray(root.PayloadContent) ? root.PayloadContent.filter(isDict) : [];
  const wifi = payloads.find((payload) => payload.PayloadType === 'com.apple.wifi.managed');
  if (!wifi || typeof wifi.SSID_STR !== 'string' || wifi.SSID_STR === '')
    throw new Error('the Wi-Fi profile has no com.apple.wifi.managed payload with an SSID');
  const security = typeof wifi.EncryptionType === 'string' ? wifi.EncryptionType : 'Any';
  if (security !== 'None' && typeof wifi.Password !== 'string')
    throw new Error(`the ${security} network ${wifi.SSID_STR} comes without a password`);
  return { ssid: wifi.SSID_STR, security };
}

/** The cloud configuration lookup, or the failure that ends the run (`ACTIVATION_FAILED`). */
export async function activate(device: ReturningDevice): Promise<ActivationAnswer | DeviceFailure> {
  try {
    return await lookUpActivation(device.appleUrl, device.serialNumber, device.transport);
  } catch (error) {
    if (error instanceof DeviceHttpError) return { step: 'ACTIVATION_FAILED', reason: 'NETWORK_FAILURE', message: error.message };
    if (!(error instanceof AppleRequestError)) throw error;
    const status = error.status === undefined ? {} : { status: error.status };
    return { step: 'ACTIVATION_FAILED', reason: 'ACTIVATION_REFUSED', message: error.message, ...status };
  }
}

/** The run after an erase with Return to Service: resolves with `HOME` (managed again) or `FAILED`. */
export async function returnToService(device: ReturningDevice, request: ReturnToServiceRequest): Promise<IPadState> {
  device.trace.add('POWER_ON', { serialNumber: device.serialNumber, returnToService: true });
  let network: WifiNetwork;
  try {
    network = readWifiProfile(request.wifiProfileData);
  } catch (error) {
    return device.fail({ step: 'ENROLLMENT_FAILED', reason: 'PROFILE_REFUSED', message: `Return to Service: ${(error as Error).message}` });
  }
  device.trace.add('WIFI_JOINED', { ...network });
  device.trace.add('NETWORK');
  const lookup = await activate(device);
  if ('step' in lookup) return device.fail(lookup);
  if (!lookup.managed) {
    device.trace.add('ACTIVATION_LOOKUP', { managed: false, reason: lookup.reason });
    return device.fail({
      step: 'ENROLLMENT_FAILED',
      reason: 'ENROLLMENT_REFUSED',
      message: 'Return to Service: Apple has no cloud configuration for the device any more',
    });
  }
  device.trace.add('ACTIVATION_LOOKUP', { managed: true, profileUuid: lookup.configuration.ProfileUUID ?? null });
  device.configure(lookup.configuration);
  device.trace.add('RETURN_TO_SERVICE', { skippedSetupAssistant: true });
  let profile: EnrollmentProfile;
  try {
    profile = readEnrollmentProfile(request.mdmProfileData);
  } catch (error) {
    if (!(error instanceof ProfileRefusedError)) throw error;
    return device.fail({ step: 'ENROLLMENT_FAILED', reason: 'PROFILE_REFUSED', message: `Return to Service: ${error.reason}` });
  }
  try {
    await device.install(profile, lookup.configuration);
  } catch (error) {
    if (!(error instanceof EnrollmentStopped)) throw error;
    return device.fail({ step: 'ENROLLMENT_FAILED', ...error.detail });
  }
  return device.home();
}
