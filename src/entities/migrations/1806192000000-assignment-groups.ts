/**
 * `assignment_group`: one row per group commit of an assignment job, up to which outcome row its
 * PENDING serials were answered. A plain SUCCESS is no longer written to its outcome row (see
 * `AssignmentGroup`). A job that ran before this migration wrote every answer to its rows, so it
 * has no group rows and reads as it did.
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
    await queryRunner.dropTable('assignment_group');
  }
}
