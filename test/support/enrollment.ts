/**
 * One virtual iPad enrolled end to end against a test server: a simulated school, a profile that
 * holds Setup Assistant until DeviceConfigured, the profile assigned to the first serial, and that
 * iPad powered on to the home screen. What the identity e2e tests share before they look at what
 * each identity kind made.
 */
import crypto from 'node:crypto';
import { expect } from 'vitest';
import { Device } from '../../src/entities/device.entity.js';
import { DeviceEnrollment } from '../../src/entities/device-enrollment.entity.js';
import type { RequestContext } from '../../src/platform/request-context.js';
import { VirtualIPad } from '../../src/simulator/device/index.js';
import type { TestServer } from './server.js';
import { cartProfile, simulatedSchool } from './tokens.js';

export interface EnrolledIPad {
  readonly ipad: VirtualIPad;
  readonly device: Device;
  readonly enrollment: DeviceEnrollment | null;
  /** The identity the iPad enrolled with. */
  readonly identity: crypto.X509Certificate;
}

export async function enrollHeldIPad(t: TestServer, ctx: RequestContext, school: string): Promise<EnrolledIPad> {
  const apple = t.server.apple.simulator!;
  const { token, serials } = await simulatedSchool(t.server.services, apple, ctx, { name: school, devices: 2 });
  const profile = await t.server.services.profiles.create(ctx, token.id, { ...cartProfile(`${school} held`), awaitDeviceConfigured: true });
  const { done } = await t.server.services.assignments.assign(ctx, profile.id, { serialNumbers: [serials[0]!] });
  expect(await done).toMatchObject({ status: 'SUCCEEDED' });

  const ipad = await VirtualIPad.create({ appleUrl: apple.url, serialNumber: serials[0]!, connectPollIntervalMs: 10 });
  expect(await ipad.powerOn()).toBe('HOME');
  expect(ipad.deviceConfiguredReceived()).toBe(true);
  const device = await t.server.dataSource.getRepository(Device).findOneByOrFail({ serialNumber: serials[0]! });
  return {
    ipad,
    device,
    enrollment: await t.server.dataSource.getRepository(DeviceEnrollment).findOneBy({ deviceId: device.id }),
    identity: new crypto.X509Certificate(ipad.enrollment!.identityCertificatePem),
  };
}
