import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AssignmentOutcome } from '../../../src/entities/assignment-outcome.entity.js';
import { startAssignmentHarness, type AssignmentHarness } from '../../services/assignment/harness.js';

/** The migration that added `assignment_group`: reverted, it loses no answer. */
describe('migration AssignmentGroups1806192000000', () => {
  let h: AssignmentHarness;
  beforeAll(async () => {
    h = await startAssignmentHarness();
  });
  afterAll(() => h.close());

  it('writes the successes only the group rows hold to their outcome rows when reverted, then drops the table', async () => {
    const { job } = await h.assignedWithOneMovedAway('Reverted school', 3);
    const read = async () =>
      new Map(
        (await h.services.assignments.listOutcomes(job.id, {}, { first: 10 })).edges.map(({ node }) => [
          node.serialNumber,
          [node.result, node.attempts, node.updatedAt.toISOString()],
        ]),
      );
    const before = await read();

    const dataSource = h.opened.dataSource;
    await dataSource.undoLastMigration({ transaction: 'each' });
    try {
      const tables = (await dataSource.query(
        dataSource.options.type === 'postgres'
          ? `SELECT table_name AS name FROM information_schema.tables WHERE table_name = 'assignment_group' AND table_schema = current_schema()`
          : `SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'assignment_group'`,
      )) as unknown[];
      expect(tables).toEqual([]);
      // Stored as the code before the migration stored them, and read the same.
      const stored = await dataSource.manager.find(AssignmentOutcome, { where: { jobId: job.id } });
      expect(new Map(stored.map((row) => [row.serialNumber, [row.result, row.attempts, row.updatedAt.toISOString()]]))).toEqual(before);
      expect([...before.values()].map(([result]) => result).sort()).toEqual(['NOT_ACCESSIBLE', 'SUCCESS', 'SUCCESS']);
    } finally {
      await dataSource.runMigrations({ transaction: 'each' });
    }
  });
});
