/**
 * User affinity and Shared iPad: who signed in during a device's enrollment, wrong
 * sign-ins in a row, the MaximumResidentUsers a Shared iPad acknowledged, and its resident users.
 */
import { type MigrationInterface, type QueryRunner, Table, TableColumn, TableForeignKey, TableIndex } from 'typeorm';
import { instant } from './column-kinds.js';

export class UserAffinity1799539200000 implements MigrationInterface {
  name = 'UserAffinity1799539200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumns('device_enrollment', [
      new TableColumn({ name: 'user_id', type: 'integer', isNullable: true }),
      new TableColumn({ name: 'failed_sign_ins', type: 'integer', default: 0 }),
      new TableColumn({ name: 'maximum_resident_users', type: 'integer', isNullable: true }),
    ]);
    await queryRunner.createForeignKey(
      'device_enrollment',
      new TableForeignKey({
        columnNames: ['user_id'],
        referencedTableName: 'directory_user',
        referencedColumnNames: ['id'],
        onDelete: 'SET NULL',
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'resident_user',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'device_id', type: 'integer' },
          { name: 'short_name', type: 'varchar', length: '254' },
          { name: 'long_name', type: 'varchar', length: '200', isNullable: true },
          { name: 'user_id', type: 'integer', isNullable: true },
          instant('first_signed_in_at'),
          instant('last_signed_in_at'),
        ],
        indices: [new TableIndex({ name: 'resident_user_device_name', columnNames: ['device_id', 'short_name'], isUnique: true })],
        foreignKeys: [
          { columnNames: ['device_id'], referencedTableName: 'device', referencedColumnNames: ['id'], onDelete: 'CASCADE' },
          { columnNames: ['user_id'], referencedTableName: 'directory_user', referencedColumnNames: ['id'], onDelete: 'SET NULL' },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('resident_user');
    const table = await queryRunner.getTable('device_enrollment');
    const userKey = table?.foreignKeys.find((key) => key.columnNames.includes('user_id'));
    if (userKey) await queryRunner.dropForeignKey('device_enrollment', userKey);
    await queryRunner.dropColumns('device_enrollment', ['user_id', 'failed_sign_ins', 'maximum_resident_users']);
  }
}
