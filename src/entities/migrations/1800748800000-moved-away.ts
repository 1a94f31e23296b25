/**
 * Devices moved between Homeroom's tokens: the token a device's row left when Apple
 * moved it to another token's MDM server, and when, so the old token lists it as moved away.
 */
import { type MigrationInterface, type QueryRunner, TableColumn, TableForeignKey, TableIndex } from 'typeorm';

export class MovedAway1800748800000 implements MigrationInterface {
  name = 'MovedAway1800748800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumns('device', [
      new TableColumn({ name: 'moved_away_from_token_id', type: 'integer', isNullable: true }),
      new TableColumn({ name: 'moved_away_at', type: 'varchar', length: '32', isNullable: true }),
    ]);
    await queryRunner.createForeignKey(
      'device',
      new TableForeignKey({
        columnNames: ['moved_away_from_token_id'],
        referencedTableName: 'enrollment_program_token',
        referencedColumnNames: ['id'],
        onDelete: 'SET NULL',
      }),
    );
    await queryRunner.createIndex(
      'device',
      new TableIndex({ name: 'device_moved_away_from', columnNames: ['moved_away_from_token_id', 'id'] }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('device', 'device_moved_away_from');
    const table = await queryRunner.getTable('device');
    const key = table?.foreignKeys.find((foreignKey) => foreignKey.columnNames.includes('moved_away_from_token_id'));
    if (key) await queryRunner.dropForeignKey('device', key);
    await queryRunner.dropColumns('device', ['moved_away_from_token_id', 'moved_away_at']);
  }
}
