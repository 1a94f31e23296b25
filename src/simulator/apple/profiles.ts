/**
 * Validation of a define-profile request (`POST /profile`, reference section 5.6) into the
 * codes Apple documents. Apple's order of checks is not documented; this one goes field by
 * field in the order of Apple's own error list (name, URL, department, flags, magic, phone,
 * e-mail, locale) and reports the first problem, as Apple answers one bare code per request.
 */
import { isObject } from './http.js';

/** The profile keys Apple knows; anything else is dropped rather than stored. */
export const PROFILE_KEYS = [
  'profile_name',
  'url',
  'configuration_web_url',
  'allow_pairing',
  'is_supervised',
  'is_multi_user',
  'is_mandatory',
  'await_device_configured',
  'is_mdm_removable',
  'support_phone_number',
  'support_email_address',
  'auto_advance_setup',
  'org_magic',
  'anchor_certs',
  'supervising_host_certs',
  'skip_setup_items',
  'department',
  'language',
  'region',
  'do_not_use_profile_from_backup',
  'is_return_to_service',
] as const;

const STRING_LIST_KEYS: readonly string[] = ['anchor_certs', 'supervising_host_certs', 'skip_setup_items'];
const TEXT_KEYS: readonly string[] = [
  'profile_name',
  'url',
  'configuration_web_url',
  'support_phone_number',
  'support_email_address',
  'org_magic',
  'department',
  'language',
  'region',
];
/** Every other key Apple knows holds a flag. */
const BOOLEAN_KEYS = PROFILE_KEYS.filter((key) => !TEXT_KEYS.includes(key) && !STRING_LIST_KEYS.includes(key));

/** A valid profile, or the code Apple answers with (400). */
export type ProfileValidation = { ok: true; body: Record<string, unknown>; devices: string[] | undefined } | { ok: false; code: string };

function length(text: string): number {
  return [...text].length;
}

function isUrl(value: unknown): boolean {
  if (typeof value !== 'string' || value.length > 2000) return false;
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== '';
  } catch {
    return false;
  }
}

function isStringList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

/** Checks a define-profile body; see the module comment for the order of the checks. */
export function validateProfile(input: unknown): ProfileValidation {
  if (!isObject(input)) return { ok: false, code: 'MALFORMED_REQUEST_BODY' };
  const name = input.profile_name;
  if (name === undefined || name === null || name === '') return { ok: false, code: 'CONFIG_NAME_REQUIRED' };
  if (typeof name !== 'string' || length(name) > 125) return { ok: false, code: 'CONFIG_NAME_INVALID' };
  if (input.url === undefined || input.url === null || input.url === '') return { ok: false, code: 'CONFIG_URL_REQUIRED' };
  if (!isUrl(input.url)) return { ok: false, code: 'CONFIG_URL_INVALID' };
  if (input.configuration_web_url !== undefined && !isUrl(input.configuration_web_url)) return { ok: false, code: 'CONFIG_URL_INVALID' };
  if (input.department !== undefined && (typeof input.department !== 'string' || length(input.department) > 125)) {
    return { ok: false, code: 'DEPARTMENT_INVALID' };
  }
  if (BOOLEAN_KEYS.some((key) => input[key] !== undefined && typeof input[key] !== 'boolean')) return { ok: false, code: 'FLAGS_INVALID' };
  if (input.is_mdm_removable === false && input.is_supervised !== true) return { ok: false, code: 'FLAGS_INVALID' };
  if (input.org_magic !== undefined && (typeof input.org_magic !== 'string' || length(input.org_magic) > 256)) {
    return { ok: false, code: 'MAGIC_INVALID' };
  }
  const phone = input.support_phone_number;
  if (phone !== undefined && (typeof phone !== 'string' || phone.length > 50 || !/^[0-9+()\-.\s#*x]*$/i.test(phone))) {
    return { ok: false, code: 'SUPPORT_PHONE_INVALID' };
  }
  const email = input.support_email_address;
  if (email !== undefined && (typeof email !== 'string' || email.length > 250 || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email))) {
    return { ok: false, code: 'SUPPORT_EMAIL_INVALID' };
  }
  if (input.language !== undefined && (typeof input.language !== 'string' || !/^[a-z]{2,3}$/.test(input.language))) {
    return { ok: false, code: 'LOCALE_INVALID' };
  }
  if (input.region !== undefined && (typeof input.region !== 'string' || !/^[A-Z]{2}$/.test(input.region))) {
    return { ok: false, code: 'LOCALE_INVALID' };
  }
  if (STRING_LIST_KEYS.some((key) => input[key] !== undefined && !isStringList(input[key]))) {
    return { ok: false, code: 'MALFORMED_REQUEST_BODY' };
  }
  if (input.devices !== undefined && !isStringList(input.devices)) return { ok: false, code: 'MALFORMED_REQUEST_BODY' };
  const body: Record<string, unknown> = {};
  for (const key of PROFILE_KEYS) if (input[key] !== undefined) body[key] = input[key];
  return { ok: true, body, devices: input.devices as string[] | undefined };
}
