/**
 * User imports as background jobs (issue 14, item 11): `user_import_job` (status, counts, lease)
 * and `user_import_row` (every data row of the file with what became of it, and the sealed
 * password of a row still waiting).
 */
import { type MigrationInterface, type QueryRunner, Table, TableIndex } from 'typeorm';
import { id, instant, integer, leasedJobColumns, text } from './column-kinds.js';

export class UserImportJobs1801958400000 implements MigrationInterface {
  name = 'UserImportJobs1801958400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'user_import_job',
        columns: [
          id,
          text('status', 20),
          text('requested_by', 200),
          integer('row_count'),
          integer('created_count'),
          integer('failed_count'),
          ...leasedJobColumns(),
        ],
        indices: [new TableIndex({ name: 'user_import_job_status', columnNames: ['status', 'lease_until'] })],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'user_import_row',
        columns: [
          id,
          integer('job_id'),
          integer('row_number'),
          text('username', 254, true),
          text('display_name', 200, true),
          text('role', 20, true),
          text('sealed_password', 2000, true),
          text('status', 20),
          text('error_code', 60, true),
          text('error_message', 1000, true),
          instant('updated_at'),
        ],
        indices: [
          new TableIndex({ name: 'user_import_row_job_status', columnNames: ['job_id', 'status', 'id'] }),
          new TableIndex({ name: 'user_import_row_job', columnNames: ['job_id', 'id'] }),
        ],
        foreignKeys: [
          { columnNames: ['job_id'], referencedTableName: 'user_import_job', referencedColumnNames: ['id'], onDelete: 'CASCADE' },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('user_import_row');
    await queryRunner.dropTable('user_import_job');
  }
}
