/**
 * The rehearsal's pure parts: which devices a seed picks and faults, and the stages read from a
 * trace. The runner itself runs against a real Homeroom in test/e2e/rehearsal.e2e.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { percentile, planScenario, stageDurations, type TokenDevice, type TraceEntry } from '../../../src/simulator/device/index.js';

const devices: TokenDevice[] = Array.from({ length: 60 }, (_, i) => ({
  serialNumber: `SERIAL${String(i).padStart(3, '0')}`,
  hasProfile: i < 50,
  userAffinity: i < 40,
}));

describe('planScenario', () => {
  it('picks the same devices and faults for the same seed, and others for another seed', () => {
    const a = planScenario(devices, { count: 30, seed: 7, faults: { wrongPassword: 5, networkFailures: 3 } });
    const b = planScenario(devices, { count: 30, seed: 7, faults: { wrongPassword: 5, networkFailures: 3 } });
    const c = planScenario(devices, { count: 30, seed: 8, faults: { wrongPassword: 5, networkFailures: 3 } });
    expect(a.picked.map((d) => d.serialNumber)).toEqual(b.picked.map((d) => d.serialNumber));
    expect([...a.wrongPassword]).toEqual([...b.wrongPassword]);
    expect(a.picked.map((d) => d.serialNumber)).not.toEqual(c.picked.map((d) => d.serialNumber));
    expect(new Set(a.picked.map((d) => d.serialNumber)).size).toBe(30);
  });

  it('puts wrong passwords only on devices whose profile asks for a user, and never two faults on one device', () => {
    const plan = planScenario(devices, { seed: 3, faults: { wrongPassword: 12, networkFailures: 30 } });
    const bySerial = new Map(devices.map((d) => [d.serialNumber, d]));
    expect(plan.picked).toHaveLength(60);
    expect(plan.wrongPassword.size).toBe(12);
    expect([...plan.wrongPassword].every((serial) => bySerial.get(serial)!.userAffinity)).toBe(true);
    expect(plan.networkFailures.size).toBe(30);
    expect([...plan.networkFailures].some((serial) => plan.wrongPassword.has(serial))).toBe(false);
  });

  it('caps the count and the faults at what there is', () => {
    const plan = planScenario(devices.slice(0, 5), { count: 50, faults: { wrongPassword: 9, networkFailures: 9 } });
    expect(plan.picked).toHaveLength(5);
    expect(plan.wrongPassword.size).toBe(5);
    expect(plan.networkFailures.size).toBe(0);
  });
});

describe('stageDurations', () => {
  const at = (ms: number) => new Date(1_000_000 + ms);
  const entry = (step: TraceEntry['step'], ms: number, detail?: Record<string, unknown>): TraceEntry =>
    detail ? { step, at: at(ms), detail } : { step, at: at(ms) };

  it('reads every stage of a held, managed power-on', () => {
    const run = [
      entry('POWER_ON', 0),
      entry('PANE', 0),
      entry('NETWORK', 1),
      entry('ACTIVATION_LOOKUP', 11),
      entry('REMOTE_MANAGEMENT', 11),
      entry('MACHINE_INFO_POSTED', 20, { status: 401 }),
      entry('USER_SIGN_IN', 20),
      entry('MACHINE_INFO_POSTED', 60, { status: 200 }),
      entry('PROFILE_INSTALLED', 70),
      entry('CHECK_IN', 75, { messageType: 'Authenticate', status: 200 }),
      entry('CHECK_IN', 80, { messageType: 'TokenUpdate', status: 200 }),
      entry('CONNECT', 90),
      entry('DEVICE_CONFIGURED', 130),
      entry('CONNECT', 131),
      entry('PANE', 132),
      entry('PANE', 132),
      entry('HOME', 133),
    ];
    expect(stageDurations(run)).toEqual({
      hello: 1,
      activation: 10,
      enrollment: 59,
      checkIn: 10,
      awaitingConfiguration: 50,
      setupAssistant: 2,
      total: 133,
    });
  });

  it('counts only the stages a failed or unmanaged run got through', () => {
    const failed = [entry('POWER_ON', 0), entry('NETWORK', 2), entry('ACTIVATION_FAILED', 5)];
    expect(stageDurations(failed)).toEqual({ hello: 2, total: 5 });
    const unmanaged = [entry('POWER_ON', 0), entry('NETWORK', 0), entry('ACTIVATION_LOOKUP', 4), entry('PANE', 4), entry('HOME', 6)];
    expect(stageDurations(unmanaged)).toEqual({ hello: 0, activation: 4, setupAssistant: 2, total: 6 });
  });

  it('takes nearest-rank percentiles', () => {
    const values = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(percentile(values, 0.5)).toBe(50);
    expect(percentile(values, 0.95)).toBe(95);
    expect(percentile([], 0.5)).toBe(0);
    expect(percentile([7], 0.95)).toBe(7);
  });
});
