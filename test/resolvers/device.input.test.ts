import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../../src/errors.js';
import { deviceFilterOf, type DeviceFilterInput } from '../../src/resolvers/device.input.js';

describe('deviceFilterOf', () => {
  it.each([
    ['serialContains', { serialContains: 'C02\0' }],
    ['serialContains', { serialContains: 'C02\uD800' }],
    ['model', { model: 'iPad\0' }],
  ] as const)('refuses a NUL byte or lone surrogate in %s with BAD_USER_INPUT naming the field', (field, input) => {
    expect(() => deviceFilterOf(input as DeviceFilterInput, 'devices.filter')).toThrow(
      expect.objectContaining({ code: ErrorCode.BAD_USER_INPUT, details: { field: `devices.filter.${field}` } }),
    );
  });

  it('keeps ordinary filter strings as given', () => {
    expect(deviceFilterOf({ serialContains: 'c02', model: 'iPad (10th generation)' } as DeviceFilterInput)).toMatchObject({
      serialContains: 'c02',
      model: 'iPad (10th generation)',
    });
  });
});
