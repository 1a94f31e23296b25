import { describe, expect, it } from 'vitest';
import { AssignmentOutcome } from '../../../src/entities/assignment-outcome.entity.js';
import { answeredThrough, asAnswered, type AnsweredGroups } from '../../../src/services/assignment/answered-outcomes.js';

/** Reading outcome rows through the groups that answered them (the job's `AssignmentGroup` records). */
describe('answered outcomes', () => {
  const created = new Date('2026-12-07T10:00:00.000Z');
  const groups: AnsweredGroups = [
    { throughId: 10, answeredAt: new Date('2026-12-07T10:00:01.000Z') },
    { throughId: 25, answeredAt: new Date('2026-12-07T10:00:02.000Z') },
    { throughId: 40, answeredAt: new Date('2026-12-07T10:00:03.000Z') },
  ];
  const row = (id: number, result: AssignmentOutcome['result']) =>
    Object.assign(new AssignmentOutcome(), {
      id,
      jobId: 1,
      result,
      attempts: 0,
      failures: 0,
      retryAt: null,
      requiresWipe: false,
      updatedAt: created,
    });

  it("reads a PENDING row as the SUCCESS of the first group that reaches it, at that group's time", () => {
    expect(answeredThrough(groups)).toBe(40);
    for (const [id, at] of [
      [1, groups[0]!.answeredAt],
      [10, groups[0]!.answeredAt],
      [11, groups[1]!.answeredAt],
      [25, groups[1]!.answeredAt],
      [40, groups[2]!.answeredAt],
    ] as const) {
      expect(asAnswered(row(id, 'PENDING'), groups)).toMatchObject({ id, result: 'SUCCESS', attempts: 1, updatedAt: at });
    }
  });

  it('leaves a PENDING row above the last group, and every row written with its answer, as stored', () => {
    expect(asAnswered(row(41, 'PENDING'), groups)).toMatchObject({ result: 'PENDING', attempts: 0, updatedAt: created });
    expect(asAnswered(row(5, 'FAILED'), groups)).toMatchObject({ result: 'FAILED', updatedAt: created });
    expect(asAnswered(row(5, 'UNCHANGED'), groups)).toMatchObject({ result: 'UNCHANGED' });
    expect(asAnswered(row(1, 'PENDING'), [])).toMatchObject({ result: 'PENDING' });
    expect(answeredThrough([])).toBe(0);
  });
});
