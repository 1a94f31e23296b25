/**
 * Roles and permissions, after Intune's "Enrollment programs" permission split.
 *
 * Intune grants Create/Read/Update/Delete on tokens and profiles and Read on devices; Homeroom
 * adds `DEVICE_SYNC` and `PROFILE_ASSIGN` as their own permissions so an OPERATOR can run the
 * first-day-of-term work (sync, assign) without being able to change tokens or profiles, plus
 * the permissions that guard Homeroom itself (API keys, audit log). Resolvers name the
 * permission an operation needs; roles are fixed bundles of them.
 */
export enum Role {
  ADMIN = 'ADMIN',
  OPERATOR = 'OPERATOR',
  READ_ONLY = 'READ_ONLY',
}

export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  [Role.ADMIN]: 'Everything, including API key management, the user directory and the audit log.',
  [Role.OPERATOR]: 'Reads tokens, profiles and devices; syncs devices; assigns and unassigns profiles; starts rehearsals (development).',
  [Role.READ_ONLY]: 'Reads tokens, profiles and devices; changes nothing.',
};

export enum Permission {
  TOKEN_READ = 'TOKEN_READ',
  TOKEN_CREATE = 'TOKEN_CREATE',
  TOKEN_UPDATE = 'TOKEN_UPDATE',
  TOKEN_DELETE = 'TOKEN_DELETE',
  PROFILE_READ = 'PROFILE_READ',
  PROFILE_CREATE = 'PROFILE_CREATE',
  PROFILE_UPDATE = 'PROFILE_UPDATE',
  PROFILE_DELETE = 'PROFILE_DELETE',
  PROFILE_ASSIGN = 'PROFILE_ASSIGN',
  DEVICE_READ = 'DEVICE_READ',
  DEVICE_SYNC = 'DEVICE_SYNC',
  DEVICE_ERASE = 'DEVICE_ERASE',
  API_KEY_MANAGE = 'API_KEY_MANAGE',
  AUDIT_READ = 'AUDIT_READ',
  USER_MANAGE = 'USER_MANAGE',
  REHEARSAL_RUN = 'REHEARSAL_RUN',
}

export const PERMISSION_DESCRIPTIONS: Record<Permission, string> = {
  [Permission.TOKEN_READ]: 'Read enrollment program tokens.',
  [Permission.TOKEN_CREATE]: 'Upload tokens and generate the public key ASM needs.',
  [Permission.TOKEN_UPDATE]: 'Renew and rename tokens; share a token with School Data Sync.',
  [Permission.TOKEN_DELETE]: 'Delete tokens.',
  [Permission.PROFILE_READ]: 'Read enrollment profiles.',
  [Permission.PROFILE_CREATE]: 'Create enrollment profiles.',
  [Permission.PROFILE_UPDATE]: 'Change enrollment profiles and the default profile.',
  [Permission.PROFILE_DELETE]: 'Delete enrollment profiles.',
  [Permission.PROFILE_ASSIGN]: 'Assign and unassign profiles to devices.',
  [Permission.DEVICE_READ]: 'Read devices, sync runs and enrollment state.',
  [Permission.DEVICE_SYNC]: 'Start a device sync with Apple.',
  [Permission.DEVICE_ERASE]: 'Erase an enrolled device, with Return to Service or without.',
  [Permission.API_KEY_MANAGE]: 'Create, list and revoke API keys.',
  [Permission.AUDIT_READ]: 'Read the audit log.',
  [Permission.USER_MANAGE]: 'Read, create, change, delete and import the directory users (students and teachers) who sign in on iPads.',
  [Permission.REHEARSAL_RUN]: 'Start a rehearsal: virtual iPads of a token power on and enroll (only with the built-in Apple simulator).',
};

const READ: readonly Permission[] = [Permission.TOKEN_READ, Permission.PROFILE_READ, Permission.DEVICE_READ];

export const ROLE_PERMISSIONS: Record<Role, ReadonlySet<Permission>> = {
  [Role.ADMIN]: new Set(Object.values(Permission)),
  // A rehearsal is first-day-of-term work, like a sync or an assignment, and exists only with the simulator.
  [Role.OPERATOR]: new Set([...READ, Permission.DEVICE_SYNC, Permission.PROFILE_ASSIGN, Permission.REHEARSAL_RUN]),
  [Role.READ_ONLY]: new Set(READ),
};

export function permissionsOf(role: Role): Permission[] {
  // Listed in declaration order, so `viewer.permissions` is stable for clients and snapshots.
  return Object.values(Permission).filter((p) => ROLE_PERMISSIONS[role].has(p));
}

export function parseRole(value: string): Role | undefined {
  const normalized = value.trim().toUpperCase().replace(/-/g, '_');
  return (Object.values(Role) as string[]).includes(normalized) ? (normalized as Role) : undefined;
}
