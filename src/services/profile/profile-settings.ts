/**
 * The settings of an enrollment profile (seed 002, "Create an Apple enrollment profile"), their
 * rules, and how they become Apple's define-profile body (`POST /profile`, reference 5.6).
 *
 * Kept apart from the service so the rules read in one place and can be tested without a
 * database: {@link checkSettings} turns what a caller asked for into settings that hold together
 * (or throws naming the setting), {@link depProfileOf} says what Apple is sent.
 */
import { createHash, X509Certificate } from 'node:crypto';
import type { DepProfile } from '../../apple/dep-types.js';
import { DeviceIdentityKind, PairingMode, UserAffinity } from '../../entities/enrollment-profile.entity.js';
import { badInput, ErrorCode, HomeroomError } from '../../errors.js';
import { checkStorableText } from '../../text-input.js';
import { wordsOfKeys } from '../../words.js';

export const USER_AFFINITY_DESCRIPTIONS: Record<UserAffinity, string> = {
  [UserAffinity.WITH_USER_AFFINITY]:
    'The device is affiliated with a user during setup (their Managed Apple Account). Required for Shared iPad.',
  [UserAffinity.WITHOUT_USER_AFFINITY]:
    'The device is not affiliated with a user: for devices that do tasks without user data. Apps that need a user (Company Portal) do not work.',
};

/** How a profile's devices get their MDM identity, as the API describes each kind. */
export const IDENTITY_KIND_DESCRIPTIONS: Record<DeviceIdentityKind, string> = {
  [DeviceIdentityKind.SCEP]:
    "The device makes its own key and gets its certificate from Homeroom's SCEP endpoint with a one-time challenge (every iOS and iPadOS; the key never leaves the device).",
  [DeviceIdentityKind.ACME]:
    "The device makes a hardware-bound key, Apple attests it, and Homeroom's ACME server certifies it after checking the attestation (iOS and iPadOS 16 and later).",
  [DeviceIdentityKind.PKCS12]: 'Homeroom makes the key and the certificate and sends both inside the enrollment profile (any iOS).',
};

export const PAIRING_MODE_DESCRIPTIONS: Record<PairingMode, string> = {
  [PairingMode.DENY_ALL]: 'No computer may pair with the device (Apple `allow_pairing: false`).',
  [PairingMode.ALLOW_ALL]: 'Any computer may pair with the device (Apple `allow_pairing: true`; deprecated by Apple since iOS 13).',
  [PairingMode.ALLOW_CONFIGURATOR_BY_CERTIFICATE]:
    'Only Apple Configurator hosts whose certificate is in `configuratorCertificates` may pair (Apple `supervising_host_certs`); needs a supervised device.',
};

/** One Setup Assistant pane a profile can skip: its Apple key, and what the schema says about it. */
export interface PaneInfo {
  /** Apple's `skip_setup_items` key (reference section 9). */
  readonly appleKey: string;
  readonly description: string;
  /** Set when Apple deprecated the key: it is still sent, but current systems ignore it. */
  readonly deprecationReason?: string;
}

const pane = (appleKey: string, description: string, deprecationReason?: string): PaneInfo =>
  deprecationReason === undefined ? { appleKey, description } : { appleKey, description, deprecationReason };

