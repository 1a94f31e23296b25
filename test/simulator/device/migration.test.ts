import { describe, expect, it } from 'vitest';
import { MigrationAssistant } from '../../../src/simulator/device/index.js';
import { deviceWorld, type DeviceWorld } from './support.js';

/** The virtual iPad's migration side without a deadline at Apple (the e2e test has the migration itself). */
describe('MigrationAssistant', () => {
  // The world's simulator and fake MDM close when each test finishes.
  let world: DeviceWorld;

  it('is enrolled elsewhere only at Home and unmanaged, and shows no prompt while Apple has no deadline', async () => {
    world = await deviceWorld();
    const ipad = await world.ipad(world.serials[0]!, { osVersion: '26.0' });
    const assistant = new MigrationAssistant(ipad, { appleUrl: world.sim.url, clock: world.clock });
    expect(() => assistant.enrollElsewhere('Previous MDM')).toThrow(/at Home and unmanaged/);
    expect(await ipad.powerOn()).toBe('HOME');
    assistant.enrollElsewhere('Previous MDM');
    expect(assistant.enrolledElsewhere).toBe('Previous MDM');
    await world.assign([ipad.serialNumber]);
    expect(await assistant.check()).toBeNull();
    expect(await assistant.tick()).toBeNull();
    await expect(assistant.migrateNow()).rejects.toThrow(/no migration waiting/);
    expect(ipad.stepsOf('MIGRATION')).toEqual([]);
  });

  it('never prompts on an iPad before iPadOS 26', async () => {
    world = await deviceWorld();
    const ipad = await world.ipad(world.serials[1]!, { osVersion: '18.6' });
    expect(await ipad.powerOn()).toBe('HOME');
    const assistant = new MigrationAssistant(ipad, { appleUrl: world.sim.url, clock: world.clock });
    assistant.enrollElsewhere('Previous MDM');
    expect(assistant.capable).toBe(false);
    expect(await assistant.check()).toBeNull();
  });
});
