/**
 * `startRehearsal` over HTTP: refusals with their codes (no built-in simulator, a role without
 * REHEARSAL_RUN, counts out of range, an unknown token, one already running), and a small
 * rehearsal whose virtual iPads enroll against the server over real HTTP, followed with
 * `rehearsalProgressed` to SUCCEEDED, then read with `rehearsal(id:)`, `node` and the devices' states.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toGlobalId } from '../../src/global-id.js';
import { createLogger } from '../../src/logger.js';
import { systemContext } from '../../src/platform/request-context.js';
import {
  AuditEventsDocument,
  RehearsalDocument,
  RehearsalNodeDocument,
  RehearsalProgressedDocument,
  RehearsalSupportDocument,
  StartRehearsalDocument,
  TokenDeviceEnrollmentsDocument,
} from '../generated/operations.js';
import { startTestServer, Subscription, type TestServer } from '../support/server.js';
import { simulatedSchool } from '../support/tokens.js';

const ctx = systemContext(createLogger('silent'));

describe('startRehearsal without the built-in Apple simulator', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ env: { APPLE_DEP_URL: 'http://127.0.0.1:9/' } });
  });
  afterAll(() => t.close());

  it('says so in rehearsalSupport, and refuses startRehearsal with SIMULATOR_UNAVAILABLE, audited', async () => {
    const support = await t.request(RehearsalSupportDocument, {}, t.keys.READ_ONLY);
    expect(support.data?.rehearsalSupport).toEqual({
      available: false,
      unavailableReason: expect.stringContaining('APPLE_DEP_URL=simulator'),
      maxCount: 1000,
      running: null,
    });
    const res = await t.request(StartRehearsalDocument, { input: { tokenId: toGlobalId('EnrollmentProgramToken', 1), count: 5 } });
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'SIMULATOR_UNAVAILABLE' });
    expect(res.data ?? null).toBeNull();
    const audit = await t.request(AuditEventsDocument, { first: 5, filter: { action: 'startRehearsal' } });
    expect(audit.data!.auditEvents.edges.map((e) => [e.node.outcome, e.node.errorCode])).toEqual([['FAILED', 'SIMULATOR_UNAVAILABLE']]);
  });
});

describe('startRehearsal with the built-in Apple simulator', () => {
  let t: TestServer;
  let tokenId: string;
  let serials: string[];
  beforeAll(async () => {
    // EC identities: the flow is the same, and each enrollment costs microseconds rather than 100 ms of CPU.
    t = await startTestServer({ env: { MDM_IDENTITY: 'pkcs12', MDM_IDENTITY_KEY: 'ec-p256' } });
    const school = await simulatedSchool(t.server.services, t.server.apple.simulator!, ctx, { name: 'Riverside', devices: 5 });
    const { done } = await t.server.services.assignments.assign(ctx, school.profile.id, { serialNumbers: school.serials });
    expect((await done)?.status).toBe('SUCCEEDED');
    tokenId = toGlobalId('EnrollmentProgramToken', school.token.id);
    serials = [...school.serials].sort();
  });
  afterAll(async () => {
    await t.server.services.rehearsals.idle();
    await t.close();
  });

  it('refuses a READ_ONLY key with FORBIDDEN naming REHEARSAL_RUN', async () => {
    const res = await t.request(StartRehearsalDocument, { input: { tokenId, count: 1 } }, t.keys.READ_ONLY);
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', missingPermissions: ['REHEARSAL_RUN'] });
  });

  it('refuses counts and concurrency outside 1 to 1000 with BAD_USER_INPUT naming the field, and an unknown token with NOT_FOUND', async () => {
    for (const [input, field] of [
      [{ tokenId, count: 0 }, 'count'],
      [{ tokenId, count: 1001 }, 'count'],
      [{ tokenId, count: 3, concurrency: 0 }, 'concurrency'],
      [{ tokenId, count: 3, concurrency: 1001 }, 'concurrency'],
    ] as const) {
      const res = await t.request(StartRehearsalDocument, { input });
      expect(res.errors?.[0]?.extensions, JSON.stringify(input)).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    const unknown = await t.request(StartRehearsalDocument, { input: { tokenId: toGlobalId('EnrollmentProgramToken', 999), count: 3 } });
    expect(unknown.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND' });
    expect((await t.request(RehearsalSupportDocument)).data?.rehearsalSupport).toMatchObject({ available: true, running: null });
  });

  it('powers on 3 iPads for an OPERATOR: RUNNING at once, REHEARSAL_IN_PROGRESS for a second, then SUCCEEDED with 3 enrolled', async () => {
    const res = await t.request(StartRehearsalDocument, { input: { tokenId, count: 3, concurrency: 1 } }, t.keys.OPERATOR);
    expect(res.errors).toBeUndefined();
    const started = res.data!.startRehearsal.rehearsal;
    expect(started).toMatchObject({
      status: 'RUNNING',
      requestedCount: 3,
      deviceCount: 3,
      concurrency: 1,
      finishedAt: null,
      startedBy: 'test-operator',
      token: { id: tokenId, name: 'Riverside' },
    });
    const events = new Subscription(t.wsClient(t.keys.READ_ONLY), RehearsalProgressedDocument, {
      id: started.id,
    });

    // One at a time per server: the iPads above are still powering on.
    const second = await t.request(StartRehearsalDocument, { input: { tokenId, count: 1 } });
    expect(second.errors?.[0]?.extensions).toMatchObject({ code: 'REHEARSAL_IN_PROGRESS', rehearsalId: started.id });
    expect((await t.request(RehearsalSupportDocument)).data?.rehearsalSupport.running).toEqual({ id: started.id, status: 'RUNNING' });

    const first = await events.next();
    expect(first.rehearsalProgressed.snapshot).toBe(true);
    let last = first.rehearsalProgressed.rehearsal;
    while (last.status === 'RUNNING') last = (await events.next(30_000)).rehearsalProgressed.rehearsal;
    await events.done;
    expect(last).toEqual({ id: started.id, status: 'SUCCEEDED', doneCount: 3, enrolledCount: 3 });

    const ended = (await t.request(RehearsalDocument, { id: started.id }, t.keys.READ_ONLY)).data!.rehearsal!;
    expect(ended).toMatchObject({ status: 'SUCCEEDED', enrolledCount: 3, unmanagedCount: 0, failedCount: 0, percent: 100, failures: [] });
    expect(ended.errorMessage).toBeNull();
    expect(ended.finishedAt).not.toBeNull();
    expect((await t.request(RehearsalNodeDocument, { id: started.id })).data?.node).toEqual({
      __typename: 'Rehearsal',
      id: started.id,
      status: 'SUCCEEDED',
      enrolledCount: 3,
    });
    // The iPads that never contacted Homeroom went first, in serial order; the other two are still in their boxes.
    const devices = await t.request(TokenDeviceEnrollmentsDocument, { id: tokenId, first: 10 });
    const states = Object.fromEntries(
      (
        devices.data!.node as { devices: { edges: Array<{ node: { serialNumber: string; enrollment: { state: string } } }> } }
      ).devices.edges.map((e) => [e.node.serialNumber, e.node.enrollment.state]),
    );
    expect(states).toEqual(Object.fromEntries(serials.map((serial, i) => [serial, i < 3 ? 'ENROLLED' : 'NOT_CONTACTED'])));
    const audit = await t.request(AuditEventsDocument, { first: 10, filter: { action: 'startRehearsal' } });
    // Newest first: the refused second one, the rehearsal itself (with what it ran), then the refusals of the tests above.
    const [refused, succeeded] = audit.data!.auditEvents.edges.map((e) => e.node);
    expect([refused?.actorName, refused?.outcome, refused?.errorCode]).toEqual(['test-admin', 'FAILED', 'REHEARSAL_IN_PROGRESS']);
    expect(succeeded).toMatchObject({ actorName: 'test-operator', outcome: 'SUCCEEDED', targetIds: [tokenId] });
    expect(succeeded?.details).toMatchObject({ requestedCount: 3, deviceCount: 3, concurrency: 1 });
  }, 60_000);
});
