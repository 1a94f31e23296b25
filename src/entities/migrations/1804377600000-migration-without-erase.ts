/**
 * Migration without erase: Apple's `mdm_migration_deadline` on a device (DEP protocol 8), and the
 * migrations Homeroom scheduled through the Apple School Manager API, one per serial number.
 */
import { type MigrationInterface, type QueryRunner, Table, TableColumn, TableIndex } from 'typeorm';
import { instant, text } from './column-kinds.js';

export class MigrationWithoutErase1804377600000 implements MigrationInterface {
  name = 'MigrationWithoutErase1804377600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn('device', new TableColumn(instant('mdm_migration_deadline', true)));
    await queryRunner.createTable(
      new Table({
        name: 'device_migration',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'token_id', type: 'integer' },
          { ...text('serial_number', 64), isUnique: true },
          text('status', 20),
          instant('deadline'),
          { name: 'profile_id', type: 'integer', isNullable: true },
          { name: 'kept_apps', type: 'text' },
          { name: 'reinstalled_apps', type: 'text' },
          text('activity_id', 64),
          text('activity_type', 60),
          text('activity_status', 20),
          text('failure_reason', 500, true),
          instant('requested_at'),
          instant('started_at', true),
          instant('finished_at', true),
          instant('updated_at'),
        ],
      }),
    );
    await queryRunner.createIndex('device_migration', new TableIndex({ name: 'device_migration_token', columnNames: ['token_id', 'id'] }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('device_migration');
    await queryRunner.dropColumn('device', 'mdm_migration_deadline');
  }
}
