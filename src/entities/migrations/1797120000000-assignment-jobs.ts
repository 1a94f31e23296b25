/**
 * Profile assignment at any scale: assignment jobs, their per-device outcomes, and the
 * device's `requires_wipe` flag (a profile assigned after activation waits for a wipe).
 */
import { type MigrationInterface, type QueryRunner, Table, TableColumn, TableIndex } from 'typeorm';
import { id, instant, integer, leasedJobColumns, text } from './column-kinds.js';

export class AssignmentJobs1797120000000 implements MigrationInterface {
  name = 'AssignmentJobs1797120000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'assignment_job',
        columns: [
          id,
          text('kind', 20),
          integer('token_id'),
          integer('profile_id', true),
          text('status', 30),
          text('requested_by', 200),
          integer('device_count'),
          integer('unchanged_count'),
          integer('cannot_change_count'),
          integer('succeeded_count'),
          integer('not_accessible_count'),
          integer('failed_count'),
          integer('throttled_count'),
          integer('requires_wipe_count'),
          integer('apple_calls'),
          ...leasedJobColumns(),
        ],
        indices: [
          new TableIndex({ name: 'assignment_job_token', columnNames: ['token_id', 'id'] }),
          new TableIndex({ name: 'assignment_job_status', columnNames: ['status', 'lease_until'] }),
        ],
        foreignKeys: [
          {
            columnNames: ['token_id'],
            referencedTableName: 'enrollment_program_token',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          },
          { columnNames: ['profile_id'], referencedTableName: 'enrollment_profile', referencedColumnNames: ['id'], onDelete: 'SET NULL' },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'assignment_outcome',
        columns: [
          id,
          integer('job_id'),
          integer('device_id', true),
          text('serial_number', 64),
          text('result', 20),
          integer('attempts'),
          integer('failures'),
          instant('retry_at', true),
          { name: 'requires_wipe', type: 'boolean' },
          instant('updated_at'),
        ],
        indices: [
          new TableIndex({ name: 'assignment_outcome_job_result', columnNames: ['job_id', 'result', 'id'] }),
          new TableIndex({ name: 'assignment_outcome_job_retry', columnNames: ['job_id', 'retry_at'], where: 'retry_at IS NOT NULL' }),
        ],
        foreignKeys: [
          { columnNames: ['job_id'], referencedTableName: 'assignment_job', referencedColumnNames: ['id'], onDelete: 'CASCADE' },
          { columnNames: ['device_id'], referencedTableName: 'device', referencedColumnNames: ['id'], onDelete: 'SET NULL' },
        ],
      }),
    );
    // A raw default: each database spells a false boolean its own way, and TypeORM compares the spelling.
    const no = queryRunner.connection.driver.options.type === 'postgres' ? 'false' : '0';
    await queryRunner.addColumn('device', new TableColumn({ name: 'requires_wipe', type: 'boolean', default: no }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('device', 'requires_wipe');
    await queryRunner.dropTable('assignment_outcome');
    await queryRunner.dropTable('assignment_job');
  }
}
