/**
 * Device sync: the run history (`sync_run`) and, on each token, Apple's cursor, the 15-minute
 * lease and the times the cooldown rules read.
 */
import { type MigrationInterface, type QueryRunner, Table, TableColumn, TableIndex } from 'typeorm';
import { id, instant, integer } from './column-kinds.js';

export class DeviceSync1796515200000 implements MigrationInterface {
  name = 'DeviceSync1796515200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'sync_run',
        columns: [
          id,
          integer('token_id'),
          { name: 'kind', type: 'varchar', length: '20' },
          { name: 'trigger', type: 'varchar', length: '20' },
          { name: 'status', type: 'varchar', length: '20' },
          { name: 'phase', type: 'varchar', length: '40' },
          instant('started_at'),
          instant('finished_at', true),
          instant('deadline_at'),
          integer('pages'),
          integer('devices_seen'),
          integer('devices_added'),
          integer('devices_updated'),
          integer('devices_removed'),
          integer('default_profile_assigned'),
          integer('estimated_total', true),
          { name: 'fallback_reason', type: 'varchar', length: '200', isNullable: true },
          { name: 'error_code', type: 'varchar', length: '60', isNullable: true },
          { name: 'error_message', type: 'varchar', length: '1000', isNullable: true },
        ],
        indices: [new TableIndex({ name: 'sync_run_token', columnNames: ['token_id', 'id'] })],
        foreignKeys: [
          {
            columnNames: ['token_id'],
            referencedTableName: 'enrollment_program_token',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          },
        ],
      }),
    );
    await queryRunner.addColumns('enrollment_program_token', [
      new TableColumn({ name: 'sync_cursor', type: 'text', isNullable: true }),
      new TableColumn({ name: 'sync_cursor_phase', type: 'varchar', length: '10', isNullable: true }),
      new TableColumn(integer('sync_lease_run_id', true)),
      new TableColumn(instant('sync_lease_until', true)),
      new TableColumn(instant('last_sync_at', true)),
      new TableColumn(instant('last_successful_sync_at', true)),
      new TableColumn(instant('last_full_sync_at', true)),
      new TableColumn(integer('last_full_sync_device_count', true)),
    ]);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const column of [
      'last_full_sync_device_count',
      'last_full_sync_at',
      'last_successful_sync_at',
      'last_sync_at',
      'sync_lease_until',
      'sync_lease_run_id',
      'sync_cursor_phase',
      'sync_cursor',
    ]) {
      await queryRunner.dropColumn('enrollment_program_token', column);
    }
    await queryRunner.dropTable('sync_run');
  }
}