/** Apple key, description and deprecation of every pane; the versions are Apple's (reference section 9). */
export const SETUP_ASSISTANT_PANES = {
  PASSCODE: pane(
    'Passcode',
    'Passcode: the pane asking for a device passcode is hidden (Apple `Passcode`; iOS 7+). Skip it only when the device is secured another way (kiosk mode).',
  ),
  LOCATION_SERVICES: pane('Location', 'Location Services (Apple `Location`; iOS 7+).'),
  RESTORE: pane('Restore', 'Restore from an iCloud or computer backup (Apple `Restore`; iOS 7+).'),
  APPLE_ID: pane('AppleID', 'Apple Account (Apple ID) and iCloud sign-in (Apple `AppleID`; iOS 7+).'),
  TERMS_AND_CONDITIONS: pane('TOS', "Apple's Terms and Conditions (Apple `TOS`; iOS 7+)."),
  TOUCH_ID_FACE_ID: pane('Biometric', 'Touch ID or Face ID setup (Apple `Biometric`; iOS 8.1+).'),
  APPLE_PAY: pane('Payment', 'Apple Pay (Apple `Payment`; iOS 8.1+).'),
  ZOOM: pane(
    'Zoom',
    'Display Zoom (Apple `Zoom`; iOS 8.3 to 16).',
    'Apple deprecated the `Zoom` skip key in iOS and iPadOS 17; current systems ignore it.',
  ),
  SIRI: pane('Siri', 'Siri (Apple `Siri`; iOS 7+).'),
  DIAGNOSTIC_DATA: pane('Diagnostics', 'App Analytics and diagnostic data sharing (Apple `Diagnostics`; iOS 7+).'),
  MOVE_FROM_ANDROID: pane('Android', 'The "Move from Android" option of the Apps & Data pane (Apple `Android`; iOS 9+).'),
  TRUE_TONE: pane(
    'DisplayTone',
    'True Tone display (Apple `DisplayTone`; iOS 9.3.2 to 14).',
    'Apple deprecated the `DisplayTone` skip key in iOS and iPadOS 15; current systems ignore it.',
  ),
  HOME_BUTTON: pane(
    'HomeButtonSensitivity',
    'Home button sensitivity, iPhone 7, 8 and SE only (Apple `HomeButtonSensitivity`; iOS 10 to 14).',
    'Apple deprecated the `HomeButtonSensitivity` skip key in iOS 15; current systems ignore it.',
  ),
  MESSAGING_ACTIVATION_USING_PHONE_NUMBER: pane(
    'MessagingActivationUsingPhoneNumber',
    'iMessage activation with the phone number, on cellular devices (Apple `MessagingActivationUsingPhoneNumber`; iOS 10+).',
  ),
  ONBOARDING: pane(
    'OnBoarding',
    'On-boarding information screens (Apple `OnBoarding`; iOS 11 to 13).',
    'Apple deprecated the `OnBoarding` skip key in iOS and iPadOS 14; current systems ignore it.',
  ),
  WATCH_MIGRATION: pane('WatchMigration', 'Apple Watch migration, iPhone only (Apple `WatchMigration`; iOS 11+).'),
  PRIVACY: pane('Privacy', 'Data & Privacy (Apple `Privacy`; iOS 11.3+).'),
  IMESSAGE_AND_FACETIME: pane('iMessageAndFaceTime', 'iMessage and FaceTime (Apple `iMessageAndFaceTime`; iOS 12+).'),
  SCREEN_TIME: pane('ScreenTime', 'Screen Time (Apple `ScreenTime`; iOS 12+).'),
  SIM_SETUP: pane('SIMSetup', 'Add a cellular plan; skipping it also stops automatic eSIM setup (Apple `SIMSetup`; iOS 12+).'),
  SOFTWARE_UPDATE: pane('SoftwareUpdate', 'The mandatory software update pane (Apple `SoftwareUpdate`; iOS 12+).'),
  DEVICE_TO_DEVICE_MIGRATION: pane(
    'DeviceToDeviceMigration',
    'Transfer directly from another device (Apple `DeviceToDeviceMigration`; iOS 12.4+).',
  ),
  APPEARANCE: pane('Appearance', 'Choose Your Look, light or dark (Apple `Appearance`; iOS and iPadOS 13+).'),
  KEYBOARD: pane(
    'Keyboard',
    'Keyboard (Apple `Keyboard`; iOS and iPadOS 13+). Not always skippable: it can appear before the device has its profile.',
  ),
  DICTATION: pane(
    'SpokenLanguage',
    'Dictation and spoken language (Apple `SpokenLanguage`; iOS and iPadOS 13+). Not always skippable: it can appear before the device has its profile.',
  ),
  GET_STARTED: pane('Welcome', 'Get Started (Apple `Welcome`; iOS and iPadOS 13+).'),
  RESTORE_COMPLETED: pane('RestoreCompleted', 'Restore Completed (Apple `RestoreCompleted`; iOS and iPadOS 14+).'),
  SOFTWARE_UPDATE_COMPLETED: pane('UpdateCompleted', 'Software Update Complete (Apple `UpdateCompleted`; iOS and iPadOS 14+).'),
  APP_STORE: pane('AppStore', 'App Store (Apple `AppStore`; iOS and iPadOS 14.3+).'),
  SAFETY: pane('Safety', 'Safety (Apple `Safety`; iOS and iPadOS 16+).'),
  TERMS_OF_ADDRESS: pane(
    'TermsOfAddress',
    'Terms of Address, how the system addresses the user (Apple `TermsOfAddress`; iOS and iPadOS 16+). Not always skippable: it can appear before the device has its profile.',
  ),
  ACTION_BUTTON: pane('ActionButton', 'Action Button, iPhone only (Apple `ActionButton`; iOS 17+).'),
  LOCKDOWN_MODE: pane(
    'EnableLockdownMode',
    'Lockdown Mode, shown when an Apple Account is set up (Apple `EnableLockdownMode`; iOS and iPadOS 17.1+).',
  ),
  CAMERA_CONTROL: pane('CameraButton', 'Camera Control, iPhone only (Apple `CameraButton`; iOS 18+).'),
  APPLE_INTELLIGENCE: pane('Intelligence', 'Apple Intelligence (Apple `Intelligence`; iOS and iPadOS 18+).'),
  WEB_CONTENT_FILTERING: pane('WebContentFiltering', 'Web Content Filtering (Apple `WebContentFiltering`; iOS and iPadOS 18.2+).'),
  SAFETY_AND_HANDLING: pane('SafetyAndHandling', 'Safety and Handling information (Apple `SafetyAndHandling`; iOS and iPadOS 18.4+).'),
  MULTITASKING: pane('Multitasking', 'Multitasking (Apple `Multitasking`; iPadOS 26+).'),
  OS_SHOWCASE: pane('OSShowcase', 'What is new in this release (Apple `OSShowcase`; iOS and iPadOS 26+).'),
} satisfies Record<string, PaneInfo>;

