/** Device enrollment: each device's enrollment state with Homeroom's MDM, and its command queue. */
import { type MigrationInterface, type QueryRunner, Table, TableIndex } from 'typeorm';
import { instant, integer, text } from './column-kinds.js';

export class DeviceEnrollment1798329600000 implements MigrationInterface {
  name = 'DeviceEnrollment1798329600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'device_enrollment',
        columns: [
          { name: 'device_id', type: 'integer', isPrimary: true },
          integer('token_id'),
          integer('profile_id', true),
          text('state', 30),
          text('failure_reason', 500, true),
          text('udid', 64, true),
          text('os_version', 30, true),
          text('build_version', 30, true),
          text('product_name', 60, true),
          text('language', 20, true),
          // A raw default both databases read as false (better-sqlite3 stores booleans as 0/1).
          { name: 'supervised', type: 'boolean', default: queryRunner.connection.driver.options.type === 'postgres' ? 'false' : '0' },
          text('topic', 255, true),
          text('identity_serial', 64, true),
          text('identity_fingerprint', 64, true),
          text('push_token', 200, true),
          text('push_magic', 100, true),
          { name: 'sealed_unlock_token', type: 'text', isNullable: true },
          { name: 'sealed_bootstrap_token', type: 'text', isNullable: true },
          instant('started_at'),
          instant('enrolled_at', true),
          instant('last_contacted_at', true),
          instant('updated_at'),
        ],
        indices: [
          new TableIndex({ name: 'device_enrollment_token_state', columnNames: ['token_id', 'state'] }),
          new TableIndex({ name: 'device_enrollment_identity', columnNames: ['identity_serial'], isUnique: true }),
        ],
        foreignKeys: [
          { columnNames: ['device_id'], referencedTableName: 'device', referencedColumnNames: ['id'], onDelete: 'CASCADE' },
          { columnNames: ['profile_id'], referencedTableName: 'enrollment_profile', referencedColumnNames: ['id'], onDelete: 'SET NULL' },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'mdm_command',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          integer('device_id'),
          { ...text('command_uuid', 64), isUnique: true },
          text('request_type', 60),
          { name: 'command', type: 'text' },
          text('status', 30),
          { name: 'error_chain', type: 'text', isNullable: true },
          instant('created_at'),
          instant('sent_at', true),
          instant('answered_at', true),
        ],
        indices: [new TableIndex({ name: 'mdm_command_device_status', columnNames: ['device_id', 'status', 'id'] })],
        foreignKeys: [{ columnNames: ['device_id'], referencedTableName: 'device', referencedColumnNames: ['id'], onDelete: 'CASCADE' }],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('mdm_command');
    await queryRunner.dropTable('device_enrollment');
  }
}
