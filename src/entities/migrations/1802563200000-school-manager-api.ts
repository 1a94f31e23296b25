/**
 * The Apple School Manager API: the organisation's API account (sealed key) and what a reconcile
 * learns about devices that DEP does not say: released from the organisation (and when), order
 * number, purchase source, AppleCare coverage.
 */
import { type MigrationInterface, type QueryRunner, Table, TableColumn } from 'typeorm';
import { instant, text } from './column-kinds.js';

const DEVICE_COLUMNS = [
  instant('released_from_org_at', true),
  text('order_number', 64, true),
  text('purchase_source_type', 30, true),
  text('apple_care_status', 20, true),
  text('apple_care_description', 200, true),
  instant('apple_care_ends_at', true),
  instant('school_manager_checked_at', true),
];

export class SchoolManagerApi1802563200000 implements MigrationInterface {
  name = 'SchoolManagerApi1802563200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'school_manager_account',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { ...text('organization_id', 64), isUnique: true },
          text('client_id', 200),
          text('key_id', 200),
          { name: 'sealed_private_key', type: 'text' },
          instant('created_at'),
          instant('updated_at'),
        ],
      }),
    );
    await queryRunner.addColumns(
      'device',
      DEVICE_COLUMNS.map((column) => new TableColumn(column)),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumns(
      'device',
      DEVICE_COLUMNS.map((column) => column.name),
    );
    await queryRunner.dropTable('school_manager_account');
  }
}
