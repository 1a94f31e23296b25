/**
 * ACME device identities: `acme_client_identifier` (the one-time identifiers issued with enrollment
 * profiles), `acme_account` and `acme_order` (see `acme.entity.ts`).
 */
import { type MigrationInterface, type QueryRunner, Table, TableIndex } from 'typeorm';
import { instant, integer, text } from './column-kinds.js';

const longText = (name: string, nullable = false) => ({ name, type: 'text', isNullable: nullable });
const key = (name: string) => ({ name, type: 'varchar', length: '32', isPrimary: true });

export class Acme1803168000000 implements MigrationInterface {
  name = 'Acme1803168000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'acme_client_identifier',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' as const },
          text('identifier_hash', 64),
          integer('device_id'),
          text('serial_number', 64),
          text('udid', 64, true),
          instant('expires_at'),
          instant('used_at', true),
          instant('created_at'),
        ],
        indices: [
          new TableIndex({ name: 'acme_client_identifier_hash', columnNames: ['identifier_hash'], isUnique: true }),
          new TableIndex({ name: 'acme_client_identifier_device', columnNames: ['device_id'] }),
        ],
        foreignKeys: [{ columnNames: ['device_id'], referencedTableName: 'device', referencedColumnNames: ['id'], onDelete: 'CASCADE' }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'acme_account',
        columns: [key('id'), text('thumbprint', 64), longText('jwk'), instant('created_at')],
        indices: [new TableIndex({ name: 'acme_account_thumbprint', columnNames: ['thumbprint'], isUnique: true })],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'acme_order',
        columns: [
          key('id'),
          text('account_id', 32),
          integer('client_identifier_id'),
          text('status', 20),
          text('identifier_value', 200),
          text('authorization_status', 20),
          text('token', 64),
          instant('expires_at'),
          instant('validated_at', true),
          longText('attested_public_key', true),
          text('attested_serial_number', 64, true),
          text('attested_udid', 64, true),
          longText('certificate_chain', true),
          instant('created_at'),
        ],
        indices: [new TableIndex({ name: 'acme_order_account', columnNames: ['account_id'] })],
        foreignKeys: [
          { columnNames: ['account_id'], referencedTableName: 'acme_account', referencedColumnNames: ['id'], onDelete: 'CASCADE' },
          {
            columnNames: ['client_identifier_id'],
            referencedTableName: 'acme_client_identifier',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('acme_order');
    await queryRunner.dropTable('acme_account');
    await queryRunner.dropTable('acme_client_identifier');
  }
}
