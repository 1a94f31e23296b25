import { describe, expect, it } from 'vitest';
import { maximumResidentUsersOf } from '../../../src/services/enrollment/resident-users.js';
import { basicCredentials } from '../../../src/services/enrollment/user-sign-in.js';

const basic = (text: string) => `Basic ${Buffer.from(text).toString('base64')}`;

describe('basicCredentials', () => {
  it('reads username and password, the password may hold colons and any UTF-8', () => {
    expect(basicCredentials(basic('a.lee@school.example:p:ss wörd'))).toEqual({ username: 'a.lee@school.example', password: 'p:ss wörd' });
    expect(basicCredentials(`  basic ${Buffer.from('u:p').toString('base64')}  `)).toEqual({ username: 'u', password: 'p' });
  });

  it('is null without a header, for another scheme, without a colon or without a username', () => {
    expect(basicCredentials(undefined)).toBeNull();
    expect(basicCredentials('Bearer abc')).toBeNull();
    expect(basicCredentials(basic('no-colon'))).toBeNull();
    expect(basicCredentials(basic(':only-password'))).toBeNull();
    expect(basicCredentials('Basic !!!')).toBeNull();
  });
});

describe('maximumResidentUsersOf', () => {
  it('finds MaximumResidentUsers among a Settings command items, and is null for other settings', () => {
    expect(
      maximumResidentUsersOf({
        RequestType: 'Settings',
        Settings: [
          { Item: 'DeviceName', DeviceName: 'x' },
          { Item: 'MaximumResidentUsers', MaximumResidentUsers: 3 },
        ],
      }),
    ).toBe(3);
    expect(maximumResidentUsersOf({ RequestType: 'Settings', Settings: [{ Item: 'DeviceName', DeviceName: 'x' }] })).toBeNull();
    expect(maximumResidentUsersOf({ RequestType: 'DeviceConfigured' })).toBeNull();
  });
});
