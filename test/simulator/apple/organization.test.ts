import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  generateOrderDevices,
  generateOrganization,
  IPAD_MODELS,
  orderNumber,
  SERIAL_ALPHABET,
} from '../../../src/simulator/apple/organization.js';
import { SeededRandom } from '../../../src/simulator/apple/random.js';

describe('generateOrganization', () => {
  it('makes the same ASM school for the same seed, with org_id_hash the SHA-256 of org_id and people in its domain', () => {
    const org = generateOrganization(SeededRandom.fromSeed(4, 'organization'));
    expect(generateOrganization(SeededRandom.fromSeed(4, 'organization'))).toEqual(org);
    expect(org).toMatchObject({ org_type: 'edu', org_version: 'v2' });
    expect(org.org_id).toMatch(/^\d{7}$/);
    expect(org.org_id_hash).toBe(createHash('sha256').update(org.org_id).digest('hex'));
    expect(org.org_email.endsWith(`@${org.domain}`)).toBe(true);
    expect(org.people.length).toBeGreaterThanOrEqual(4);
    expect(org.people.every((person) => person.endsWith(`@${org.domain}`))).toBe(true);
  });

  it('lets overrides win and derives the hash from an overridden org_id', () => {
    const org = generateOrganization(SeededRandom.fromSeed(4, 'organization'), {
      org_name: 'Test Academy',
      org_id: '1234567',
      domain: 'test.example',
    });
    expect(org.org_name).toBe('Test Academy');
    expect(org.org_id_hash).toBe(createHash('sha256').update('1234567').digest('hex'));
    expect(org.people.every((person) => person.endsWith('@test.example'))).toBe(true);
  });
});

describe('generateOrderDevices', () => {
  it('makes unique 12-character serials from the Apple-like alphabet, one model per order, one or two colours', () => {
    const taken = new Set<string>();
    const random = SeededRandom.fromSeed(1, 'orders');
    const { model, devices } = generateOrderDevices(random, { count: 20_000 }, taken);
    expect(taken.size).toBe(20_000);
    const pattern = new RegExp(`^[${SERIAL_ALPHABET}]{12}$`);
    expect(devices.every((device) => pattern.test(device.serial))).toBe(true);
    expect(new Set(devices.map((device) => device.serial.slice(0, 3))).size).toBe(1);
    expect(devices.every((device) => device.sku.model === model && device.sku.deviceFamily === 'iPad')).toBe(true);
    expect(new Set(devices.map((device) => device.sku.color)).size).toBeLessThanOrEqual(2);
    const line = IPAD_MODELS.find((candidate) => candidate.model === model)!;
    expect(devices[0]!.sku.description).toMatch(new RegExp(`^${line.line} WI-FI( \\+ CELLULAR)? \\d+GB ${devices[0]!.sku.color}$`));
  });

  it('never reissues a taken serial and honours a requested model', () => {
    const taken = new Set<string>();
    const first = generateOrderDevices(SeededRandom.fromSeed(1, 'o'), { count: 100 }, taken);
    const again = generateOrderDevices(SeededRandom.fromSeed(1, 'o'), { count: 100, model: 'iPad mini (6th generation)' }, taken);
    expect(taken.size).toBe(200);
    expect(again.model).toBe('iPad mini (6th generation)');
    expect(first.devices.some((d) => again.devices.some((e) => e.serial === d.serial))).toBe(false);
    expect(() => generateOrderDevices(SeededRandom.fromSeed(1, 'o'), { count: 1, model: 'iPod' }, taken)).toThrow(RangeError);
  });

  it('numbers orders ORD-<year>-<four digits>', () => {
    expect(orderNumber(2026, 1)).toBe('ORD-2026-0001');
    expect(orderNumber(2027, 12345)).toBe('ORD-2027-12345');
  });
});
