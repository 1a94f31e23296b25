/**
 * Device identities by SCEP beside ACME and PKCS#12: `enrollment_profile.identity_kind` (`SCEP`,
 * `ACME` or `PKCS12`; a plain varchar, no CHECK, so a new kind needs no migration; null: the
 * server's MDM_IDENTITY) and `scep_challenge`, the one-time challenges handed out with enrollment profiles.
 */
import { type MigrationInterface, type QueryRunner, Table, TableColumn, TableIndex } from 'typeorm';
import { instant } from './column-kinds.js';

export class DeviceIdentityKinds1803772800000 implements MigrationInterface {
  name = 'DeviceIdentityKinds1803772800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn(
      'enrollment_profile',
      new TableColumn({ name: 'identity_kind', type: 'varchar', length: '20', isNullable: true }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'scep_challenge',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'device_id', type: 'integer' },
          { name: 'serial_number', type: 'varchar', length: '64' },
          { name: 'challenge_hash', type: 'varchar', length: '64' },
          instant('attempt_started_at'),
          instant('expires_at'),
          instant('used_at', true),
          instant('created_at'),
        ],
        indices: [
          new TableIndex({ name: 'scep_challenge_hash', columnNames: ['challenge_hash'], isUnique: true }),
          new TableIndex({ name: 'scep_challenge_device', columnNames: ['device_id'] }),
        ],
        foreignKeys: [{ columnNames: ['device_id'], referencedTableName: 'device', referencedColumnNames: ['id'], onDelete: 'CASCADE' }],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('scep_challenge');
    await queryRunner.dropColumn('enrollment_profile', 'identity_kind');
  }
}
