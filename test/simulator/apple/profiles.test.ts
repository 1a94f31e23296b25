import { describe, expect, it } from 'vitest';
import { validateProfile } from '../../../src/simulator/apple/profiles.js';

describe('validateProfile', () => {
  it('keeps the known keys of a valid profile and hands back the devices separately', () => {
    const result = validateProfile({
      profile_name: 'Ω'.repeat(125),
      url: 'https://h.example/e',
      is_supervised: true,
      is_mdm_removable: false,
      devices: ['A', 'B'],
      unknown_key: 1,
    });
    expect(result).toEqual({
      ok: true,
      body: { profile_name: 'Ω'.repeat(125), url: 'https://h.example/e', is_supervised: true, is_mdm_removable: false },
      devices: ['A', 'B'],
    });
  });

  it('reports the first problem in the documented order', () => {
    expect(validateProfile({ url: 'bad', is_mdm_removable: false })).toEqual({ ok: false, code: 'CONFIG_NAME_REQUIRED' });
    expect(validateProfile({ profile_name: 'P', url: 'ftp://h.example' })).toEqual({ ok: false, code: 'CONFIG_URL_INVALID' });
    expect(validateProfile({ profile_name: 'P', url: 'https://h', configuration_web_url: 'nope' })).toEqual({
      ok: false,
      code: 'CONFIG_URL_INVALID',
    });
    expect(validateProfile({ profile_name: 'P', url: 'https://h', is_supervised: 'yes' })).toEqual({ ok: false, code: 'FLAGS_INVALID' });
    expect(validateProfile({ profile_name: 'P', url: 'https://h', skip_setup_items: 'Siri' })).toEqual({
      ok: false,
      code: 'MALFORMED_REQUEST_BODY',
    });
    expect(validateProfile([1])).toEqual({ ok: false, code: 'MALFORMED_REQUEST_BODY' });
  });
});
