/**
 * The MDM push certificate, the pending encryption key, enrollment program tokens, enrollment
 * profiles and devices. Same Table API as the foundation, so one file serves SQLite and
 * PostgreSQL; devices carry every field Apple sends, so the sync issue adds no table.
 */
import { type MigrationInterface, type QueryRunner, Table, TableIndex } from 'typeorm';
import { id, instant, text } from './column-kinds.js';

export class TokensAndProfiles1795910400000 implements MigrationInterface {
  name = 'TokensAndProfiles1795910400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'mdm_push_certificate',
        columns: [
          id,
          text('topic', 255),
          text('subject', 255),
          text('serial_number', 128),
          instant('not_before'),
          instant('not_after'),
          { name: 'certificate_pem', type: 'text' },
          { name: 'sealed_private_key', type: 'text' },
          { name: 'simulated', type: 'boolean' },
          instant('created_at'),
          instant('updated_at'),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'encryption_key',
        columns: [
          id,
          { name: 'certificate_pem', type: 'text' },
          { name: 'sealed_private_key', type: 'text' },
          instant('created_at'),
          instant('expires_at'),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'enrollment_program_token',
        columns: [
          id,
          { ...text('name', 100), isUnique: true },
          text('apple_id', 254),
          text('token_type', 30),
          text('organization_name', 200),
          text('organization_id', 64, true),
          text('organization_email', 254, true),
          text('organization_phone', 64, true),
          text('organization_address', 500, true),
          text('server_name', 200),
          { ...text('server_uuid', 64), isUnique: true },
          { name: 'sealed_credentials', type: 'text' },
          instant('access_token_expiry'),
          { name: 'certificate_pem', type: 'text' },
          { name: 'sealed_private_key', type: 'text' },
          { name: 'sealed_session', type: 'text', isNullable: true },
          text('status', 30),
          text('status_reason', 500, true),
          instant('status_checked_at', true),
          { name: 'shared_with_school_data_sync', type: 'boolean' },
          { name: 'default_profile_id', type: 'integer', isNullable: true },
          instant('created_at'),
          instant('updated_at'),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'enrollment_profile',
        columns: [
          id,
          { name: 'token_id', type: 'integer' },
          text('name', 125),
          { ...text('enrollment_key', 40), isUnique: true },
          text('description', 1000, true),
          text('user_affinity', 30),
          { name: 'supervised', type: 'boolean' },
          { name: 'locked_enrollment', type: 'boolean' },
          { name: 'shared_i_pad', type: 'boolean' },
          { name: 'maximum_cached_users', type: 'integer', isNullable: true },
          text('pairing', 40),
          { name: 'configurator_certificates', type: 'text' },
          { name: 'await_device_configured', type: 'boolean' },
          text('department_name', 125, true),
          text('department_phone', 50, true),
          { name: 'skipped_panes', type: 'text' },
          text('apple_profile_uuid', 64),
          instant('apple_defined_at'),
          instant('created_at'),
          instant('updated_at'),
        ],
        indices: [new TableIndex({ name: 'enrollment_profile_token_name', columnNames: ['token_id', 'name'], isUnique: true })],
        foreignKeys: [
          {
            columnNames: ['token_id'],
            referencedTableName: 'enrollment_program_token',
            referencedColumnNames: ['id'],
            onDelete: 'RESTRICT',
          },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'device',
        columns: [
          id,
          { name: 'token_id', type: 'integer' },
          { ...text('serial_number', 64), isUnique: true },
          text('model', 120, true),
          text('description', 200, true),
          text('color', 60, true),
          text('asset_tag', 120, true),
          text('os', 30, true),
          text('device_family', 30, true),
          text('profile_status', 20),
          text('apple_profile_uuid', 64, true),
          instant('profile_assign_time', true),
          instant('profile_push_time', true),
          instant('device_assigned_date', true),
          text('device_assigned_by', 254, true),
          { name: 'profile_id', type: 'integer', isNullable: true },
          instant('first_seen_at'),
          instant('last_seen_at'),
          instant('removed_at', true),
        ],
        indices: [
          new TableIndex({ name: 'device_token', columnNames: ['token_id', 'id'] }),
          new TableIndex({ name: 'device_profile', columnNames: ['profile_id'] }),
        ],
        foreignKeys: [
          {
            columnNames: ['token_id'],
            referencedTableName: 'enrollment_program_token',
            referencedColumnNames: ['id'],
            onDelete: 'RESTRICT',
          },
          { columnNames: ['profile_id'], referencedTableName: 'enrollment_profile', referencedColumnNames: ['id'], onDelete: 'RESTRICT' },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('device');
    await queryRunner.dropTable('enrollment_profile');
    await queryRunner.dropTable('enrollment_program_token');
    await queryRunner.dropTable('encryption_key');
    await queryRunner.dropTable('mdm_push_certificate');
  }
}