/**
 * Every Setup Assistant pane iOS and iPadOS can skip: the seed's ten (Passcode, Location
 * Services, Restore, Apple ID, Terms and Conditions, Touch ID, Apple Pay, Zoom, Siri, Diagnostic
 * Data) and every other iOS/iPadOS key of Apple's skip-key list (reference section 9). Named by
 * the pane a person sees, not by Apple's key.
 */
export const SetupAssistantPane = wordsOfKeys(SETUP_ASSISTANT_PANES);
export type SetupAssistantPane = (typeof SetupAssistantPane)[keyof typeof SetupAssistantPane];

const PANE_BY_APPLE_KEY: ReadonlyMap<string, SetupAssistantPane> = new Map(
  Object.entries(SETUP_ASSISTANT_PANES).map(([name, info]) => [info.appleKey, name as SetupAssistantPane]),
);

/** The panes of stored Apple keys; a key this version does not know is left out rather than guessed. */
export function panesOfAppleKeys(keys: readonly string[]): SetupAssistantPane[] {
  return keys.map((key) => PANE_BY_APPLE_KEY.get(key)).filter((value): value is SetupAssistantPane => value !== undefined);
}

/** Apple's limits (reference 5.6) and Homeroom's. */
export const PROFILE_LIMITS = {
  name: 125,
  description: 1000,
  departmentName: 125,
  departmentPhone: 50,
  /** Shared iPad partitions: Apple documents no bound in the DEP profile; Intune allows 1 to 96 users. */
  maximumCachedUsers: { min: 1, max: 96 },
  configuratorCertificates: 10,
  /** Enrollment profiles per token. */
  profilesPerToken: 1000,
} as const;

/** What a caller may set on a profile; every field of the seed's "Create Enrollment Profile" blades. */
export interface ProfileSettingsInput {
  readonly name: string;
  readonly description?: string | null;
  readonly userAffinity: UserAffinity;
  readonly supervised: boolean;
  readonly lockedEnrollment: boolean;
  readonly sharedIPad: boolean;
  readonly maximumCachedUsers?: number | null;
  readonly pairing: PairingMode;
  /** PEM or base64 DER X.509, one certificate per entry (a PEM entry may hold several). */
  readonly configuratorCertificates?: readonly string[] | null;
  readonly awaitDeviceConfigured: boolean;
  readonly departmentName?: string | null;
  readonly departmentPhone?: string | null;
  readonly skippedPanes: readonly SetupAssistantPane[];
  /** How its devices get their identity; null or absent: the server's default (`MDM_IDENTITY`). */
  readonly identityKind?: DeviceIdentityKind | null;
  /** Apple's `is_return_to_service`; absent: false. Requires supervised. */
  readonly isReturnToService?: boolean | null;
}

