/**
 * `assignment_outcome.device_id` loses its foreign key to `device`. The key added nothing: every
 * outcome row is written from the job's own selection of existing devices, in one statement.
 * It cost a lot: creating a job's outcome rows ran a key check per row (on PostgreSQL, a row
 * lock on each of up to 200,000 devices, more than half the time of the job's creation), and
 * deleting a token's devices had to look up each device's outcome rows through a column no index
 * covers (`ON DELETE SET NULL`), once per device. The column stays: a device deleted since the
 * job ran now shows as an outcome whose device is gone (the API answers `device: null`, as
 * before), and the job's own outcomes still go with the job.
 */
import { type MigrationInterface, type QueryRunner, TableForeignKey } from 'typeorm';

export class AssignmentOutcomeDeviceKey1805587200000 implements MigrationInterface {
  name = 'AssignmentOutcomeDeviceKey1805587200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const table = await queryRunner.getTable('assignment_outcome');
    const key = table?.foreignKeys.find((foreignKey) => foreignKey.columnNames.includes('device_id'));
    if (key) await queryRunner.dropForeignKey('assignment_outcome', key);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // Outcomes of devices deleted meanwhile would break the key: they get no device, as SET NULL would have done.
    await queryRunner.query('UPDATE assignment_outcome SET device_id = NULL WHERE device_id NOT IN (SELECT id FROM device)');
    await queryRunner.createForeignKey(
      'assignment_outcome',
      new TableForeignKey({
        columnNames: ['device_id'],
        referencedTableName: 'device',
        referencedColumnNames: ['id'],
        onDelete: 'SET NULL',
      }),
    );
  }
}
