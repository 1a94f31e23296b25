/**
 * Roles and permissions, after Intune's "Enrollment programs" permission split.
 *
 * Intune grants Create/Read/Update/Delete on tokens and profiles and Read on devices; Homeroom
 * adds `DEVICE_SYNC` and `PROFILE_ASSIGN` as their own permissions so an OPERATOR can run the
 * first-day-of-term work (sync, assign) without being able to change tokens or profiles, plus
 * the permissions that guard Homeroom itself (API keys, audit log). Resolvers name the
 * permission an operation needs; roles are fixed bundles of them.
 */
import { wordsOfKeys } from './words.js';

export const PERMISSION_DESCRIPTIONS = {
  TOKEN_READ: 'Read enrollment program tokens.',
  TOKEN_CREATE: 'Upload tokens and generate the public key ASM needs.',
  TOKEN_UPDATE: 'Renew and rename tokens; share a token with School Data Sync.',
  TOKEN_DELETE: 'Delete tokens.',
  PROFILE_READ: 'Read enrollment profiles.',
  PROFILE_CREATE: 'Create enrollment profiles.',
  PROFILE_UPDATE: 'Change enrollment profiles and the default profile.',
  PROFILE_DELETE: 'Delete enrollment profiles.',
  PROFILE_ASSIGN: 'Assign and unassign profiles to devices.',
  DEVICE_READ: 'Read devices, sync runs and enrollment state.',
  DEVICE_SYNC: 'Start a device sync with Apple.',
  DEVICE_ERASE: 'Erase an enrolled device, with Return to Service or without.',
  API_KEY_MANAGE: 'Create, list and revoke API keys.',
  AUDIT_READ: 'Read the audit log.',
  USER_MANAGE: 'Read, create, change, delete and import the directory users (students and teachers) who sign in on iPads.',
  REHEARSAL_RUN: 'Start a rehearsal: virtual iPads of a token power on and enroll (only with the built-in Apple simulator).',
} satisfies Record<string, string>;

export const Permission = wordsOfKeys(PERMISSION_DESCRIPTIONS);
export type Permission = (typeof Permission)[keyof typeof Permission];

const READ: readonly Permission[] = [Permission.TOKEN_READ, Permission.PROFILE_READ, Permission.DEVICE_READ];

export const ROLE_DESCRIPTIONS = {
  ADMIN: 'Everything, including API key management, the user directory and the audit log.',
  OPERATOR: 'Reads tokens, profiles and devices; syncs devices; assigns and unassigns profiles; starts rehearsals (development).',
  READ_ONLY: 'Reads tokens, profiles and devices; changes nothing.',
};

export const Role = wordsOfKeys(ROLE_DESCRIPTIONS);
export type Role = (typeof Role)[keyof typeof Role];

export const ROLE_PERMISSIONS: Record<Role, ReadonlySet<Permission>> = {
  ADMIN: new Set(Object.values(Permission)),
  // A rehearsal is first-day-of-term work, like a sync or an assignment, and exists only with the simulator.
  OPERATOR: new Set([...READ, Permission.DEVICE_SYNC, Permission.PROFILE_ASSIGN, Permission.REHEARSAL_RUN]),
  READ_ONLY: new Set(READ),
};

export function permissionsOf(role: Role): Permission[] {
  // Listed in declaration order, so `viewer.permissions` is stable for clients and snapshots.
  return Object.values(Permission).filter((p) => ROLE_PERMISSIONS[role].has(p));
}

export function parseRole(value: string): Role | undefined {
  const normalized = value.trim().toUpperCase().replace(/-/g, '_');
  return (Object.values(Role) as string[]).includes(normalized) ? (normalized as Role) : undefined;
}