/** Settings that passed every rule, normalised (trimmed text, PEM certificates, Apple skip keys). */
export interface ProfileSettings {
  readonly name: string;
  readonly description: string | null;
  readonly userAffinity: UserAffinity;
  readonly supervised: boolean;
  readonly lockedEnrollment: boolean;
  readonly sharedIPad: boolean;
  readonly maximumCachedUsers: number | null;
  readonly pairing: PairingMode;
  /** PEM, `\n` line ends, in the order given, duplicates dropped. */
  readonly configuratorCertificates: string[];
  readonly awaitDeviceConfigured: boolean;
  readonly departmentName: string | null;
  readonly departmentPhone: string | null;
  /** Apple keys, in the enum's order, duplicates dropped. */
  readonly skipSetupItems: string[];
  /** Homeroom's own setting, never sent to Apple; null: the server's default. */
  readonly identityKind: DeviceIdentityKind | null;
  readonly isReturnToService: boolean;
}

/** A rule between settings is broken; `field` names the setting a frontend should mark. */
export function ruleViolation(field: string, message: string): HomeroomError {
  return new HomeroomError(ErrorCode.PROFILE_RULE_VIOLATION, `${field}: ${message}`, { field });
}

/** Length in characters as Apple counts them (code points), so an emoji is one, not two. */
function characters(text: string): number {
  return [...text].length;
}

function requiredText(value: string, field: string, max: number): string {
  const text = checkStorableText(field, value.trim());
  if (characters(text) < 1 || characters(text) > max) throw badInput(field, `must be 1 to ${max} characters.`);
  return text;
}

function optionalText(value: string | null | undefined, field: string, max: number): string | null {
  const text = value?.trim() || null;
  if (text !== null) checkStorableText(field, text);
  if (text !== null && characters(text) > max) throw badInput(field, `must be at most ${max} characters.`);
  return text;
}

function oneOf<T extends string>(value: T, allowed: Record<string, T>, field: string): T {
  if (!Object.values(allowed).includes(value)) throw badInput(field, `must be one of ${Object.values(allowed).join(', ')}.`);
  return value;
}

const PEM_CERTIFICATE = /-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g;

/**
 * Reads configurator certificates: each entry is PEM (one or more certificates) or the base64 of
 * one DER certificate. Returns PEM, duplicates (by SHA-256 of the DER) dropped.
 */
export function readCertificates(entries: readonly string[], field: string): string[] {
  const seen = new Set<string>();
  const pems: string[] = [];
  entries.forEach((entry, index) => {
    const where = `${field}.${index}`;
    const blocks = entry.match(PEM_CERTIFICATE);
    const ders: Buffer[] = blocks
      ? blocks.map((block) => Buffer.from(block.replace(/-----(BEGIN|END) CERTIFICATE-----|\s/g, ''), 'base64'))
      : /^[A-Za-z0-9+/=\s]+$/.test(entry.trim())
        ? [Buffer.from(entry.replace(/\s/g, ''), 'base64')]
        : [];
    if (ders.length === 0)
      throw badInput(where, 'is not an X.509 certificate: paste it as PEM (-----BEGIN CERTIFICATE-----) or as base64 DER.');
    for (const der of ders) {
      let certificate: X509Certificate;
      try {
        certificate = new X509Certificate(der);
      } catch {
        throw badInput(where, 'is not a readable X.509 certificate (PEM or base64 DER).');
      }
      const fingerprint = createHash('sha256').update(certificate.raw).digest('hex');
      if (seen.has(fingerprint)) continue;
      seen.add(fingerprint);
      pems.push(certificate.toString().replace(/\r\n/g, '\n'));
    }
  });
  return pems;
}

/** Base64 DER of a PEM certificate, as Apple's `supervising_host_certs` wants it. */
export function derBase64(pem: string): string {
  return new X509Certificate(pem).raw.toString('base64');
}

/**
 * Checks a complete set of settings. Input errors (`BAD_USER_INPUT`) come first, field by
 * field; then the rules between settings (`PROFILE_RULE_VIOLATION`), in the seed's order.
 */
