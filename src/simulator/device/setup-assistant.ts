/**
 * Setup Assistant's panes, as data (reference: device-enrollment.md section 3). Two tables:
 *
 * - the Hello panes, shown before the device has asked Apple for its cloud configuration, so no
 *   skip key can hide them then (Apple's schema says so of Keyboard, SpokenLanguage and
 *   TermsOfAddress; Language and Region come first on every device);
 * - the panes after enrollment (or, on a device nobody manages, after the network), each named by
 *   its skip key, in an order of ours: no public source gives iPadOS's exact order, so this is the
 *   reference's working assumption, extended with the later keys it lists.
 *
 * A pane is shown unless its key is in the cloud configuration's `SkipSetup`, its prerequisite
 * pane was not shown (`Android` is a choice inside `Restore`; Lockdown Mode is offered only once
 * an Apple Account is signed in), or the iPadOS version predates it. Unknown skip keys are
 * accepted and ignored, as Apple's Define Profile does.
 */

/** A pane and the skip key that hides it. */
export interface SetupPane {
  /** The skip key (`skip_setup_items`), also the name the trace uses. */
  readonly key: string;
  /** What the iPad shows. */
  readonly title: string;
  /** Shown only if this pane was shown. */
  readonly requires?: string;
  /** The first iPadOS version with the pane. */
  readonly since?: string;
}

/** Shown before the cloud configuration is known, on every device: never skipped. */
export const HELLO_PANES: readonly SetupPane[] = [
  { key: 'Language', title: 'Language' },
  { key: 'Region', title: 'Select Your Country or Region' },
  { key: 'Keyboard', title: 'Keyboards', since: '13.0' },
  { key: 'SpokenLanguage', title: 'Dictation', since: '13.0' },
  { key: 'TermsOfAddress', title: 'Terms of Address', since: '16.0' },
];

/** The panes after enrollment, in the order this simulator shows them. */
export const SETUP_PANES: readonly SetupPane[] = [
  { key: 'Passcode', title: 'Create a Passcode' },
  { key: 'Biometric', title: 'Touch ID / Face ID', since: '8.1' },
  { key: 'Restore', title: 'Apps & Data' },
  { key: 'Android', title: 'Move from Android', requires: 'Restore', since: '9.0' },
  { key: 'AppleID', title: 'Apple Account' },
  { key: 'TOS', title: 'Terms and Conditions' },
  { key: 'Location', title: 'Location Services' },
  { key: 'Siri', title: 'Siri' },
  { key: 'ScreenTime', title: 'Screen Time', since: '12.0' },
  { key: 'Diagnostics', title: 'App Analytics' },
  { key: 'Privacy', title: 'Data & Privacy', since: '11.3' },
  { key: 'AppStore', title: 'App Store', since: '14.3' },
  { key: 'Appearance', title: 'Choose Your Look', since: '13.0' },
  { key: 'iMessageAndFaceTime', title: 'iMessage & FaceTime', since: '12.0' },
  { key: 'Intelligence', title: 'Apple Intelligence', since: '18.0' },
  { key: 'EnableLockdownMode', title: 'Lockdown Mode', requires: 'AppleID', since: '17.1' },
  { key: 'SoftwareUpdate', title: 'Software Update', since: '12.0' },
  { key: 'Welcome', title: 'Get Started', since: '13.0' },
];

/** `17.5` >= `17.1`; missing parts count as 0. */
function atLeast(version: string, since: string): boolean {
  const have = version.split('.').map(Number);
  const need = since.split('.').map(Number);
  for (let i = 0; i < Math.max(have.length, need.length); i += 1) {
    const a = have[i] ?? 0;
    const b = need[i] ?? 0;
    if (a !== b) return a > b;
  }
  return true;
}

/** The Hello panes an iPad on `osVersion` shows. */
export function helloPanes(osVersion: string): SetupPane[] {
  return HELLO_PANES.filter((pane) => pane.since === undefined || atLeast(osVersion, pane.since));
}

/** The post-enrollment panes an iPad on `osVersion` shows when `skipKeys` are skipped. */
export function remainingPanes(osVersion: string, skipKeys: readonly string[] = []): SetupPane[] {
  const skipped = new Set(skipKeys);
  const shown = new Set<string>();
  const panes: SetupPane[] = [];
  for (const pane of SETUP_PANES) {
    if (skipped.has(pane.key)) continue;
    if (pane.since !== undefined && !atLeast(osVersion, pane.since)) continue;
    if (pane.requires !== undefined && !shown.has(pane.requires)) continue;
    shown.add(pane.key);
    panes.push(pane);
  }
  return panes;
}
