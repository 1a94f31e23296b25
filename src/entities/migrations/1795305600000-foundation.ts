/**
 * API keys and the audit log. Written with TypeORM's Table API rather than SQL so the one
 * migration creates the same schema on SQLite and PostgreSQL; `test/entities/migrations.test.ts`
 * checks that the migrated schema is exactly what the entities describe.
 */
import { type MigrationInterface, type QueryRunner, Table, TableIndex } from 'typeorm';
import { id, instant } from './column-kinds.js';

export class Foundation1795305600000 implements MigrationInterface {
  name = 'Foundation1795305600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'api_key',
        columns: [
          id,
          { name: 'name', type: 'varchar', length: '100' },
          { name: 'description', type: 'varchar', length: '500', isNullable: true },
          { name: 'role', type: 'varchar', length: '20' },
          { name: 'prefix', type: 'varchar', length: '16' },
          { name: 'secret_hash', type: 'varchar', length: '64', isUnique: true },
          { name: 'created_by', type: 'varchar', length: '120' },
          instant('created_at'),
          instant('last_used_at', true),
          instant('revoked_at', true),
        ],
        indices: [new TableIndex({ name: 'api_key_active_name', columnNames: ['name'], isUnique: true, where: 'revoked_at IS NULL' })],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'audit_event',
        columns: [
          id,
          instant('occurred_at'),
          { name: 'actor_name', type: 'varchar', length: '120' },
          { name: 'actor_api_key_id', type: 'integer', isNullable: true },
          { name: 'action', type: 'varchar', length: '80' },
          { name: 'outcome', type: 'varchar', length: '10' },
          { name: 'error_code', type: 'varchar', length: '60', isNullable: true },
          { name: 'error_message', type: 'varchar', length: '1000', isNullable: true },
          { name: 'request_id', type: 'varchar', length: '64', isNullable: true },
          { name: 'details', type: 'text', isNullable: true },
        ],
        indices: [new TableIndex({ name: 'audit_event_action', columnNames: ['action', 'id'] })],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'audit_event_target',
        columns: [
          id,
          { name: 'event_id', type: 'integer' },
          { name: 'target_type', type: 'varchar', length: '60' },
          { name: 'target_key', type: 'varchar', length: '120' },
        ],
        indices: [new TableIndex({ name: 'audit_event_target_lookup', columnNames: ['target_type', 'target_key'] })],
        foreignKeys: [
          { columnNames: ['event_id'], referencedTableName: 'audit_event', referencedColumnNames: ['id'], onDelete: 'CASCADE' },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('audit_event_target');
    await queryRunner.dropTable('audit_event');
    await queryRunner.dropTable('api_key');
  }
}
