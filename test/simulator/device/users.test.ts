/**
 * People on a virtual iPad: the sign-in Setup Assistant shows when the enrollment asks for a user
 * (401 with `WWW-Authenticate: Basic`), its failure reasons, and Shared iPad sign-ins with the
 * least-recently-signed-in eviction, against the fake MDM playing Homeroom's rules.
 */
import { describe, expect, it } from 'vitest';
import { FAILURE_REASONS, type Fetch } from '../../../src/simulator/device/index.js';
import { deviceWorld, SEED_PROFILE } from './support.js';

const STUDENT = { username: 'a.lee@students.example', password: 'correct horse battery' };
const USERS = { [STUDENT.username]: STUDENT.password };
const WRONG = { username: STUDENT.username, password: 'Tr0ub4dor&3' };

const SHARED_PROFILE = { ...SEED_PROFILE, is_multi_user: true };
const MAXIMUM_THREE = { RequestType: 'Settings', Settings: [{ Item: 'MaximumResidentUsers', MaximumResidentUsers: 3 }] };

describe('a virtual iPad with user affinity', () => {
  it('shows the sign-in pane on 401 Basic, sends the same MachineInfo again with Basic credentials, and enrolls for that user', async () => {
    const world = await deviceWorld({ users: USERS });
    const serial = world.serials[0]!;
    await world.assign([serial]);
    const ipad = await world.ipad(serial, { credentials: STUDENT });
    expect(await ipad.powerOn()).toBe('HOME');
    expect(ipad.enrollment).toMatchObject({ user: STUDENT.username });
    expect(world.fake.enrolledUsers.get(ipad.udid)).toBe(STUDENT.username);

    expect(ipad.stepsOf('USER_SIGN_IN').map((entry) => entry.detail)).toEqual([
      { pane: 'UserSignIn', channel: 'enrollment', attempt: 1, username: STUDENT.username },
    ]);
    expect(ipad.stepsOf('MACHINE_INFO_POSTED').map((entry) => entry.detail?.status)).toEqual([401, 200]);
    const steps = ipad.trace.map((entry) => entry.step);
    expect(steps.indexOf('REMOTE_MANAGEMENT')).toBeLessThan(steps.indexOf('USER_SIGN_IN'));
    expect(steps.indexOf('USER_SIGN_IN')).toBeLessThan(steps.indexOf('PROFILE_INSTALLED'));

    const [ask, signIn] = world.fake.requests.filter((request) => request.kind === 'enroll');
    expect(ask!.authorization).toBeUndefined();
    expect(signIn!.authorization).toBe(`Basic ${Buffer.from(`${STUDENT.username}:${STUDENT.password}`).toString('base64')}`);
    expect(signIn!.raw!.equals(ask!.raw!)).toBe(true);
  });

  it('never shows the sign-in pane when the MDM does not ask, credentials or not', async () => {
    const world = await deviceWorld();
    const serial = world.serials[1]!;
    await world.assign([serial]);
    const ipad = await world.ipad(serial, { credentials: STUDENT });
    expect(await ipad.powerOn()).toBe('HOME');
    expect(ipad.stepsOf('USER_SIGN_IN')).toEqual([]);
    expect(ipad.enrollment).toMatchObject({ user: null });
  });

  it('ends FAILED with WRONG_CREDENTIALS, the 403 and its body when the MDM refuses the third wrong password', async () => {
    const world = await deviceWorld({ users: USERS });
    const serial = world.serials[2]!;
    await world.assign([serial]);
    const ipad = await world.ipad(serial, { credentials: WRONG });
    expect(await ipad.powerOn()).toBe('FAILED');
    expect(ipad.failure).toMatchObject({ step: 'ENROLLMENT_FAILED', reason: 'WRONG_CREDENTIALS', status: 403 });
    expect(JSON.parse(ipad.failure!.body!)).toMatchObject({ reason: 'USER_AUTHENTICATION_FAILED' });
    expect(ipad.stepsOf('USER_SIGN_IN').map((entry) => entry.detail?.attempt)).toEqual([1, 2, 3]);
    expect(ipad.stepsOf('MACHINE_INFO_POSTED').map((entry) => entry.detail?.status)).toEqual([401, 401, 401, 403]);
    expect(ipad.managed).toBe(false);
    expect(world.fake.requests.map((request) => request.kind)).toEqual(['enroll', 'enroll', 'enroll', 'enroll']);
  });

  it('asks `credentials(attempt)` at each attempt: a wrong password, then the right one, enrolls', async () => {
    const world = await deviceWorld({ users: USERS });
    const serial = world.serials[3]!;
    await world.assign([serial]);
    const asked: number[] = [];
    const ipad = await world.ipad(serial, { credentials: (attempt) => (asked.push(attempt), attempt === 1 ? WRONG : STUDENT) });
    expect(await ipad.powerOn()).toBe('HOME');
    expect(asked).toEqual([1, 2]);
    expect(ipad.stepsOf('MACHINE_INFO_POSTED').map((entry) => entry.detail?.status)).toEqual([401, 401, 200]);
  });

  it('ends FAILED with NO_CREDENTIALS and the 401 when nobody signs in', async () => {
    const world = await deviceWorld({ users: USERS });
    const serial = world.serials[4]!;
    await world.assign([serial]);
    const ipad = await world.ipad(serial);
    expect(await ipad.powerOn()).toBe('FAILED');
    expect(ipad.failure).toMatchObject({
      reason: 'NO_CREDENTIALS',
      status: 401,
      message: 'the enrollment asks for a user and nobody signs in',
    });
    expect(ipad.stepsOf('USER_SIGN_IN')).toEqual([]);
  });

  it('gives up with WRONG_CREDENTIALS after maxSignInAttempts refusals, or when the user stops typing after a wrong one', async () => {
    const world = await deviceWorld({ users: USERS });
    await world.assign(world.serials.slice(5, 7));
    const twice = await world.ipad(world.serials[5]!, { credentials: WRONG, maxSignInAttempts: 2 });
    expect(await twice.powerOn()).toBe('FAILED');
    expect(twice.failure).toMatchObject({ reason: 'WRONG_CREDENTIALS', status: 401, message: 'the sign-in was refused 2 times' });
    expect(twice.stepsOf('USER_SIGN_IN')).toHaveLength(2);

    const quits = await world.ipad(world.serials[6]!, { credentials: (attempt) => (attempt === 1 ? WRONG : null) });
    expect(await quits.powerOn()).toBe('FAILED');
    expect(quits.failure).toMatchObject({ reason: 'WRONG_CREDENTIALS', status: 401 });
  });

  it('lists every failure reason once, NETWORK_FAILURE first', () => {
    expect(new Set(FAILURE_REASONS).size).toBe(FAILURE_REASONS.length);
    expect(FAILURE_REASONS).toEqual(
      expect.arrayContaining(['NETWORK_FAILURE', 'NO_CREDENTIALS', 'WRONG_CREDENTIALS', 'ENROLLMENT_REFUSED']),
    );
  });

  it('ends FAILED with NETWORK_FAILURE when its network fails at activation, and Apple never hears of it', async () => {
    const world = await deviceWorld();
    const serial = world.serials[7]!;
    await world.assign([serial]);
    const lookups = () => world.sim.stats()['POST /activation/profile'] ?? 0;
    const before = lookups();
    const offline: Fetch = (url, init) =>
      url.endsWith('/activation/profile')
        ? Promise.reject(new TypeError('fetch failed', { cause: Object.assign(new Error('connect ENETUNREACH'), { code: 'ENETUNREACH' }) }))
        : fetch(url, init);
    const ipad = await world.ipad(serial, { fetch: offline });
    expect(await ipad.powerOn()).toBe('FAILED');
    expect(ipad.failure).toMatchObject({ step: 'ACTIVATION_FAILED', reason: 'NETWORK_FAILURE' });
    expect(ipad.failure!.message).toContain('ENETUNREACH');
    expect(lookups()).toBe(before);
  });
});

