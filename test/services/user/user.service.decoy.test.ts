/**
 * An unknown username costs what a wrong password costs: one scrypt verification at the
 * configured cost, against a decoy hash, so the time of a sign-in does not reveal who exists.
 * Counted, not timed: the verifications `authenticate` runs are recorded through a wrapper of
 * `verifyPassword`, with the cost of the hash each was run against.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createLogger } from '../../../src/logger.js';
import { ManualClock } from '../../../src/platform/clock.js';
import { createEventBus } from '../../../src/platform/events/event-bus.js';
import { Role } from '../../../src/permissions.js';
import type { RequestContext } from '../../../src/platform/request-context.js';
import { SecretBox } from '../../../src/platform/secret-box.js';
import { Services } from '../../../src/services/services.js';
import { openTestDatabase, type OpenTestDatabase } from '../../support/database.js';
import { offlineApple } from '../../support/services.js';

const verified = vi.hoisted(() => [] as Array<{ logN: number | null }>);

vi.mock('../../../src/services/user/password-hash.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../../src/services/user/password-hash.js')>();
  return {
    ...original,
    verifyPassword: async (password: string, encoded: string) => {
      const parsed = original.parsePasswordHash(encoded);
      verified.push({ logN: parsed === null ? null : parsed.cost.logN });
      return original.verifyPassword(password, encoded);
    },
  };
});

describe('UserService.authenticate of an unknown username', () => {
  let opened: OpenTestDatabase;
  let services: Services;
  const ctx: RequestContext = {
    requestId: 'req-admin',
    actor: { kind: 'apiKey', apiKeyId: 1, name: 'root-admin', role: Role.ADMIN },
    logger: createLogger('silent'),
  };

  beforeAll(async () => {
    opened = await openTestDatabase();
    services = new Services({
      database: opened.database,
      clock: new ManualClock('2026-09-01T08:00:00.000Z'),
      events: createEventBus(),
      secretBox: new SecretBox(randomBytes(32)),
      ...offlineApple(),
      userPasswordScryptLogN: 11,
    });
    await services.users.create(ctx, {
      username: 'ann@riverside.example',
      displayName: 'Ann',
      role: 'STUDENT',
      password: 'correct horse battery',
    });
  });
  afterAll(() => opened.close());

  it('runs one scrypt verification at the configured cost, as a wrong password does, so timing does not reveal who exists', async () => {
    verified.length = 0;
    expect(await services.users.authenticate('ann@riverside.example', 'wrong password')).toBeNull();
    const known = [...verified];
    verified.length = 0;
    expect(await services.users.authenticate('nobody@riverside.example', 'wrong password')).toBeNull();
    expect(await services.users.authenticate('x'.repeat(300), 'wrong password')).toBeNull();
    expect(known).toEqual([{ logN: 11 }]);
    expect(verified).toEqual([{ logN: 11 }, { logN: 11 }]);
  });
});
