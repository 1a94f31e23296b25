/**
 * A job's outcome rows as answered. Apple's plain SUCCESS is not written to its row: the group
 * commit that sent it records up to which row its PENDING serials were answered
 * (`AssignmentGroup`). Read back, a row still PENDING at or below the job's last group is a
 * SUCCESS (one attempt, no wipe, changed when its group was recorded); above it, PENDING.
 */
import { Brackets, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import { AssignmentGroup, type AssignmentOutcome, type AssignmentResult } from '../../entities/assignment-outcome.entity.js';

/** A job's recorded groups, lowest first: each answered the PENDING rows above the one before, up to its `throughId`. */
export type AnsweredGroups = ReadonlyArray<Pick<AssignmentGroup, 'throughId' | 'answeredAt'>>;

export function answeredGroupsOf(manager: EntityManager, jobId: number): Promise<AnsweredGroups> {
  return manager.find(AssignmentGroup, { where: { jobId }, select: { throughId: true, answeredAt: true }, order: { throughId: 'ASC' } });
}

/** The highest row the groups answered; 0 before the first. */
export function answeredThrough(groups: AnsweredGroups): number {
  return groups.at(-1)?.throughId ?? 0;
}

/** `outcome` as answered: a PENDING row its job's groups answered becomes the SUCCESS it is (in place). */
export function asAnswered(outcome: AssignmentOutcome, groups: AnsweredGroups): AssignmentOutcome {
  if (outcome.result !== 'PENDING' || outcome.id > answeredThrough(groups)) return outcome;
  // The first group whose range reaches the row answered it.
  let low = 0;
  let high = groups.length - 1;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (groups[middle]!.throughId >= outcome.id) high = middle;
    else low = middle + 1;
  }
  return Object.assign(outcome, { result: 'SUCCESS', attempts: 1, requiresWipe: false, retryAt: null, updatedAt: groups[low]!.answeredAt });
}

/** Narrows `query` (outcomes as `alias`) to rows whose answered result is one of `results`. */
export function whereAnswered(
  query: SelectQueryBuilder<AssignmentOutcome>,
  alias: string,
  results: readonly AssignmentResult[],
  groups: AnsweredGroups,
): void {
  const through = answeredThrough(groups);
  const stored = results.filter((result) => result !== 'PENDING' && result !== 'SUCCESS');
  query.andWhere(
    new Brackets((either) => {
      // Brackets need one condition to start with; a result no row has matches nothing.
      either.where('1 = 0');
      if (stored.length > 0) either.orWhere(`${alias}.result IN (:...storedResults)`, { storedResults: stored });
      if (results.includes('SUCCESS')) {
        either.orWhere(`${alias}.result = 'SUCCESS'`);
        either.orWhere(`(${alias}.result = 'PENDING' AND ${alias}.id <= :answeredThrough)`, { answeredThrough: through });
      }
      if (results.includes('PENDING'))
        either.orWhere(`(${alias}.result = 'PENDING' AND ${alias}.id > :answeredThrough)`, { answeredThrough: through });
    }),
  );
}
