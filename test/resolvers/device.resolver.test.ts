import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { Device } from '../../src/entities/device.entity.js';
import { createLogger } from '../../src/logger.js';
import { toGlobalId } from '../../src/global-id.js';
import { Role } from '../../src/permissions.js';
import { systemContext } from '../../src/platform/request-context.js';
import {
  AllDevicesDocument,
  DeviceBySerialDocument,
  DevicesWithProfilesDocument,
  EnrollmentProfileByIdDocument,
  TokenDevicesOrderedDocument,
  type AllDevicesQuery,
} from '../generated/operations.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { simulatedSchool } from '../support/tokens.js';

/**
 * The look-ups and list contract a UI needs (issue 16): `device(serialNumber:)`, the root
 * `devices` across tokens with filters and orders, `enrollmentProgramToken(id:)`,
 * `enrollmentProfile(id:)`, `models` for a dropdown and every connection's `nodes`.
 */
describe('device look-ups, filters and orders over GraphQL', () => {
  const ctx = systemContext(createLogger('silent'));
  let t: TestServer;
  let east: Awaited<ReturnType<typeof simulatedSchool>>;
  let west: Awaited<ReturnType<typeof simulatedSchool>>;
  const id = (tokenId: number) => toGlobalId('EnrollmentProgramToken', tokenId);

  beforeAll(async () => {
    t = await startTestServer();
    const simulator = t.server.apple.simulator!;
    east = await simulatedSchool(t.server.services, simulator, ctx, {
      name: 'East lookups',
      devices: 4,
      model: 'iPad Air (5th generation)',
    });
    west = await simulatedSchool(t.server.services, simulator, ctx, { name: 'West lookups', devices: 3, model: 'iPad (10th generation)' });
  });
  afterAll(() => t.close());

  it('finds a device by serial number with its token, and answers null for an unknown serial', async () => {
    const serial = west.serials[1]!;
    const found = await t.request(DeviceBySerialDocument, { serialNumber: serial }, t.keys[Role.READ_ONLY]);
    expect(found.errors).toBeUndefined();
    expect(found.data?.device).toMatchObject({ serialNumber: serial, token: { id: id(west.token.id), name: 'West lookups' } });
    expect((await t.request(DeviceBySerialDocument, { serialNumber: 'NOSUCHSERIAL' })).data?.device).toBeNull();
  });

  it('looks up a token and a profile by ID, null for an unknown or foreign ID', async () => {
    const token = await t.request(TokenDevicesOrderedDocument, { id: id(east.token.id), first: 0 }, t.keys[Role.READ_ONLY]);
    expect(token.data?.enrollmentProgramToken).toMatchObject({ id: id(east.token.id), name: 'East lookups' });
    const profileId = toGlobalId('EnrollmentProfile', east.profile.id);
    const profile = await t.request(EnrollmentProfileByIdDocument, { id: profileId }, t.keys[Role.READ_ONLY]);
    expect(profile.data?.enrollmentProfile).toEqual({ id: profileId, name: 'East lookups carts', token: { id: id(east.token.id) } });
    expect((await t.request(EnrollmentProfileByIdDocument, { id: id(east.token.id) })).data?.enrollmentProfile).toBeNull();
    expect((await t.request(TokenDevicesOrderedDocument, { id: profileId })).data?.enrollmentProgramToken).toBeNull();
  });

  it("lists every token's devices by serial, DESC, paged through `nodes` and `pageInfo` alone", async () => {
    const all = [...east.serials, ...west.serials].sort().reverse();
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: { data?: AllDevicesQuery | null } = await t.request(
        AllDevicesDocument,
        { orderBy: { field: 'SERIAL_NUMBER', direction: 'DESC' }, first: 3, after },
        t.keys[Role.READ_ONLY],
      );
      const devices = page.data!.devices;
      expect(devices.totalCount).toBe(7);
      seen.push(...devices.nodes.map((n) => n.serialNumber));
      expect(devices.edges.at(-1)?.cursor).toBe(devices.pageInfo.endCursor);
      if (!devices.pageInfo.hasNextPage) break;
      after = devices.pageInfo.endCursor;
    }
    expect(seen).toEqual(all);
  });

  it('narrows the root list to tokens, exact serials and a model in any case', async () => {
    const byToken = await t.request(AllDevicesDocument, { filter: { tokenIds: [id(west.token.id)] } });
    expect(byToken.data?.devices.nodes.map((n) => n.serialNumber).sort()).toEqual([...west.serials].sort());
    const bySerial = await t.request(AllDevicesDocument, { filter: { serialNumbers: [east.serials[0]!, west.serials[0]!] } });
    expect(bySerial.data?.devices.totalCount).toBe(2);
    const byModel = await t.request(AllDevicesDocument, { filter: { model: 'IPAD AIR (5TH GENERATION)' } });
    expect(byModel.data?.devices.nodes.map((n) => n.serialNumber).sort()).toEqual([...east.serials].sort());
    const byStatus = await t.request(AllDevicesDocument, { filter: { profileStatuses: ['REMOVED'] } });
    expect(byStatus.data?.devices.totalCount).toBe(0);
    const recent = await t.request(AllDevicesDocument, {
      filter: { firstSeen: { from: '2000-01-01T00:00:00.000Z' }, deviceFamilies: ['ipad'] },
    });
    expect(recent.data?.devices.totalCount).toBe(7);
  });

  it("orders a token's devices by model and lists its models with counts", async () => {
    const listed = await t.request(TokenDevicesOrderedDocument, {
      id: id(west.token.id),
      orderBy: { field: 'FIRST_SEEN_AT', direction: 'DESC' },
      first: 2,
    });
    expect(listed.errors).toBeUndefined();
    const token = listed.data!.enrollmentProgramToken!;
    expect(token.models).toEqual([{ model: 'iPad (10th generation)', deviceCount: 3 }]);
    expect(token.devices.nodes).toHaveLength(2);
    expect(token.devices.pageInfo.hasNextPage).toBe(true);
    const rest = await t.request(TokenDevicesOrderedDocument, {
      id: id(west.token.id),
      orderBy: { field: 'FIRST_SEEN_AT', direction: 'DESC' },
      first: 2,
      after: token.devices.pageInfo.endCursor,
    });
    const serials = [...token.devices.nodes, ...rest.data!.enrollmentProgramToken!.devices.nodes].map((n) => n.serialNumber);
    expect(new Set(serials)).toEqual(new Set(west.serials));
  });

  it('refuses bad filters with BAD_USER_INPUT naming the field', async () => {
    const cases: Array<[Parameters<typeof t.request<AllDevicesQuery, Record<string, unknown>>>[1], string]> = [
      [{ filter: { serialNumbers: Array.from({ length: 1001 }, (_, i) => `S${i}`) } }, 'filter.serialNumbers'],
      [{ filter: { serialNumbers: ['OK', ''] } }, 'filter.serialNumbers.1'],
      [{ filter: { firstSeen: { from: '2026-09-02T00:00:00.000Z', to: '2026-09-01T00:00:00.000Z' } } }, 'filter.firstSeen.to'],
      [{ filter: { tokenIds: [toGlobalId('EnrollmentProfile', 1)] } }, 'filter.tokenIds'],
      [{ filter: { deviceFamilies: ['iPad\nMac'] } }, 'filter.deviceFamilies.0'],
    ];
    for (const [variables, field] of cases) {
      const response = await t.request(AllDevicesDocument, variables);
      expect(response.errors?.[0]?.extensions, field).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
  });

  it("lists devices with their profiles' names without counting the profiles' devices, and counts them once a page when asked", async () => {
    const devices = t.server.dataSource.getRepository(Device);
    await devices.update({ tokenId: east.token.id }, { profileId: east.profile.id });
    const facts = vi.spyOn(t.server.services.profiles, 'factsFor');
    try {
      const filter = { tokenIds: [id(east.token.id)] };
      const names = await t.request(DevicesWithProfilesDocument, { filter, withFacts: false }, t.keys[Role.READ_ONLY]);
      expect(names.errors).toBeUndefined();
      expect(names.data?.devices.nodes.map((n) => n.profile)).toEqual(east.serials.map(() => ({ name: 'East lookups carts' })));
      expect(facts).not.toHaveBeenCalled();

      const isDefault = (await t.server.services.tokens.findById(east.token.id))!.defaultProfileId === east.profile.id;
      const counted = await t.request(DevicesWithProfilesDocument, { filter, withFacts: true }, t.keys[Role.READ_ONLY]);
      expect(counted.errors).toBeUndefined();
      expect(counted.data?.devices.nodes.map((n) => n.profile)).toEqual(
        east.serials.map(() => ({ name: 'East lookups carts', deviceCount: east.serials.length, isDefault })),
      );
      expect(facts).toHaveBeenCalledTimes(1);
    } finally {
      facts.mockRestore();
      await devices.update({ tokenId: east.token.id }, { profileId: null });
    }
  });

  it('refuses a cursor of one order in another with BAD_USER_INPUT', async () => {
    const byModel = await t.request(AllDevicesDocument, { orderBy: { field: 'MODEL' }, first: 1 });
    const plain = await t.request(AllDevicesDocument, { first: 1, after: byModel.data!.devices.pageInfo.endCursor });
    expect(plain.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });
});
