/**
 * The Wi-Fi network of a profile's Return to Service (the `com.apple.wifi.managed` payload an
 * erased device joins by itself) and its rules, apart from the service so they read in one place
 * and are tested without a database. The password is sealed at rest and never returned by the API.
 */
import { WifiSecurity } from '../../entities/enrollment-profile.entity.js';
import { badInput } from '../../errors.js';
import { checkOneLineText } from '../../text-input.js';

/** What binds a sealed Wi-Fi password to its use. */
export const WIFI_PASSWORD_CONTEXT = 'profile-wifi-password';

/** IEEE 802.11's SSID (1 to 32 bytes) and WPA's passphrase (8 to 63 printable ASCII characters, or 64 hex digits for WPA2). */
export const WIFI_LIMITS = {
  ssidBytes: { min: 1, max: 32 },
  passphrase: { min: 8, max: 63 },
  hexKeyLength: 64,
} as const;

/** How each security is described in the API. */
export const WIFI_SECURITY_DESCRIPTIONS: Record<WifiSecurity, string> = {
  [WifiSecurity.WPA2]: `WPA2 Personal: a password of ${WIFI_LIMITS.passphrase.min} to ${WIFI_LIMITS.passphrase.max} printable ASCII characters, or ${WIFI_LIMITS.hexKeyLength} hex digits.`,
  [WifiSecurity.WPA3]: `WPA3 Personal: a password of ${WIFI_LIMITS.passphrase.min} to ${WIFI_LIMITS.passphrase.max} printable ASCII characters.`,
  [WifiSecurity.NONE]: 'An open network: no password (captive portals cannot be passed without a person).',
};

export interface WifiInput {
  readonly ssid: string;
  readonly security: WifiSecurity;
  readonly password?: string | null;
}

/** A network that passed every rule: the SSID as given, the password null for an open network. */
export interface WifiSettings {
  readonly ssid: string;
  readonly security: WifiSecurity;
  readonly password: string | null;
}

const PRINTABLE_ASCII = /^[\x20-\x7E]+$/;
const HEX_KEY = /^[0-9A-Fa-f]{64}$/;

/** Checks a network; BAD_USER_INPUT naming `ssid`, `security` or `password`. */
export function checkWifi(input: WifiInput): WifiSettings {
  const ssid = checkOneLineText('ssid', input.ssid);
  const bytes = Buffer.byteLength(ssid, 'utf8');
  const { min, max } = WIFI_LIMITS.ssidBytes;
  if (bytes < min || bytes > max) throw badInput('ssid', `must be ${min} to ${max} bytes in UTF-8 (it is ${bytes}).`);
  if (!Object.values(WifiSecurity).includes(input.security))
    throw badInput('security', `must be one of ${Object.values(WifiSecurity).join(', ')}.`);
  const password = input.password ?? null;
  if (input.security === WifiSecurity.NONE) {
    if (password !== null && password !== '') throw badInput('password', 'an open network (NONE) takes no password.');
    return { ssid, security: input.security, password: null };
  }
  if (password === null || password === '') throw badInput('password', `${input.security} needs a password.`);
  if (input.security === WifiSecurity.WPA2 && HEX_KEY.test(password)) return { ssid, security: input.security, password };
  const { min: shortest, max: longest } = WIFI_LIMITS.passphrase;
  if (!PRINTABLE_ASCII.test(password) || password.length < shortest || password.length > longest)
    throw badInput('password', `must be ${shortest} to ${longest} printable ASCII characters.`);
  return { ssid, security: input.security, password };
}
