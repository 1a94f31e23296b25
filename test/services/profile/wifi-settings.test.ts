import { describe, expect, it } from 'vitest';
import { WifiSecurity } from '../../../src/entities/enrollment-profile.entity.js';
import { checkSettings, depProfileOf } from '../../../src/services/profile/profile-settings.js';
import { checkWifi } from '../../../src/services/profile/wifi-settings.js';
import { cartProfile } from '../../support/tokens.js';

const refusal = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    const { code, details } = error as { code: string; details: { field?: string } };
    return { code, field: details.field };
  }
  throw new Error('not refused');
};

describe('checkWifi', () => {
  it('takes a WPA2 or WPA3 network with a passphrase, a WPA2 hex key, and an open network without a password', () => {
    expect(checkWifi({ ssid: 'Carts', security: WifiSecurity.WPA2, password: 'correct horse' })).toEqual({
      ssid: 'Carts',
      security: WifiSecurity.WPA2,
      password: 'correct horse',
    });
    expect(checkWifi({ ssid: 'Carts', security: WifiSecurity.WPA3, password: 'x'.repeat(63) }).password).toHaveLength(63);
    expect(checkWifi({ ssid: 'Carts', security: WifiSecurity.WPA2, password: 'ab'.repeat(32) }).password).toHaveLength(64);
    expect(checkWifi({ ssid: 'Guest', security: WifiSecurity.NONE, password: null })).toEqual({
      ssid: 'Guest',
      security: WifiSecurity.NONE,
      password: null,
    });
  });

  it('counts the SSID in UTF-8 bytes (1 to 32) and refuses longer or empty ones with BAD_USER_INPUT on ssid', () => {
    expect(checkWifi({ ssid: 'é'.repeat(16), security: WifiSecurity.NONE }).ssid).toHaveLength(16);
    expect(refusal(() => checkWifi({ ssid: 'é'.repeat(17), security: WifiSecurity.NONE }))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'ssid',
    });
    expect(refusal(() => checkWifi({ ssid: '', security: WifiSecurity.NONE }))).toEqual({ code: 'BAD_USER_INPUT', field: 'ssid' });
    expect(refusal(() => checkWifi({ ssid: 'two\nlines', security: WifiSecurity.NONE }))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'ssid',
    });
  });

  it('refuses an unknown security with BAD_USER_INPUT on security', () => {
    expect(refusal(() => checkWifi({ ssid: 'Carts', security: 'WEP' as WifiSecurity, password: '12345678' }))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'security',
    });
  });

  it('refuses a missing, short, long or non-ASCII password, and a password on an open network, with BAD_USER_INPUT on password', () => {
    const bad = [
      { ssid: 'Carts', security: WifiSecurity.WPA2 },
      { ssid: 'Carts', security: WifiSecurity.WPA2, password: 'short' },
      { ssid: 'Carts', security: WifiSecurity.WPA3, password: 'x'.repeat(64) },
      { ssid: 'Carts', security: WifiSecurity.WPA2, password: 'mot de passe é' },
      { ssid: 'Carts', security: WifiSecurity.WPA3, password: 'ab'.repeat(32) },
      { ssid: 'Guest', security: WifiSecurity.NONE, password: 'open sesame' },
    ];
    for (const input of bad) expect(refusal(() => checkWifi(input))).toEqual({ code: 'BAD_USER_INPUT', field: 'password' });
  });
});

describe('isReturnToService in the profile settings', () => {
  it('is sent to Apple as is_return_to_service only when on', () => {
    const on = checkSettings({ ...cartProfile('Loan carts'), isReturnToService: true });
    expect(depProfileOf(on, 'https://homeroom.example/mdm/enroll/k')).toMatchObject({ is_return_to_service: true });
    const off = checkSettings(cartProfile('Carts'));
    expect(off.isReturnToService).toBe(false);
    expect(depProfileOf(off, 'https://homeroom.example/mdm/enroll/k')).not.toHaveProperty('is_return_to_service');
  });

  it('requires supervised: PROFILE_RULE_VIOLATION on isReturnToService', () => {
    expect(refusal(() => checkSettings({ ...cartProfile('Loan carts'), supervised: false, isReturnToService: true }))).toEqual({
      code: 'PROFILE_RULE_VIOLATION',
      field: 'isReturnToService',
    });
  });
});
