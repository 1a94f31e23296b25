/**
 * Supervision as the device says it: `device_enrollment.supervised` becomes
 * nullable without a default, null meaning the device has not said (no DeviceInformation answer,
 * or one without IsSupervised). Rows already stored keep their value: whether it came from the
 * device or from the profile cannot be told apart any more, and a re-enrollment asks again.
 */
import { type MigrationInterface, type QueryRunner, TableColumn } from 'typeorm';

export class EnrollmentSupervisionUnknown1801353600000 implements MigrationInterface {
  name = 'EnrollmentSupervisionUnknown1801353600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.changeColumn(
      'device_enrollment',
      'supervised',
      new TableColumn({ name: 'supervised', type: 'boolean', isNullable: true }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('UPDATE device_enrollment SET supervised = false WHERE supervised IS NULL');
    await queryRunner.changeColumn(
      'device_enrollment',
      'supervised',
      new TableColumn({
        name: 'supervised',
        type: 'boolean',
        default: queryRunner.connection.driver.options.type === 'postgres' ? 'false' : '0',
      }),
    );
  }
}