export function checkSettings(input: ProfileSettingsInput): ProfileSettings {
  const name = requiredText(input.name, 'name', PROFILE_LIMITS.name);
  const description = optionalText(input.description, 'description', PROFILE_LIMITS.description);
  const userAffinity = oneOf(input.userAffinity, UserAffinity, 'userAffinity');
  const pairing = oneOf(input.pairing, PairingMode, 'pairing');
  const departmentName = optionalText(input.departmentName, 'departmentName', PROFILE_LIMITS.departmentName);
  const departmentPhone = optionalText(input.departmentPhone, 'departmentPhone', PROFILE_LIMITS.departmentPhone);
  const panes = new Set(input.skippedPanes.map((value, index) => oneOf(value, SetupAssistantPane, `skippedPanes.${index}`)));
  const skipSetupItems = Object.values(SetupAssistantPane)
    .filter((value) => panes.has(value))
    .map((value) => SETUP_ASSISTANT_PANES[value].appleKey);
  const maximumCachedUsers = input.maximumCachedUsers ?? null;
  const { min, max } = PROFILE_LIMITS.maximumCachedUsers;
  if (maximumCachedUsers !== null && (!Number.isInteger(maximumCachedUsers) || maximumCachedUsers < min || maximumCachedUsers > max)) {
    throw badInput('maximumCachedUsers', `must be a whole number from ${min} to ${max}.`);
  }
  const configuratorCertificates = readCertificates(input.configuratorCertificates ?? [], 'configuratorCertificates');

  if (input.lockedEnrollment && !input.supervised) {
    throw ruleViolation('lockedEnrollment', 'locked enrollment requires supervised; turn supervised on, or locked enrollment off.');
  }
  if (input.sharedIPad && userAffinity !== UserAffinity.WITH_USER_AFFINITY) {
    throw ruleViolation('sharedIPad', 'Shared iPad requires userAffinity WITH_USER_AFFINITY.');
  }
  if (input.sharedIPad && !input.supervised) throw ruleViolation('sharedIPad', 'Shared iPad requires supervised.');
  if (maximumCachedUsers !== null && !input.sharedIPad) {
    throw ruleViolation('maximumCachedUsers', 'maximum cached users applies to Shared iPad only; turn Shared iPad on, or clear it.');
  }
  const isReturnToService = input.isReturnToService ?? false;
  // Apple: a device comes back by itself only when supervised (the ReturnToService check-in requires it).
  if (isReturnToService && !input.supervised) throw ruleViolation('isReturnToService', 'Return to Service requires supervised.');
  if (pairing === PairingMode.ALLOW_CONFIGURATOR_BY_CERTIFICATE) {
    if (configuratorCertificates.length === 0) {
      throw ruleViolation(
        'configuratorCertificates',
        'pairing ALLOW_CONFIGURATOR_BY_CERTIFICATE requires at least one Apple Configurator certificate.',
      );
    }
    if (configuratorCertificates.length > PROFILE_LIMITS.configuratorCertificates) {
      throw ruleViolation('configuratorCertificates', `at most ${PROFILE_LIMITS.configuratorCertificates} certificates.`);
    }
  } else if (configuratorCertificates.length > 0) {
    throw ruleViolation(
      'configuratorCertificates',
      `certificates apply to pairing ALLOW_CONFIGURATOR_BY_CERTIFICATE only, not ${pairing}.`,
    );
  }
  return {
    name,
    description,
    userAffinity,
    supervised: input.supervised,
    lockedEnrollment: input.lockedEnrollment,
    sharedIPad: input.sharedIPad,
    maximumCachedUsers,
    pairing,
    configuratorCertificates,
    awaitDeviceConfigured: input.awaitDeviceConfigured,
    departmentName,
    departmentPhone,
    skipSetupItems,
    identityKind: input.identityKind == null ? null : oneOf(input.identityKind, DeviceIdentityKind, 'identityKind'),
    isReturnToService,
  };
}

/**
 * What a change asks for, field by field: `undefined` keeps the current value; `null` clears the
 * fields that can be empty (description, maximumCachedUsers, department name and phone) and keeps
 * the others.
 */
export type ProfileSettingsChanges = { readonly [K in keyof ProfileSettingsInput]?: ProfileSettingsInput[K] | null };

/** The merged settings of a change, and whether Shared iPad had to be turned off (seed 002's note). */
export interface MergedSettings {
  readonly input: ProfileSettingsInput;
  readonly sharedIPadTurnedOff: boolean;
}

