/**
 * The world a virtual iPad test needs: the real Apple simulator on a manual clock, the fake MDM
 * trusting its device CA, an MDM server in the portal holding some serials, and a way to define and
 * assign an ADE profile through the Device Assignment API, as an MDM would.
 */
import { allSerials, ManualClock, mdmServer, startSimulator } from '../apple/support.js';
import { VirtualIPad, type VirtualIPadOptions } from '../../../src/simulator/device/index.js';
import type { RunningAppleSimulator } from '../../../src/simulator/apple/index.js';
import { startFakeMdm, type FakeMdm, type FakeMdmOptions } from './fake-mdm.js';

/** A supervised, locked profile that awaits configuration and skips Passcode and Siri (the seeds' journey). */
export const SEED_PROFILE = {
  profile_name: 'Grade 5 iPads',
  is_supervised: true,
  is_mdm_removable: false,
  is_mandatory: true,
  await_device_configured: true,
  department: 'Maple Grove Elementary',
  support_phone_number: '+1 555 0100',
  support_email_address: 'help@maplegrove.example',
  skip_setup_items: ['Passcode', 'Siri'],
};

export interface DeviceWorld {
  readonly sim: RunningAppleSimulator;
  readonly clock: ManualClock;
  readonly fake: FakeMdm;
  /** Serials on the MDM server (none has a profile until `assign`). */
  readonly serials: string[];
  /** Serials in the organisation but on no MDM server. */
  readonly unassigned: string[];
  /** Defines `profile` (its `url` defaults to the fake MDM) and assigns it to `serials`. */
  assign(serials: string[], profile?: Record<string, unknown>): Promise<string>;
  /** A virtual iPad on this world's clock, polling without waiting (the clock advances instead). */
  ipad(serialNumber: string, options?: Partial<VirtualIPadOptions>): Promise<VirtualIPad>;
}

/** A seeded random source (mulberry32), so UDIDs and tokens repeat run to run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function deviceWorld(fakeOptions: Partial<FakeMdmOptions> = {}): Promise<DeviceWorld> {
  const { sim, clock } = await startSimulator({ devices: 20 });
  const fake = await startFakeMdm({ deviceCaPem: sim.deviceCertificateAuthorityPem(), clock, ...fakeOptions });
  const all = allSerials(sim);
  const serials = all.slice(0, 10);
  const { call } = await mdmServer(sim, clock, 'Fake MDM', serials);
  let seed = 1;
  return {
    sim,
    clock,
    fake,
    serials,
    unassigned: all.slice(10),
    async assign(targets, profile = SEED_PROFILE) {
      const response = await call('POST', '/profile', { url: fake.enrollUrl, ...profile, devices: targets });
      if (response.status !== 200) throw new Error(`POST /profile answered ${response.status} ${response.text}`);
      return response.json<{ profile_uuid: string }>().profile_uuid;
    },
    ipad(serialNumber, options = {}) {
      seed += 1;
      return VirtualIPad.create({
        appleUrl: sim.url,
        serialNumber,
        clock,
        random: seededRandom(seed),
        connectPollIntervalMs: 1000,
        sleep: async (ms) => clock.advance(ms),
        ...options,
      });
    },
  };
}