describe('a Shared iPad', () => {
  async function sharedIPad(serialIndex: number) {
    const world = await deviceWorld({ sharedIPad: true, commandsOnEnrollment: [MAXIMUM_THREE] });
    const serial = world.serials[serialIndex]!;
    await world.assign([serial], SHARED_PROFILE);
    const ipad = await world.ipad(serial);
    expect(await ipad.powerOn()).toBe('HOME');
    expect(ipad.maximumResidentUsers).toBe(3);
    return { world, ipad };
  }

  it('signs users in over the user channel and, past MaximumResidentUsers, evicts the one whose last sign-in is oldest', async () => {
    const { world, ipad } = await sharedIPad(0);
    expect(await ipad.signIn({ shortName: 'ana', longName: 'Ana Ruiz' })).toEqual({ evicted: [] });
    world.clock.advance(1000);
    expect(await ipad.signIn({ shortName: 'ben' })).toEqual({ evicted: [] });
    world.clock.advance(1000);
    expect(await ipad.signIn({ shortName: 'cleo' })).toEqual({ evicted: [] });
    world.clock.advance(1000);
    // Ana signs in again: she is now the most recent, so Ben goes when Dev arrives.
    expect(await ipad.signIn({ shortName: 'ana' })).toEqual({ evicted: [] });
    world.clock.advance(1000);
    expect(await ipad.signIn({ shortName: 'dev' })).toEqual({ evicted: ['ben'] });
    expect(ipad.residentUsers).toEqual(['cleo', 'ana', 'dev']);
    expect(ipad.stepsOf('USER_EVICTED').map((entry) => entry.detail)).toEqual([{ shortName: 'ben', maximumResidentUsers: 3 }]);
    expect(ipad.stepsOf('USER_SIGN_IN').map((entry) => entry.detail?.shortName)).toEqual(['ana', 'ben', 'cleo', 'ana', 'dev']);

    const userUpdates = world.fake.checkIns('TokenUpdate').filter((message) => message.UserShortName !== undefined);
    expect(userUpdates.map((message) => message.UserShortName)).toEqual(['ana', 'ben', 'cleo', 'ana', 'dev']);
    expect(userUpdates[0]).toEqual({
      MessageType: 'TokenUpdate',
      Topic: world.fake.topic,
      UDID: ipad.udid,
      UserShortName: 'ana',
      UserID: 'FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF',
      UserLongName: 'Ana Ruiz',
      Token: expect.anything(),
      PushMagic: expect.stringMatching(/^[0-9A-F-]{36}$/),
    });
    // The user channel's own push token: 32 bytes.
    expect(Buffer.from(userUpdates[0]!.Token as Uint8Array)).toHaveLength(32);
    // Signed like every check-in, by the identity the MDM issued.
    const signed = world.fake.requests.filter((request) => request.kind === 'checkin' && request.body?.UserShortName !== undefined);
    expect(new Set(signed.map((request) => request.signerSerial))).toEqual(new Set([ipad.enrollment!.identitySerial]));
  });

  it('forgets its users when erased', async () => {
    const { ipad } = await sharedIPad(1);
    await ipad.signIn({ shortName: 'ana' });
    expect(ipad.residentUsers).toEqual(['ana']);
    await ipad.erase();
    expect(ipad.residentUsers).toEqual([]);
  });

  it('refuses a sign-in on an iPad that is not a managed Shared iPad at Home, saying why', async () => {
    const world = await deviceWorld({ sharedIPad: true });
    const [single, fresh] = world.serials.slice(2, 4);
    await world.assign([single!], SEED_PROFILE);
    const notShared = await world.ipad(single!);
    await notShared.powerOn();
    await expect(notShared.signIn({ shortName: 'ana' })).rejects.toThrow(/not a Shared iPad/);
    const off = await world.ipad(fresh!);
    await expect(off.signIn({ shortName: 'ana' })).rejects.toThrow(/OFF, not at Home/);

    const plain = await deviceWorld();
    await plain.assign([plain.serials[4]!], SHARED_PROFILE);
    const noUserChannel = await plain.ipad(plain.serials[4]!);
    await noUserChannel.powerOn();
    await expect(noUserChannel.signIn({ shortName: 'ana' })).rejects.toThrow(/does not list com.apple.mdm.per-user-connections/);
  });
});
