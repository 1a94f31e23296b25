/**
 * What Return to Service sends a device (Apple's EraseDevice `ReturnToService` and the
 * ReturnToService check-in's answer, iPadOS 17 and 26): a Wi-Fi profile the erased device joins
 * by itself, and the MDM enrollment profile it installs without a person.
 *
 * The Wi-Fi profile is a `.mobileconfig` with one `com.apple.wifi.managed` payload, CMS-signed
 * (SignedData with the content inside, as Apple's Configurator signs profiles) so the device can
 * tell who made it. Homeroom signs with its MDM CA: the certificate its enrolled devices already
 * chain their identities to. Built with the `plist` library and node-forge, never by hand.
 */
import { randomUUID } from 'node:crypto';
import forge from 'node-forge';
import { build } from 'plist';

/** Reverse-DNS prefix of every payload identifier Homeroom writes. */
const IDENTIFIER = 'org.homeroom.mdm';

/** Apple's `EncryptionType` for each security Homeroom offers. */
const ENCRYPTION_TYPES = { WPA2: 'WPA2', WPA3: 'WPA3', NONE: 'None' } as const;

/** A Wi-Fi network, as the profile's settings hold it. */
export interface WifiNetwork {
  readonly ssid: string;
  readonly security: keyof typeof ENCRYPTION_TYPES;
  /** Null for an open network. */
  readonly password: string | null;
}

/** The Wi-Fi profile as an XML plist: join `ssid` automatically, no proxy, no captive-portal hop. */
export function buildWifiProfile(network: WifiNetwork, organization: string): string {
  const payload: Record<string, string | boolean | number> = {
    PayloadType: 'com.apple.wifi.managed',
    PayloadVersion: 1,
    PayloadIdentifier: `${IDENTIFIER}.wifi`,
    PayloadUUID: randomUUID().toUpperCase(),
    PayloadDisplayName: `Wi-Fi (${network.ssid})`,
    SSID_STR: network.ssid,
    HIDDEN_NETWORK: false,
    AutoJoin: true,
    EncryptionType: ENCRYPTION_TYPES[network.security],
    ProxyType: 'None',
  };
  if (network.password !== null) payload.Password = network.password;
  return build({
    PayloadType: 'Configuration',
    PayloadVersion: 1,
    PayloadIdentifier: `${IDENTIFIER}.return-to-service-wifi`,
    PayloadUUID: randomUUID().toUpperCase(),
    PayloadDisplayName: 'Return to Service Wi-Fi',
    PayloadOrganization: organization,
    PayloadScope: 'System',
    PayloadContent: [payload],
  });
}

/**
 * The profile CMS-signed (DER SignedData, SHA-256, content attached, the signer's certificate
 * included). An RSA signature in forge: some 30 ms, once per erase, never per request.
 */
export function signProfile(
  profile: string,
  signer: { readonly certificatePem: string; readonly privateKeyPem: string },
  now: Date,
): Buffer {
  const certificate = forge.pki.certificateFromPem(signer.certificatePem);
  const signed = forge.pkcs7.createSignedData();
  signed.content = forge.util.createBuffer(profile, 'utf8');
  signed.addCertificate(certificate);
  signed.addSigner({
    key: forge.pki.privateKeyFromPem(signer.privateKeyPem),
    certificate,
    digestAlgorithm: forge.pki.oids.sha256!,
    authenticatedAttributes: [
      { type: forge.pki.oids.contentType!, value: forge.pki.oids.data! },
      { type: forge.pki.oids.messageDigest! },
      { type: forge.pki.oids.signingTime!, value: now as unknown as string },
    ],
  });
  signed.sign();
  return Buffer.from(forge.asn1.toDer(signed.toAsn1()).getBytes(), 'binary');
}

/** What Return to Service hands a device: on for it or not, and the two profiles when on. */
export interface ReturnToServiceConfiguration {
  readonly enabled: boolean;
  readonly wifiProfileData: Buffer | null;
  readonly mdmProfileData: Buffer | null;
  /**
   * The bootstrap token the device escrowed, for a device in return-to-service mode (its ADE
   * profile's `is_return_to_service`): Apple requires it in EraseDevice's dictionary when return to
   * service was enabled by the cloud configuration (iPadOS 26), and erases preserving the managed
   * apps only with it; the check-in's answer carries it too. Absent otherwise.
   */
  readonly bootstrapToken?: Buffer | null;
}

/** EraseDevice's `ReturnToService` dictionary (a value of the queued command, sealed until sent). */
export function returnToServiceDict(configuration: ReturnToServiceConfiguration): Record<string, boolean | Uint8Array> {
  const dict: Record<string, boolean | Uint8Array> = { Enabled: configuration.enabled };
  if (configuration.enabled && configuration.wifiProfileData) dict.WiFiProfileData = new Uint8Array(configuration.wifiProfileData);
  if (configuration.enabled && configuration.mdmProfileData) dict.MDMProfileData = new Uint8Array(configuration.mdmProfileData);
  if (configuration.enabled && configuration.bootstrapToken && configuration.bootstrapToken.length > 0)
    dict.BootstrapToken = new Uint8Array(configuration.bootstrapToken);
  return dict;
}

/**
 * The ReturnToService check-in's answer (Apple's ReturnToServiceResponse): the same `ReturnToService`
 * dictionary as EraseDevice's, `Enabled` and when enabled the two profiles and the escrowed bootstrap token.
 */
export function returnToServiceAnswerPlist(configuration: ReturnToServiceConfiguration): string {
  return build({ ReturnToService: returnToServiceDict(configuration) });
}
