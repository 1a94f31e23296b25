/**
 * `assignment_group`: one row per group commit of an assignment job, up to which outcome row its
 * PENDING serials were answered. A plain SUCCESS is no longer written to its outcome row (see
 * `AssignmentGroup`). A job that ran before this migration wrote every answer to its rows, so it
 * has no group rows and reads as it did. Reverted, it writes those successes to their rows first.
 */
import { type MigrationInterface, type QueryRunner, Table, TableIndex } from 'typeorm';
import { id, instant, integer } from './column-kinds.js';

export class AssignmentGroups1806192000000 implements MigrationInterface {
  name = 'AssignmentGroups1806192000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'assignment_group',
        columns: [id, integer('job_id'), integer('through_id'), instant('answered_at')],
        indices: [new TableIndex({ name: 'assignment_group_job', columnNames: ['job_id', 'through_id'] })],
        foreignKeys: [
          { columnNames: ['job_id'], referencedTableName: 'assignment_job', referencedColumnNames: ['id'], onDelete: 'CASCADE' },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // The answers only the group rows hold are written to their outcome rows first, as the code before this wrote them:
    // a row still PENDING up to its job's last group is a SUCCESS of one attempt, at the first group that reached it.
    await queryRunner.query(
      `UPDATE assignment_outcome SET result = 'SUCCESS', attempts = 1, updated_at = ` +
        `(SELECT MIN(answered.answered_at) FROM assignment_group answered ` +
        `WHERE answered.job_id = assignment_outcome.job_id AND answered.through_id >= assignment_outcome.id) ` +
        `WHERE result = 'PENDING' AND id <= ` +
        `(SELECT COALESCE(MAX(answered.through_id), 0) FROM assignment_group answered WHERE answered.job_id = assignment_outcome.job_id)`,
    );
    await queryRunner.dropTable('assignment_group');
  }
}
