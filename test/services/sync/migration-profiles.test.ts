import { describe, expect, it } from 'vitest';
import { migrationProfileOf } from '../../../src/services/sync/migration-profiles.js';

describe('the profile a migrating device gets', () => {
  const profiles = [
    { id: 1, appleProfileUuid: 'u1', awaitDeviceConfigured: false },
    { id: 2, appleProfileUuid: 'u2', awaitDeviceConfigured: true },
    { id: 3, appleProfileUuid: 'u3', awaitDeviceConfigured: true },
  ];

  it('is the scheduled one, else the default one when it awaits configuration, else the first that does', () => {
    expect(migrationProfileOf(3, profiles, 2)?.id).toBe(3);
    expect(migrationProfileOf(null, profiles, 3)?.id).toBe(3);
    expect(migrationProfileOf(null, profiles, 1)?.id).toBe(2);
    expect(migrationProfileOf(1, profiles, null)?.id).toBe(2);
  });

  it('is none when no profile of the token awaits configuration', () => {
    expect(migrationProfileOf(null, [profiles[0]!], 1)).toBeNull();
  });
});