/**
 * Applies a change to the current settings. A change of pairing to a mode without certificates
 * drops the stored certificates. When the change turns user affinity or supervision
 * off on a Shared iPad profile without asking for Shared iPad itself, Shared iPad (and its
 * maximum cached users) goes off too, as the seed says; asking for both at once is left to
 * {@link checkSettings} to refuse, because then the caller meant the contradiction.
 */
export function mergeSettings(current: ProfileSettingsInput, changes: ProfileSettingsChanges): MergedSettings {
  const keep = <K extends keyof ProfileSettingsInput>(key: K): ProfileSettingsInput[K] => {
    const value = changes[key];
    return (value === undefined || value === null ? current[key] : value) as ProfileSettingsInput[K];
  };
  const clearable = <K extends 'description' | 'maximumCachedUsers' | 'departmentName' | 'departmentPhone' | 'identityKind'>(key: K) =>
    changes[key] === undefined ? current[key] : changes[key];
  const merged: { -readonly [K in keyof ProfileSettingsInput]: ProfileSettingsInput[K] } = {
    name: keep('name'),
    description: clearable('description'),
    userAffinity: keep('userAffinity'),
    supervised: keep('supervised'),
    lockedEnrollment: keep('lockedEnrollment'),
    sharedIPad: keep('sharedIPad'),
    maximumCachedUsers: clearable('maximumCachedUsers'),
    pairing: keep('pairing'),
    configuratorCertificates: keep('configuratorCertificates'),
    awaitDeviceConfigured: keep('awaitDeviceConfigured'),
    departmentName: clearable('departmentName'),
    departmentPhone: clearable('departmentPhone'),
    skippedPanes: keep('skippedPanes'),
    identityKind: clearable('identityKind'),
    isReturnToService: keep('isReturnToService'),
  };
  // Certificates only mean something to certificate pairing: a change to another mode drops them
  // unless it names some itself (then checkSettings refuses, as the caller meant them).
  if (
    changes.pairing !== undefined &&
    changes.pairing !== null &&
    changes.pairing !== PairingMode.ALLOW_CONFIGURATOR_BY_CERTIFICATE &&
    (changes.configuratorCertificates === undefined || changes.configuratorCertificates === null)
  ) {
    merged.configuratorCertificates = [];
  }
  const requirementDropped =
    (changes.userAffinity === UserAffinity.WITHOUT_USER_AFFINITY && current.userAffinity === UserAffinity.WITH_USER_AFFINITY) ||
    (changes.supervised === false && current.supervised);
  const sharedIPadAsked = changes.sharedIPad !== undefined && changes.sharedIPad !== null;
  if (current.sharedIPad && requirementDropped && !sharedIPadAsked) {
    // An explicit maximumCachedUsers in the same change asks for Shared iPad: left for checkSettings to refuse.
    const cachedUsersAsked = changes.maximumCachedUsers !== undefined && changes.maximumCachedUsers !== null;
    return {
      input: { ...merged, sharedIPad: false, maximumCachedUsers: cachedUsersAsked ? merged.maximumCachedUsers : null },
      sharedIPadTurnedOff: true,
    };
  }
  return { input: merged, sharedIPadTurnedOff: false };
}

/**
 * Apple's define-profile body. `is_mandatory` is always true (every ADE enrollment is mandatory
 * since iOS 13, and Homeroom manages nothing else); maximum cached users is Homeroom's own
 * (sent to the device later as `MaximumResidentUsers`), so it is not here.
 */
export function depProfileOf(settings: ProfileSettings, enrollmentUrl: string): DepProfile {
  const profile: DepProfile = {
    profile_name: settings.name,
    url: enrollmentUrl,
    is_supervised: settings.supervised,
    is_mdm_removable: !settings.lockedEnrollment,
    is_multi_user: settings.sharedIPad,
    is_mandatory: true,
    await_device_configured: settings.awaitDeviceConfigured,
    allow_pairing: settings.pairing === PairingMode.ALLOW_ALL,
    skip_setup_items: settings.skipSetupItems,
  };
  if (settings.isReturnToService) profile.is_return_to_service = true;
  if (settings.pairing === PairingMode.ALLOW_CONFIGURATOR_BY_CERTIFICATE) {
    profile.supervising_host_certs = settings.configuratorCertificates.map(derBase64);
  }
  if (settings.departmentName !== null) profile.department = settings.departmentName;
  if (settings.departmentPhone !== null) profile.support_phone_number = settings.departmentPhone;
  return profile;
}
